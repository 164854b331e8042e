import GlossCore

/// Resolves `related:` names to entry ids by term, id or alias, ignoring case.
///
/// When a name could mean two entries, a term wins over an id and an id over an alias, so
/// that the writer's related-by-term (Markdown) and related-by-id (JSON) read back exactly.
/// Among names of the same kind, the earlier entry wins.
///
/// Names are found by their bytes where they are ASCII (`NameTable`).
final class RelatedNameResolver {
    /// The entry each lower-cased name means, by its place in `ids`.
    private let table = NameTable<Int>(ignoringCase: true)
    /// The first entry with each id (exact), by its place in `ids`.
    private let byID = NameTable<Int>(ignoringCase: false)
    private let ids: [EntryID]
    private let terms: [String]

    init(entries: [Entry]) {
        // By index: a `for entry in` copies each entry whole (a retain of every string).
        ids = entries.indices.map { entries[$0].id }
        terms = entries.indices.map { entries[$0].term }
        for i in entries.indices {
            table.keepFirst(entries[i].term, i)
            byID.keepFirst(entries[i].id.rawValue, i)
        }
        for i in entries.indices { table.keepFirst(entries[i].id.rawValue, i) }
        for i in entries.indices {
            for alias in entries[i].aliases { table.keepFirst(alias, i) }
        }
    }

    /// The term of the (first) entry with this id.
    func term(of id: EntryID) -> String? {
        byID.find(id.rawValue).map { terms[$0] }
    }

    /// The entry that `name` means; with `idsFirst`, an exact id match wins over everything.
    func resolve(_ name: String, idsFirst: Bool = false) -> EntryID? {
        if idsFirst, byID.find(name) != nil { return EntryID(name) }
        return table.find(name).map { ids[$0] }
    }

    /// The related ids of `entry` from its names: unresolved names, itself and repeats dropped.
    func related(of entry: EntryID, names: [String], idsFirst: Bool = false) -> [EntryID] {
        var result: [EntryID] = []
        result.reserveCapacity(names.count)
        // A deck's lists are short: a linear look for repeats beats hashing until they are not.
        var seen: Set<EntryID>? = names.count > 16 ? Set(minimumCapacity: names.count) : nil
        for name in names {
            guard let id = resolve(name, idsFirst: idsFirst), id != entry else { continue }
            if seen != nil {
                guard seen?.insert(id).inserted == true else { continue }
            } else if result.contains(id) {
                continue
            }
            result.append(id)
        }
        return result
    }
}
