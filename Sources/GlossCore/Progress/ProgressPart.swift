/// What one part of a journal does to a `ProgressState`, folded without the state before
/// it, so the parts of a long journal can be replayed side by side and then applied in order.
///
/// A card's state is whatever the part's last record for it said; confusions are counted by
/// the one rule, `ConfusionCounts`.
public struct ProgressPart: Sendable {
    public var cards: [CardKey: CardState] = [:]
    /// Cards the part made new again.
    public var reset: Set<CardKey> = []
    public var confusions = ConfusionCounts()
    public var lastSeq = 0
    public var records = 0

    public init() {}

    /// Folds the part's next record in (as `ProgressState.apply` does).
    public mutating func apply(_ record: ReviewRecord) {
        lastSeq = max(lastSeq, record.seq)
        records += 1
        guard record.card.isStorable else { return }
        switch ProgressState.cardEffect(of: record) {
        case .keep: break
        case .set(let state):
            cards[record.card] = state
            reset.remove(record.card)
        case .reset:
            cards[record.card] = nil
            reset.insert(record.card)
        }
        confusions.add(record)
    }
}

extension ProgressState {
    /// Applies a part of the journal that follows the records already folded in.
    public mutating func apply(_ part: ProgressPart) {
        for card in part.reset { cards[card] = nil }
        cards.merge(part.cards) { _, later in later }
        confusions = part.confusions.applied(to: confusions)
        lastSeq = max(lastSeq, part.lastSeq)
    }
}
