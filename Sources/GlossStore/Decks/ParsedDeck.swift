import GlossCore

/// A deck as read from a file, with where each part stood, so lint can point at lines.
public struct ParsedDeck: Equatable, Sendable {
    /// Where one entry's parts are in the file (1-based lines).
    public struct EntrySource: Equatable, Sendable {
        public var heading: Int
        public var definition: Int
        /// Line of each metadata key (`id`, `aliases`, `tags`, `related`).
        public var keys: MetadataLines
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

/// The keys an entry's metadata lines may have.
public enum MetadataKey: String, CaseIterable, Sendable {
    case id, aliases, tags, related

    /// The key spelled by `text`, in any case.
    init?(anyCase text: String) {
        self.init(rawValue: text.lowercased())
    }
}

/// The line of each metadata key of an entry (1-based), nil for a key it does not have: four
/// numbers, not a dictionary per entry (10,000 entries are read at every start).
public struct MetadataLines: Equatable, Sendable, ExpressibleByDictionaryLiteral {
    public var id: Int?
    public var aliases: Int?
    public var tags: Int?
    public var related: Int?

    public init() {}

    /// The lines of a dictionary by key name (a name that is not a `MetadataKey` is left out).
    public init(_ lines: [String: Int]) {
        for (key, line) in lines { self[key] = line }
    }

    public init(dictionaryLiteral elements: (String, Int)...) {
        for (key, line) in elements { self[key] = line }
    }

    public subscript(key: MetadataKey) -> Int? {
        get {
            switch key {
            case .id: id
            case .aliases: aliases
            case .tags: tags
            case .related: related
            }
        }
        set {
            switch key {
            case .id: id = newValue
            case .aliases: aliases = newValue
            case .tags: tags = newValue
            case .related: related = newValue
            }
        }
    }

    /// The lines of the keys it has.
    public var values: [Int] { [id, aliases, tags, related].compactMap { $0 } }

    /// The line of the key named `name` (nil for a name that is not a `MetadataKey`).
    public subscript(name: String) -> Int? {
        get { MetadataKey(rawValue: name).flatMap { self[$0] } }
        set { if let key = MetadataKey(rawValue: name) { self[key] = newValue } }
    }
}
