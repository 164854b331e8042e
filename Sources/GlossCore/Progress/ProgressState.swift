import Foundation

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
    /// An answer with `revokes` set is a re-rating: it replaces that answer (same card,
    /// time and confusion, a new rating and `after`) in one record.
    /// An answer to a card whose key can't be stored (`CardKey.isStorable`) only moves `lastSeq`.
    public mutating func apply(_ record: ReviewRecord) {
        lastSeq = max(lastSeq, record.seq)
        guard record.card.isStorable else { return }
        switch Self.cardEffect(of: record) {
        case .keep: break
        case .set(let state): cards[record.card] = state
        case .reset: cards[record.card] = nil
        }
        confusions.count(record)
    }

    /// What a record does to its card's schedule.
    public enum CardEffect: Equatable, Sendable {
        case keep
        case set(CardState)
        /// The card is new again (it has no state).
        case reset
    }

    public static func cardEffect(of record: ReviewRecord) -> CardEffect {
        switch record.kind {
        case .review: record.after.map { .set($0) } ?? .keep
        case .practice: .keep
        case .revoke: record.after.map { $0 == CardState.new ? .reset : .set($0) } ?? .keep
        }
    }
}
