/// The cards of a deck: each entry's `recognize` and `recall` facets, and `relate` for
/// entries with at least one related entry (in either direction).
public enum DeckCards {
    /// Every card of `deck`, in entry order then facet order.
    public static func of(_ deck: Deck) -> [(entry: Entry, key: CardKey)] {
        var related = Set<EntryID>()
        for entry in deck.entries where !entry.related.isEmpty {
            related.insert(entry.id)
            related.formUnion(entry.related)
        }
        var cards: [(entry: Entry, key: CardKey)] = []
        cards.reserveCapacity(deck.entries.count * 3)
        for entry in deck.entries {
            for facet in Facet.allCases where facet != .relate || related.contains(entry.id) {
                cards.append((entry, CardKey(deck: deck.id, entry: entry.id, facet: facet)))
            }
        }
        return cards
    }
}
