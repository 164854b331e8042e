import Foundation
import Testing

/// `learner` lists the learners; a mistyped `--learner` is refused with the closest name
/// unless `--new`, and the first learner of an empty progress folder just works.
@Suite struct LearnerEndToEndTests {
    func study(_ folder: URL, _ extra: [String], day: String, input: String = "a\n") throws -> BinaryRunner.Output {
        try BinaryRunner.run(
            ["study", "--now", "\(day)T09:00:00Z", "--seed", "7"] + extra, input: input, in: folder,
            environment: ["TZ": "UTC"])
    }

    func exists(_ folder: URL, _ file: String) -> Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent("Progress/\(file)").path)
    }

    @Test func theFirstLearnerOfAnEmptyFolderJustWorksAndATypoIsRefused() throws {
        let folder = try BinaryRunner.shippedDeckWorkspace()
        #expect(try study(folder, ["--learner", "sim"], day: "2026-01-01").status == 0)
        let typo = try study(folder, ["--learner", "simm"], day: "2026-01-02")
        #expect(typo.status == 2)
        #expect(typo.stderr == "error: no learner 'simm' in Progress; did you mean 'sim'? (--new to start a new learner)\n")
        #expect(typo.stdout == "")
        #expect(!exists(folder, "simm.reviews.jsonl") && !exists(folder, "simm.json"))
        let far = try BinaryRunner.run(["stats", "--learner", "zoe"], in: folder)
        #expect(far.status == 2)
        #expect(far.stderr == "error: no learner 'zoe' in Progress (--new to start a new learner)\n")
        let new = try study(folder, ["--learner", "simm", "--new"], day: "2026-01-02")
        #expect(new.status == 0)
        #expect(exists(folder, "simm.reviews.jsonl"))
        // Known now: no --new needed.
        #expect(try study(folder, ["--learner", "simm"], day: "2026-01-03").status == 0)
    }

    @Test func theDefaultLearnerNeedsNoFlagEvenBesideOthers() throws {
        let folder = try BinaryRunner.shippedDeckWorkspace()
        #expect(try study(folder, ["--learner", "sim"], day: "2026-01-01").status == 0)
        let run = try study(folder, [], day: "2026-01-01")
        #expect(run.status == 0)
        #expect(run.stderr == "")
        #expect(exists(folder, "tester.reviews.jsonl"))
    }

    @Test func learnerListsTheLearnersWithTheirLastStudyDay() throws {
        let folder = try BinaryRunner.shippedDeckWorkspace()
        _ = try study(folder, ["--learner", "sim"], day: "2026-01-01")
        _ = try study(folder, ["--learner", "sim"], day: "2026-01-05")
        _ = try study(folder, ["--learner", "ann", "--new"], day: "2026-01-03")
        let settings = try BinaryRunner.run(["set", "new-per-day", "5", "--learner", "bo", "--new"], in: folder)
        #expect(settings.status == 0)
        let run = try BinaryRunner.run(["learner", "--learner", "sim"], in: folder, environment: ["TZ": "UTC"])
        #expect(run.status == 0)
        #expect(
            run.stdout == """
                Learner: sim
                Learners in Progress:
                  ann  last studied 2026-01-03
                  bo   no answers yet
                * sim  last studied 2026-01-05

                """)
        // The day is the learner's local day.
        let tokyo = try BinaryRunner.run(["learner"], in: folder, environment: ["TZ": "Asia/Tokyo"])
        #expect(tokyo.stdout.contains("\n  ann  last studied 2026-01-03\n"))
        let early = try BinaryRunner.run(["learner"], in: folder, environment: ["TZ": "America/Los_Angeles"])
        #expect(early.stdout.contains("\n  sim  last studied 2026-01-05\n"))
    }

    @Test func aJournalsLastLineIsAllThatIsRead() throws {
        let folder = try BinaryRunner.temporaryFolder()
        let progress = folder.appendingPathComponent("p")
        try FileManager.default.createDirectory(at: progress, withIntermediateDirectories: true)
        // A first line that is not JSON at all, and a long last line: only the last counts.
        let last = "{\"time\":\"2026-03-04T23:30:00.000Z\",\"pad\":\"\(String(repeating: "x", count: 10_000))\"}\n"
        try Data(("not json\n" + last).utf8).write(to: progress.appendingPathComponent("kim.reviews.jsonl"))
        let run = try BinaryRunner.run(
            ["learner", "--progress", progress.path, "--decks", BinaryRunner.packageRoot.appendingPathComponent("Decks").path],
            in: folder, environment: ["TZ": "UTC"])
        #expect(run.stdout == "Learner: tester\nLearners in \(progress.path):\n  kim  last studied 2026-03-04\n")
    }

    @Test func oneShotLearnerNameIsRefusedToo() throws {
        let folder = try BinaryRunner.shippedDeckWorkspace()
        _ = try study(folder, ["--learner", "sim"], day: "2026-01-01")
        let run = try BinaryRunner.run(["learner", "sin"], in: folder)
        #expect(run.status == 2)
        #expect(run.stderr == "error: no learner 'sin' in Progress; did you mean 'sim'? (--new to start a new learner)\n")
        let new = try BinaryRunner.run(["learner", "sin", "--new"], in: folder)
        #expect(new.status == 0)
        #expect(new.stdout == "Now learning as sin (new learner).\n")
    }

    @Test func theReplAsksBeforeStartingANewLearner() throws {
        let folder = try BinaryRunner.shippedDeckWorkspace()
        _ = try study(folder, ["--learner", "sim"], day: "2026-01-01")
        let run = try BinaryRunner.run(
            [], input: "learner zed\nn\nlearner\nlearner zed\ny\nlearner\nlearner kit --new\nlearner sim\n", in: folder,
            environment: ["TZ": "UTC"])
        #expect(run.status == 0)
        #expect(run.stderr == "")
        #expect(
            run.stdout == """
                Still learning as tester.
                Learner: tester
                Learners in Progress:
                  sim  last studied 2026-01-01
                Now learning as zed (new learner).
                Learner: zed
                Learners in Progress:
                  sim  last studied 2026-01-01
                * zed  no answers yet
                Now learning as kit (new learner).
                Now learning as sim (1 cards seen).

                """)
    }

    @Test func theReplOnAnUnknownLearnerDoesNotStart() throws {
        let folder = try BinaryRunner.shippedDeckWorkspace()
        _ = try study(folder, ["--learner", "sim"], day: "2026-01-01")
        let run = try BinaryRunner.run(["--learner", "sin"], input: "learner\n", in: folder)
        #expect(run.status == 2)
        #expect(run.stderr == "error: no learner 'sin' in Progress; did you mean 'sim'? (--new to start a new learner)\n")
        #expect(run.stdout == "")
    }

    @Test func aReplLineWithAnUnknownLearnerIsRefusedAndTheLoopGoesOn() throws {
        let folder = try BinaryRunner.shippedDeckWorkspace()
        _ = try study(folder, ["--learner", "sim"], day: "2026-01-01")
        let run = try BinaryRunner.run([], input: "stats --learner sin\nlearner\n", in: folder)
        #expect(run.status == 2)
        #expect(run.stderr == "error: no learner 'sin' in Progress; did you mean 'sim'? (--new to start a new learner)\n")
        #expect(run.stdout.hasPrefix("Learner: tester\n"))
    }
}
