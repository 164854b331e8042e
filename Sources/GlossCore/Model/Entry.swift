/// One glossary entry: a term, its one-line definition, a longer explanation, and links.
///
/// ```swift
/// let entry = Entry(id: "deepfake", term: "Deepfake",
///                   definition: "AI-generated synthetic media that depicts events that never occurred.")
/// ```
public struct Entry: Identifiable, Hashable, Codable, Sendable {
    public var id: EntryID
    public var term: String
    public var definition: String
    public var explanation: String
    /// Ids of related entries in the same deck. Relations are treated as symmetric.
    public var related: [EntryID]
    public var aliases: [String]
    public var tags: [String]

    public init(
        id: EntryID, term: String, definition: String, explanation: String = "",
        related: [EntryID] = [], aliases: [String] = [], tags: [String] = []
    ) {
        self.id = id
        self.term = term
        self.definition = definition
        self.explanation = explanation
        self.related = related
        self.aliases = aliases
        self.tags = tags
    }

    /// The term followed by its aliases: every name a learner may answer with.
    public var names: [String] { [term] + aliases }
}
