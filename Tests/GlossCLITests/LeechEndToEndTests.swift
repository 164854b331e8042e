import Foundation
import GlossCore
import GlossStore
import Testing

/// A card forgotten `leech-threshold` times is said to be a leech as it happens, with its
/// explanation, and `gloss leeches` lists it.
@Suite struct LeechEndToEndTests {
    @Test func theEighthLapseIsSaidAndListed() throws {
        let folder = try makeLeech()

        let none = try BinaryRunner.run(["leeches", "--learner", "ann"], in: folder)
        #expect(none.stdout == "No leeches: no card has been forgotten 8 times (leech-threshold).\n")

        // The due review comes first; giving up on it is its eighth lapse.
        let study = try BinaryRunner.run(
            ["study", "--learner", "ann", "--now", "2026-01-01T09:00:00Z", "--seed", "1"], input: "!\nq\n", in: folder)
        #expect(study.status == 0, "\(study.stderr)")
        #expect(study.stdout.contains("'Mesa-Optimization' is now a leech: forgotten 8 times."), "\(study.stdout)")
        #expect(study.stdout.contains("Hubinger"))  // its explanation

        let listed = try BinaryRunner.run(["leeches", "--learner", "ann"], in: folder)
        #expect(listed.status == 0)
        #expect(listed.stdout.hasPrefix("1 leech (forgotten 8 times or more):\n\n  Mesa-Optimization (recognize): 8 lapses\n"))
        _ = try BinaryRunner.run(["set", "leech-threshold", "9", "--learner", "ann"], in: folder)
        #expect(try BinaryRunner.run(["leeches", "--learner", "ann"], in: folder).stdout.hasPrefix("No leeches"))
    }

    @Test func underLeechActionSuspendTheLeechLeavesStudyUntilUnsuspended() throws {
        let folder = try makeLeech { $0.newPerDay = 0 }
        #expect(try BinaryRunner.run(["set", "leech-action", "suspend", "--learner", "ann"], in: folder).status == 0)
        let bad = try BinaryRunner.run(["set", "leech-action", "bury", "--learner", "ann"], in: folder)
        #expect(bad.status == 2 && bad.stderr.contains("'bury' is not a valid leech-action"))

        let study = try BinaryRunner.run(
            ["study", "--learner", "ann", "--now", "2026-01-01T09:00:00Z", "--seed", "1"], input: "!\nq\n", in: folder)
        #expect(study.status == 0, "\(study.stderr)")
        #expect(study.stdout.contains("Suspended: it leaves your reviews until `unsuspend Mesa-Optimization`"))
        let journal = try String(contentsOf: folder.appendingPathComponent("Progress/ann.reviews.jsonl"), encoding: .utf8)
        #expect(journal.contains("\"kind\":\"suspend\""))
        // Days later it is due again, but suspended: nothing to study.
        let later = try BinaryRunner.run(
            ["due", "--learner", "ann", "--now", "2026-01-20T09:00:00Z"], in: folder)
        #expect(later.stdout.hasPrefix("nothing due"), "\(later.stdout)")
        let listed = try BinaryRunner.run(["leeches", "--learner", "ann"], in: folder)
        #expect(listed.stdout.contains("Mesa-Optimization (recognize): 8 lapses · suspended (`unsuspend\n  Mesa-Optimization`)"))
        let back = try BinaryRunner.run(
            ["unsuspend", "Mesa-Optimization", "--learner", "ann", "--now", "2026-01-20T09:00:00Z"], in: folder)
        #expect(back.status == 0)
        #expect(back.stdout == "Back in study: 'Mesa-Optimization' (1 card); it comes back when due.\n")
        let due = try BinaryRunner.run(["due", "--learner", "ann", "--now", "2026-01-20T09:00:00Z"], in: folder)
        #expect(due.stdout.hasPrefix("1 due"), "\(due.stdout)")
        let again = try BinaryRunner.run(["unsuspend", "--all", "--learner", "ann"], in: folder)
        #expect(again.stdout == "No card is suspended.\n")
    }

    @Test func undoingTheAnswerThatSuspendedALeechBringsItBack() throws {
        let folder = try makeLeech {
            $0.newPerDay = 0
            $0.leechAction = .suspend
        }
        let study = try BinaryRunner.run(
            ["study", "--learner", "ann", "--now", "2026-01-01T09:00:00Z", "--seed", "1"], input: "!\n", in: folder)
        #expect(study.stdout.contains("Suspended:"), "\(study.stdout)")
        let undo = try BinaryRunner.run(["undo", "--learner", "ann"], in: folder)
        #expect(undo.status == 0 && undo.stdout.hasPrefix("Undid answer to 'Mesa-Optimization'"), "\(undo.stdout)")
        let journal = try String(contentsOf: folder.appendingPathComponent("Progress/ann.reviews.jsonl"), encoding: .utf8)
        #expect(journal.contains("\"kind\":\"unsuspend\""))
        let store = try ProgressStore(folder: folder.appendingPathComponent("Progress"), learner: "ann", forReading: true)
        #expect(store.state.suspended.isEmpty)
        #expect(store.card(CardKey(deck: "ai-safety", entry: "mesa-optimization", facet: .recognize)).lapses == 7)
    }

    /// A learner whose Mesa-Optimization recognition card has lapsed 7 times and is due on
    /// 2026-01-01, with `settings` changed as given.
    func makeLeech(_ change: (inout LearnerSettings) -> Void = { _ in }) throws -> URL {
        let folder = try BinaryRunner.shippedDeckWorkspace()
        let store = try ProgressStore(folder: folder.appendingPathComponent("Progress"), learner: "ann")
        let time = try #require(ISOTime.parse("2025-12-29T09:00:00Z"))
        let review = CardState(
            phase: .review, stability: 3, difficulty: 6, due: time.addingTimeInterval(3 * 86_400), lastReview: time, reps: 12,
            lapses: 7)
        try store.append(
            ReviewRecord(
                seq: 0, time: time, card: CardKey(deck: "ai-safety", entry: "mesa-optimization", facet: .recognize),
                format: .choiceTerm, correct: true, rating: .good, before: .new, after: review))
        var settings = store.settings
        change(&settings)
        try store.updateSettings(settings)
        try store.close()
        return folder
    }
}
