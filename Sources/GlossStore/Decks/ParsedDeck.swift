import GlossCore

/// A deck as read from a file, with where each part stood, so lint can point at lines.
public struct ParsedDeck: Equatable, Sendable {
    /// Where one entry's parts are in the file (1-based lines).
    public struct EntrySource: Equatable, Sendable {
        public var heading: Int
        public var definition: Int
        /// Line of each metadata key (`id`, `aliases`, `tags`, `related`).
        public var keys: [String: Int]
        /// The `related:` names as written, before resolution.
        public var relatedNames: [String]
    }

    public var file: String
    public var deck: Deck
    /// One per entry, in entry order.
    public var sources: [EntrySource]
    /// Line of the front matter's opening `---` (1 for a Markdown deck, 1 for JSON).
    public var headerLine: Int
}
