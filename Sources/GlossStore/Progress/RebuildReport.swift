import GlossCore

/// What `ProgressStore.rebuild()` did, for the `gloss rebuild` command to print.
public struct RebuildReport: Equatable, Sendable {
    /// Journal records replayed.
    public var records: Int
    /// Cards with progress after the rebuild.
    public var cards: Int
    /// Cards whose state differed from the snapshot's (0 when they agreed).
    public var changedCards: Int
    public var confusionsChanged: Bool
    /// Cards the snapshot had that the rebuild leaves without progress.
    public var droppedCards: Int

    public init(records: Int, cards: Int, changedCards: Int, confusionsChanged: Bool, droppedCards: Int = 0) {
        self.records = records
        self.cards = cards
        self.changedCards = changedCards
        self.confusionsChanged = confusionsChanged
        self.droppedCards = droppedCards
    }

    init(old: ProgressState, rebuilt: ProgressState, records: Int) {
        let changed = Set(old.cards.keys).union(rebuilt.cards.keys).filter { old.cards[$0] != rebuilt.cards[$0] }
        self.init(
            records: records, cards: rebuilt.cards.count, changedCards: changed.count,
            confusionsChanged: old.confusions != rebuilt.confusions,
            droppedCards: old.cards.keys.filter { rebuilt.cards[$0] == nil }.count)
    }

    /// One line in plain words.
    public var summary: String {
        "replayed \(records) answers into \(cards) cards; \(changedCards) card\(changedCards == 1 ? "" : "s") changed"
            + (confusionsChanged ? ", confusions updated" : "")
    }
}
