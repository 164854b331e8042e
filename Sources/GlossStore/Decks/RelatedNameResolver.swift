import GlossCore

/// Resolves `related:` names to entry ids by term, id or alias, ignoring case.
///
/// When a name could mean two entries, a term wins over an id and an id over an alias, so
/// that the writer's related-by-term (Markdown) and related-by-id (JSON) read back exactly.
/// Among names of the same kind, the earlier entry wins.
///
/// Names are found by their bytes (`NameBytes`, `ByteTable`): hashing and lower-casing
/// `String`s was most of the time of loading a deck of 10,000 entries. A class, so that the
/// closures that read its tables hold a reference, not a copy of them.
final class RelatedNameResolver {
    /// The entry each lower-cased name means, by its place in `ids`.
    private var table = ByteTable<Int>(limit: .max)
    /// The first entry with each id (exact), by its place in `ids`.
    private var byID = ByteTable<Int>(limit: .max)
    private let ids: [EntryID]
    private let terms: [String]

    init(entries: [Entry]) {
        // By index: a `for entry in` copies each entry whole (a retain of every string).
        ids = entries.indices.map { entries[$0].id }
        terms = entries.indices.map { entries[$0].term }
        for i in entries.indices {
            NameBytes.lowercased(entries[i].term) { table.keepFirst($0, i) }
            NameBytes.exact(entries[i].id.rawValue) { byID.keepFirst($0, i) }
        }
        for i in entries.indices { NameBytes.lowercased(entries[i].id.rawValue) { table.keepFirst($0, i) } }
        for i in entries.indices {
            for alias in entries[i].aliases { NameBytes.lowercased(alias) { table.keepFirst($0, i) } }
        }
    }

    /// The term of the (first) entry with this id.
    func term(of id: EntryID) -> String? {
        NameBytes.exact(id.rawValue) { byID.find($0) }.map { terms[$0.value] }
    }

    /// The entry that `name` means; with `idsFirst`, an exact id match wins over everything.
    func resolve(_ name: String, idsFirst: Bool = false) -> EntryID? {
        if idsFirst, NameBytes.exact(name, { byID.find($0) }) != nil { return EntryID(name) }
        return NameBytes.lowercased(name) { table.find($0) }.map { ids[$0.value] }
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
