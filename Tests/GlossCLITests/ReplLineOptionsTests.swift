import ArgumentParser
import Foundation
import Testing

@testable import GlossCLI

/// A REPL line's global options (`study --learner ann --now …`) apply to that line as they
/// apply to one run of `gloss study --learner ann --now …`, and the REPL's own session is
/// as it was on the next line.
@Suite struct ReplLineOptionsTests {
    static let day1 = "2026-01-01T09:00:00Z"
    static let day2 = "2026-01-02T09:00:00Z"

    func lines(_ folder: URL, _ learner: String, progress: String = "Progress") -> Int? {
        let url = folder.appendingPathComponent("\(progress)/\(learner).reviews.jsonl")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return nil }
        return text.split(separator: "\n").count
    }

    @Test func aLineWithLearnerWritesThatLearnersJournalAndTheSessionLearnerStillWorks() throws {
        let folder = try BinaryRunner.shippedDeckWorkspace()
        let run = try BinaryRunner.run(
            ["--now", Self.day1, "--seed", "7"],
            input: """
                study --learner ann
                a
                b
                quit
                learner
                study
                a
                quit
                learner ann

                """, in: folder)
        #expect(run.status == 0)
        #expect(run.stderr == "")
        // ann answered two, the REPL's learner (USER=tester) one, on the line after ann's.
        #expect(lines(folder, "ann") == 2)
        #expect(lines(folder, "tester") == 1)
        #expect(run.stdout.contains("\nLearner: tester\n"))
        // ann's line closed her progress and freed its lock: the REPL can switch to her.
        #expect(run.stdout.hasSuffix("Now learning as ann (2 cards seen).\n"))
    }

    @Test func aLineOnTheSessionsOwnLearnerTakesItsProgressOverAndHandsItBack() throws {
        let folder = try BinaryRunner.shippedDeckWorkspace()
        let run = try BinaryRunner.run(
            ["--now", Self.day1, "--seed", "7"],
            input: "study\na\nquit\nstudy --learner tester --seed 8\nb\nquit\nstudy\nquit\n", in: folder)
        #expect(run.status == 0)
        #expect(run.stderr == "")
        #expect(lines(folder, "tester") == 2)
        // Each line sees the answers of the lines before it (both were wrong: two cards learning).
        let headers = run.stdout.split(separator: "\n").filter { $0.hasPrefix("Studying ") }
        #expect(
            headers == [
                "Studying ai-safety: 10 cards (10 new · 0 learning · 0 reviews). Type ? for a hint, help for the keys.",
                "Studying ai-safety: 10 cards (9 new · 1 learning · 0 reviews). Type ? for a hint, help for the keys.",
                "Studying ai-safety: 10 cards (8 new · 2 learning · 0 reviews). Type ? for a hint, help for the keys.",
            ])
    }

    @Test func nowOnALineChangesWhatIsDueForThatLineOnly() throws {
        let folder = try BinaryRunner.shippedDeckWorkspace()
        let run = try BinaryRunner.run(
            ["--now", Self.day1, "--seed", "7"],
            input: "study\na\nb\nquit\nstudy --now \(Self.day2)\nquit\nstudy\nquit\n", in: folder)
        #expect(run.status == 0)
        let headers = run.stdout.split(separator: "\n").filter { $0.hasPrefix("Studying ") }
        #expect(
            headers == [
                "Studying ai-safety: 10 cards (10 new · 0 learning · 0 reviews). Type ? for a hint, help for the keys.",
                // The next day: the right answer's review is due and ten more new cards.
                "Studying ai-safety: 12 cards (10 new · 1 learning · 1 review). Type ? for a hint, help for the keys.",
                // Back on the REPL's clock: what is left of the first day.
                "Studying ai-safety: 9 cards (8 new · 1 learning · 0 reviews). Type ? for a hint, help for the keys.",
            ])
    }

    @Test func decksOnALineLoadsThatFolderForThatLineOnly() throws {
        let folder = try BinaryRunner.shippedDeckWorkspace()
        let other = folder.appendingPathComponent("Other")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        try "---\ntitle: Letters\n---\n\n## Alpha\n\nThe first letter.\n\n## Beta\n\nThe second letter.\n".write(
            to: other.appendingPathComponent("letters.md"), atomically: true, encoding: .utf8)
        let run = try BinaryRunner.run(
            [], input: "decks --decks Other\nshow Alpha --decks Other\ndecks\nshow Alpha\n", in: folder)
        #expect(
            run.stdout == """
                * letters  Letters (2 entries)
                Alpha  (letters)
                  The first letter.
                * ai-safety  AI Safety and Machine Learning (106 entries)

                """)
        // The REPL's own decks have no Alpha: an input error, so the piped run ends with 2.
        #expect(run.stderr.hasPrefix("error: no term 'Alpha' in deck 'ai-safety'"))
        #expect(run.status == 2)
    }

    /// A line that writes a deck into the REPL's own deck folder hands the new decks back.
    @Test func decksALineWritesAreTheReplsOnTheNextLine() throws {
        let folder = try BinaryRunner.shippedDeckWorkspace()
        try "term,definition\nAlpha,The first letter\nBeta,The second letter\n".write(
            to: folder.appendingPathComponent("letters.csv"), atomically: true, encoding: .utf8)
        let run = try BinaryRunner.run([], input: "import letters.csv --learner ann\ndecks\n", in: folder)
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("Imported 2 entries (csv) into Decks/letters.md.\n"))
        #expect(
            run.stdout.hasSuffix(
                "* ai-safety  AI Safety and Machine Learning (106 entries)\n  letters    letters (2 entries)\n"))
    }

    @Test func progressOnALineWritesInThatFolder() throws {
        let folder = try BinaryRunner.shippedDeckWorkspace()
        let run = try BinaryRunner.run(
            ["--now", Self.day1, "--seed", "7"],
            input: "study --progress Elsewhere\na\nquit\nstudy\na\nb\nquit\n", in: folder)
        #expect(run.status == 0)
        #expect(lines(folder, "tester", progress: "Elsewhere") == 1)
        #expect(lines(folder, "tester") == 2)
    }

    /// The same quiz one-shot and as a REPL line with the same options prints the same, and
    /// the line's `--seed` is not the REPL's.
    @Test func seedAndLearnerOnALinePrintWhatTheOneShotCommandPrints() throws {
        let quiz = ["quiz", "2", "--seed", "8", "--now", Self.day1, "--learner", "ann"]
        let oneShot = try BinaryRunner.run(quiz, input: "a\nb\n", in: try BinaryRunner.shippedDeckWorkspace())
        let line = try BinaryRunner.run(
            ["--seed", "7", "--now", Self.day2],
            input: quiz.joined(separator: " ") + "\na\nb\n", in: try BinaryRunner.shippedDeckWorkspace())
        let replSeed = try BinaryRunner.run(
            ["--seed", "7", "--now", Self.day1],
            input: "quiz 2 --learner ann\na\nb\n", in: try BinaryRunner.shippedDeckWorkspace())
        #expect(oneShot.status == 0)
        #expect(line.status == 0)
        #expect(oneShot.stdout.hasPrefix("Quiz: 2 questions on ai-safety."))
        #expect(line.stdout == oneShot.stdout)
        #expect(replSeed.stdout != oneShot.stdout)
    }

    @Test func learnerNameWithALineOptionIsRefusedAndNothingRuns() throws {
        let folder = try BinaryRunner.shippedDeckWorkspace()
        let run = try BinaryRunner.run([], input: "learner bob --now \(Self.day1)\nlearner\n", in: folder)
        #expect(run.status == 2)
        #expect(
            run.stderr
                == "error: learner NAME switches this REPL's learner, so it takes no --now (a line's options last that line only): switch first, then give --now on the lines that need it\n"
        )
        #expect(run.stdout == "Learner: tester\n")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Progress/bob.json").path))
    }

    @Test func aBadLineOptionIsAUsageErrorAndTheLoopGoesOn() throws {
        let folder = try BinaryRunner.shippedDeckWorkspace()
        let run = try BinaryRunner.run([], input: "stats --now tomorrow\n--learner ann\nlearner\n", in: folder)
        #expect(run.status == 2)
        #expect(
            run.stderr == """
                error: --now 'tomorrow' is not an ISO-8601 time (e.g. 2026-01-01T09:00:00Z) — try 'help stats'
                error: --learner ann names no command: a line's options go with its command, e.g. 'study --learner ann'

                """)
        #expect(run.stdout == "Learner: tester\n")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Progress").path))
    }

    @Test func optionsBeforeTheCommandWorkAsOnTheCommandLine() throws {
        let folder = try BinaryRunner.shippedDeckWorkspace()
        let run = try BinaryRunner.run([], input: "--learner ann learner\n--learner=bob learner\nlearner\n", in: folder)
        #expect(run.stdout == "Learner: ann\nLearner: bob\nLearner: tester\n")
        #expect(run.status == 0)
    }
}

/// `LineOption` knows every global option, and finds a line's command after them.
@Suite struct LineOptionTableTests {
    @Test func everyGlobalOptionIsALineOption() {
        let help = GlobalOptions.helpMessage(includeHidden: true, columns: 200)
        let flags = Set(
            help.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "," || $0 == "<" })
                .filter { $0.hasPrefix("--") }.map(String.init))
        #expect(flags.subtracting(["--help"]) == Set(LineOption.allCases.map(\.flag)))
    }

    @Test func eachLineOptionIsSeenWhenALineGivesIt() throws {
        for option in LineOption.allCases {
            let words = ["study", option.flag] + (option.takesValue ? ["7"] : [])
            let command = try GlossMain.parseAsRoot(words)
            let global = try #require(command as? StudyCommand).global
            #expect(LineOption.given(in: global) == [option])
        }
        let plain = try #require(try GlossMain.parseAsRoot(["study"]) as? StudyCommand)
        #expect(LineOption.given(in: plain.global).isEmpty)
    }

    @Test(
        arguments: [
            (["study", "--learner", "ann"], "study"),
            (["--learner", "ann", "study"], "study"),
            (["--now=2026-01-01T09:00:00Z", "--no-color", "stats"], "stats"),
            (["--seed", "3"], nil),
            (["--deck", "x", "study"], "--deck"),
        ] as [([String], String?)])
    func theCommandNameFollowsTheGlobalOptions(words: [String], expected: String?) {
        #expect(LineOption.commandName(in: words) == expected)
    }
}
