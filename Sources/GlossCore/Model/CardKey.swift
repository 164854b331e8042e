/// Identifies one schedulable card: a facet of an entry in a deck.
///
/// Its text form is `deck/entry/facet`, e.g. `ai-safety/mesa-optimization/recall`.
public struct CardKey: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public var deck: DeckID
    public var entry: EntryID
    public var facet: Facet

    public init(deck: DeckID, entry: EntryID, facet: Facet) {
        self.deck = deck
        self.entry = entry
        self.facet = facet
    }

    /// Parses `deck/entry/facet`; nil when the text has another shape.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, !parts[1].isEmpty,
            let facet = Facet(rawValue: String(parts[2]))
        else { return nil }
        self.init(deck: DeckID(String(parts[0])), entry: EntryID(String(parts[1])), facet: facet)
    }

    public var description: String { "\(deck.rawValue)/\(entry.rawValue)/\(facet.rawValue)" }

    public static func < (lhs: CardKey, rhs: CardKey) -> Bool {
        (lhs.deck, lhs.entry, lhs.facet) < (rhs.deck, rhs.entry, rhs.facet)
    }
}
