/// A glossary deck: an ordered list of entries with a title.
public struct Deck: Identifiable, Hashable, Codable, Sendable {
    public var id: DeckID
    public var title: String
    public var description: String
    public var entries: [Entry]

    public init(id: DeckID, title: String, description: String = "", entries: [Entry] = []) {
        self.id = id
        self.title = title
        self.description = description
        self.entries = entries
    }

    /// The entry with this id, if the deck has it.
    public func entry(_ id: EntryID) -> Entry? {
        entries.first { $0.id == id }
    }

    /// Entries related to `id`, in either direction (relations are symmetric).
    public func relatedIDs(of id: EntryID) -> [EntryID] {
        var result: [EntryID] = entry(id)?.related ?? []
        for other in entries where other.id != id && other.related.contains(id) && !result.contains(other.id) {
            result.append(other.id)
        }
        return result
    }
}
