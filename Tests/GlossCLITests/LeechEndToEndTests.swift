import Foundation
import GlossCore
import GlossStore
import Testing

/// A card forgotten `leech-threshold` times is said to be a leech as it happens, with its
/// explanation, and `gloss leeches` lists it.
@Suite struct LeechEndToEndTests {
    @Test func theEighthLapseIsSaidAndListed() throws {
        let folder = try BinaryRunner.shippedDeckWorkspace()
        let store = try ProgressStore(folder: folder.appendingPathComponent("Progress"), learner: "ann")
        let card = CardKey(deck: "ai-safety", entry: "mesa-optimization", facet: .recognize)
        let time = try #require(ISOTime.parse("2025-12-29T09:00:00Z"))
        let review = CardState(
            phase: .review, stability: 3, difficulty: 6, due: time.addingTimeInterval(3 * 86_400), lastReview: time, reps: 12,
            lapses: 7)
        try store.append(
            ReviewRecord(
                seq: 0, time: time, card: card, format: .choiceTerm, correct: true, rating: .good, before: .new, after: review))
        try store.close()

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
}
