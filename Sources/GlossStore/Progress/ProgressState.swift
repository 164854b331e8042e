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
        switch record.kind {
        case .review:
            if let after = record.after { cards[record.card] = after }
            count(record, times: 1)
        case .practice:
            count(record, times: 1)
        case .revoke:
            if let after = record.after {
                cards[record.card] = after == CardState.new ? nil : after
            }
            count(record, times: -1)
        }
        lastSeq = max(lastSeq, record.seq)
    }

    private mutating func count(_ record: ReviewRecord, times: Int) {
        guard let picked = record.confusedWith else { return }
        confusions.record(deck: record.card.deck, asked: record.card.entry, picked: picked, times: times)
    }
}
