import GlossCore

/// Resolves `related:` names to entry ids by term, id or alias, ignoring case.
///
/// When a name could mean two entries, a term wins over an id and an id over an alias, so
/// that the writer's related-by-term (Markdown) and related-by-id (JSON) read back exactly.
/// Among names of the same kind, the earlier entry wins.
struct RelatedNameResolver {
    private var exactIDs: Set<EntryID> = []
    private var table: [String: EntryID] = [:]
    private var terms: [EntryID: String] = [:]

    init(entries: [Entry]) {
        exactIDs = Set(entries.map(\.id))
        for entry in entries {
            insert(entry.term, entry.id)
            if terms[entry.id] == nil { terms[entry.id] = entry.term }
        }
        for entry in entries { insert(entry.id.rawValue, entry.id) }
        for entry in entries { for alias in entry.aliases { insert(alias, entry.id) } }
    }

    private mutating func insert(_ name: String, _ id: EntryID) {
        let key = name.lowercased()
        if table[key] == nil { table[key] = id }
    }

    /// The term of the (first) entry with this id.
    func term(of id: EntryID) -> String? {
        terms[id]
    }

    /// The entry that `name` means; with `idsFirst`, an exact id match wins over everything.
    func resolve(_ name: String, idsFirst: Bool = false) -> EntryID? {
        if idsFirst, exactIDs.contains(EntryID(name)) { return EntryID(name) }
        return table[name.lowercased()]
    }

    /// The related ids of `entry` from its names: unresolved names, itself and repeats dropped.
    func related(of entry: EntryID, names: [String], idsFirst: Bool = false) -> [EntryID] {
        var seen = Set<EntryID>()
        return names.compactMap { resolve($0, idsFirst: idsFirst) }
            .filter { $0 != entry && seen.insert($0).inserted }
    }
}
