import Foundation
import GlossCore

/// How far gloss's replay of the history lands from Anki's own FSRS state.
public struct AnkiStateComparison: Equatable, Sendable {
    /// Cards with both an Anki state and a replayed one.
    public var cards: Int
    public var meanStabilityDifference: Double
    public var maxStabilityDifference: Double
    public var meanDifficultyDifference: Double
    public var maxDifficultyDifference: Double
    /// The mean of |replayed − Anki| / Anki stability.
    public var meanRelativeStabilityDifference: Double
}

extension AnkiPackageImport {
    /// The review history as journal answers, each card's states replayed from new with
    /// `scheduler` (answers for one card in time order), in time order overall.
    ///
    /// - Complexity: O(n log n) in the number of reviews.
    public func records(scheduler: any Scheduler) -> [ReviewRecord] {
        var states: [CardKey: CardState] = [:]
        var records: [ReviewRecord] = []
        records.reserveCapacity(reviews.count)
        for review in reviews {
            let before = states[review.card] ?? .new
            let after = scheduler.review(before, rating: review.rating, at: review.time, card: review.card)
            states[review.card] = after
            records.append(
                ReviewRecord(
                    seq: 0, kind: .review, time: review.time, card: review.card, answer: "",
                    correct: review.rating != .again, rating: review.rating, responseMs: review.responseMs,
                    before: before, after: after))
        }
        return records
    }

    /// The last replayed state of each card in `records`.
    public static func finalStates(_ records: [ReviewRecord]) -> [CardKey: CardState] {
        var states: [CardKey: CardState] = [:]
        for record in records { states[record.card] = record.after }
        return states
    }

    /// Compares replayed states with Anki's `cards.data`; nil when the package has none.
    public func compare(_ replayed: [CardKey: CardState]) -> AnkiStateComparison? {
        var pairs: [(ds: Double, dd: Double, rel: Double)] = []
        for (key, anki) in ankiStates.sorted(by: { $0.key < $1.key }) {
            guard let state = replayed[key], let s = state.stability, let d = state.difficulty else { continue }
            let ds = abs(s - anki.stability)
            pairs.append((ds, abs(d - anki.difficulty), anki.stability > 0 ? ds / anki.stability : 0))
        }
        guard !pairs.isEmpty else { return nil }
        let n = Double(pairs.count)
        return AnkiStateComparison(
            cards: pairs.count,
            meanStabilityDifference: pairs.map(\.ds).reduce(0, +) / n,
            maxStabilityDifference: pairs.map(\.ds).max() ?? 0,
            meanDifficultyDifference: pairs.map(\.dd).reduce(0, +) / n,
            maxDifficultyDifference: pairs.map(\.dd).max() ?? 0,
            meanRelativeStabilityDifference: pairs.map(\.rel).reduce(0, +) / n)
    }
}
