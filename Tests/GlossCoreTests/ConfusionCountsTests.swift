import Foundation
import Testing

@testable import GlossCore

/// Confusions are counted once, by one rule: the progress state, a journal's parts and the
/// stats tally agree on every journal, however it is cut.
@Suite struct ConfusionCountsTests {
    func record(_ seq: Int, _ kind: ReviewRecord.Kind, picked: String?, revokes: Int? = nil) -> ReviewRecord {
        ReviewRecord(
            seq: seq, kind: kind, time: Date(timeIntervalSince1970: Double(seq) * 60),
            card: CardKey(deck: "d", entry: "asked", facet: .recognize), format: .choiceTerm, correct: picked == nil,
            rating: picked == nil ? .good : .again, confusedWith: picked.map { EntryID($0) }, revokes: revokes)
    }

    /// Answers, undos (of a confusion, some of one already undone) and re-ratings at random.
    func journal(_ rng: inout SplitMix64) -> [ReviewRecord] {
        (1...Int.random(in: 1...40, using: &rng)).map { seq in
            let picked = ["b", "c", nil][Int.random(in: 0..<3, using: &rng)]
            switch Int.random(in: 0..<5, using: &rng) {
            case 0: return record(seq, .revoke, picked: picked)
            case 1: return record(seq, .review, picked: picked, revokes: max(seq - 1, 1))
            case 2: return record(seq, .practice, picked: picked)
            default: return record(seq, .review, picked: picked)
            }
        }
    }

    @Test func stateTallyAndPartsCountTheSame() {
        var rng = SplitMix64(seed: 11)
        for _ in 0..<300 {
            let records = journal(&rng)
            var state = ProgressState()
            for record in records { state.apply(record) }
            var tally = StatsTally(clock: DayClock(timeZone: TimeZone(identifier: "UTC") ?? .current))
            for record in records { tally.add(record) }
            let cut = Int.random(in: 0...records.count, using: &rng)
            var first = ConfusionCounts(), second = ConfusionCounts()
            for record in records[..<cut] { first.add(record) }
            for record in records[cut...] { second.add(record) }
            #expect(second.applied(to: first.applied(to: Confusions())) == state.confusions)
            #expect(tally.confusions.applied(to: Confusions()) == state.confusions)
            // Never below zero: an undo of a confusion already gone leaves nothing.
            #expect(state.confusions.pairs.allSatisfy { $0.count > 0 })
        }
    }

    @Test func anUndoOfAConfusionAlreadyGoneLeavesZeroAndAReRatingAddsNothing() {
        var counts = ConfusionCounts()
        counts.add(record(1, .review, picked: "b"))
        counts.add(record(2, .revoke, picked: "b"))
        counts.add(record(3, .revoke, picked: "b"))
        #expect(counts.counts.isEmpty)
        counts.add(record(4, .review, picked: "b"))
        counts.add(record(5, .review, picked: "b", revokes: 4))
        #expect(counts.counts.values.reduce(0, +) == 1)
    }
}
