import GlossCore

/// Resolves `related:` names to entry ids by term, id or alias, ignoring case.
///
/// When a name could mean two entries, a term wins over an id and an id over an alias, so
/// that the writer's related-by-term (Markdown) and related-by-id (JSON) read back exactly.
/// Among names of the same kind, the earlier entry wins.
struct RelatedNameResolver {
    private var table: [String: EntryID] = [:]
    /// The term of the first entry with each id; its keys are every exact id.
    private var terms: [EntryID: String] = [:]

    init(entries: [Entry]) {
        table.reserveCapacity(entries.count * 3)
        terms.reserveCapacity(entries.count)
        // By index: a `for entry in` copies each entry whole (a retain of every string).
        for i in entries.indices {
            insert(entries[i].term, entries[i].id)
            Self.keepFirst(&terms[entries[i].id, default: entries[i].term])
        }
        for i in entries.indices { insert(entries[i].id.rawValue, entries[i].id) }
        for i in entries.indices { for alias in entries[i].aliases { insert(alias, entries[i].id) } }
    }

    /// Stores `id` under `name` unless the name is taken (one hash lookup either way).
    private mutating func insert(_ name: String, _ id: EntryID) {
        Self.keepFirst(&table[name.lowercased(), default: id])
    }

    /// Touches a `[key, default:]` slot, which stores the default only when the key is new.
    private static func keepFirst<Value>(_ slot: inout Value) {}

    /// The term of the (first) entry with this id.
    func term(of id: EntryID) -> String? {
        terms[id]
    }

    /// The entry that `name` means; with `idsFirst`, an exact id match wins over everything.
    func resolve(_ name: String, idsFirst: Bool = false) -> EntryID? {
        if idsFirst, terms[EntryID(name)] != nil { return EntryID(name) }
        return table[name.lowercased()]
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
