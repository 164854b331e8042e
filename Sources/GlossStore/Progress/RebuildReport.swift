/// What `ProgressStore.rebuild()` did, for the `gloss rebuild` command to print.
public struct RebuildReport: Equatable, Sendable {
    /// Journal records replayed.
    public var records: Int
    /// Cards with progress after the rebuild.
    public var cards: Int
    /// Cards whose state differed from the snapshot's (0 when they agreed).
    public var changedCards: Int
    public var confusionsChanged: Bool

    /// One line in plain words.
    public var summary: String {
        "replayed \(records) answers into \(cards) cards; \(changedCards) card\(changedCards == 1 ? "" : "s") changed"
            + (confusionsChanged ? ", confusions updated" : "")
    }
}
