import GlossCore

/// What merging an import into an existing deck did.
public struct DeckMergeResult: Equatable, Sendable {
    public var deck: Deck
    /// New entries, appended at the end.
    public var added: [EntryID]
    /// Existing entries whose definition, explanation, aliases, tags or relations changed.
    public var updated: [EntryID]
    /// Existing entries the import matched but did not change.
    public var unchanged: [EntryID]
}

/// Merges an imported deck into an existing one, keeping the existing ids (and so progress).
public enum DeckMerge {
    /// Each imported entry matches an existing one by id, then by term or alias
    /// (case-insensitive); a match keeps its id and takes the imported non-empty definition and
    /// explanation, and the union of aliases, tags and relations. Others are appended.
    public static func merge(_ incoming: Deck, into existing: Deck) -> DeckMergeResult {
        var deck = existing
        var byName: [String: EntryID] = [:]
        for entry in existing.entries {
            for name in [entry.id.rawValue] + entry.names where byName[name.lowercased()] == nil {
                byName[name.lowercased()] = entry.id
            }
        }
        let before = Dictionary(existing.entries.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        // Map every incoming id to the id it will have in the merged deck.
        var finalID: [EntryID: EntryID] = [:]
        for entry in incoming.entries {
            let match =
                (before[entry.id] != nil ? entry.id : nil)
                ?? entry.names.lazy.compactMap { byName[$0.lowercased()] }.first
            finalID[entry.id] = match ?? entry.id
        }
        var added: [EntryID] = []
        var touched: [EntryID] = []
        var touchedSet = Set<EntryID>()
        var position = Dictionary(deck.entries.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        for entry in incoming.entries {
            guard let id = finalID[entry.id] else { continue }
            let related = entry.related.compactMap { finalID[$0] }.filter { $0 != id }
            if let index = position[id], before[id] != nil {
                var target = deck.entries[index]
                if !entry.definition.isEmpty { target.definition = entry.definition }
                if !entry.explanation.isEmpty { target.explanation = entry.explanation }
                for alias in entry.names
                where alias.lowercased() != target.term.lowercased()
                    && !target.aliases.contains(where: { $0.lowercased() == alias.lowercased() })
                    && (byName[alias.lowercased()] == nil || byName[alias.lowercased()] == id)
                {
                    target.aliases.append(alias)
                }
                for tag in entry.tags where !target.tags.contains(tag) { target.tags.append(tag) }
                for other in related where !target.related.contains(other) { target.related.append(other) }
                deck.entries[index] = target
                if touchedSet.insert(id).inserted { touched.append(id) }
            } else if position[id] == nil {
                var copy = entry
                copy.id = id
                copy.related = related
                position[id] = deck.entries.count
                deck.entries.append(copy)
                added.append(id)
            }
        }
        // Keep relations symmetric where the import added one side.
        for index in deck.entries.indices {
            for other in deck.entries[index].related {
                if let j = position[other], !deck.entries[j].related.contains(deck.entries[index].id) {
                    deck.entries[j].related.append(deck.entries[index].id)
                    if before[deck.entries[j].id] != nil, touchedSet.insert(deck.entries[j].id).inserted {
                        touched.append(deck.entries[j].id)
                    }
                }
            }
        }
        func now(_ id: EntryID) -> Entry? { position[id].map { deck.entries[$0] } }
        let updated = touched.filter { now($0) != before[$0] }
        let unchanged = touched.filter { now($0) == before[$0] }
        return DeckMergeResult(deck: deck, added: added, updated: updated, unchanged: unchanged)
    }
}
