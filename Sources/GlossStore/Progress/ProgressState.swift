import Foundation
import GlossCore

/// A learner's progress in memory: card states, confusions, and the last journal record
/// folded in. Replaying the journal from an empty state rebuilds it exactly.
public struct ProgressState: Equatable, Sendable {
    public var cards: [CardKey: CardState]
    public var confusions: Confusions
    public var lastSeq: Int

    public init(cards: [CardKey: CardState] = [:], confusions: Confusions = Confusions(), lastSeq: Int = 0) {
        self.cards = cards
        self.confusions = confusions
        self.lastSeq = lastSeq
    }

    /// Folds one journal record in.
    ///
    /// A `review` sets the card to its `after`; a `practice` leaves the schedule alone;
    /// both count their confusion. A `revoke` (written by undo) carries the undone record's
    /// `before` as its own `after` (nil for a practice answer) and takes back its confusion.
    public mutating func apply(_ record: ReviewRecord) {
        switch Self.cardEffect(of: record) {
        case .keep: break
        case .set(let state): cards[record.card] = state
        case .reset: cards[record.card] = nil
        }
        if let picked = record.confusion {
            confusions.record(
                deck: record.card.deck, asked: record.card.entry, picked: picked, times: Self.confusionTimes(of: record))
        }
        lastSeq = max(lastSeq, record.seq)
    }

    /// What a record does to its card's schedule.
    enum CardEffect: Equatable {
        case keep
        case set(CardState)
        /// The card is new again (it has no state).
        case reset
    }

    static func cardEffect(of record: ReviewRecord) -> CardEffect {
        switch record.kind {
        case .review: record.after.map { .set($0) } ?? .keep
        case .practice: .keep
        case .revoke: record.after.map { $0 == CardState.new ? .reset : .set($0) } ?? .keep
        }
    }

    /// How a record counts its confusion: an answer adds it, a revocation takes it back.
    static func confusionTimes(of record: ReviewRecord) -> Int { record.kind == .revoke ? -1 : 1 }
}
