/// Which wrong entries a learner picked for which asked entries, with counts.
///
/// Question generation prefers these as distractors, to drill the learner's own confusions;
/// stats report the most confused pairs.
public struct Confusions: Hashable, Codable, Sendable {
    /// `counts["deck/asked-entry"]["picked-entry"]` = times picked.
    public var counts: [String: [String: Int]]

    public init(counts: [String: [String: Int]] = [:]) { self.counts = counts }

    public mutating func record(deck: DeckID, asked: EntryID, picked: EntryID, times: Int = 1) {
        let key = "\(deck.rawValue)/\(asked.rawValue)"
        let updated = counts[key, default: [:]][picked.rawValue, default: 0] + times
        if updated <= 0 {
            counts[key]?[picked.rawValue] = nil
            if counts[key]?.isEmpty == true { counts[key] = nil }
        } else {
            counts[key, default: [:]][picked.rawValue] = updated
        }
    }

    /// Times `picked` was picked in place of `asked` (0 when never).
    public func count(deck: DeckID, asked: EntryID, picked: EntryID) -> Int {
        counts["\(deck.rawValue)/\(asked.rawValue)"]?[picked.rawValue] ?? 0
    }

    /// Every confused pair with its count, in no particular order.
    public var pairs: [(deck: DeckID, asked: EntryID, picked: EntryID, count: Int)] {
        counts.flatMap { key, picks -> [(deck: DeckID, asked: EntryID, picked: EntryID, count: Int)] in
            guard let slash = key.firstIndex(of: "/") else { return [] }
            let deck = DeckID(String(key[..<slash])), asked = EntryID(String(key[key.index(after: slash)...]))
            return picks.map { (deck, asked, EntryID($0.key), $0.value) }
        }
    }

    /// Entries picked in place of `asked`, most often first (ties by id).
    public func picks(deck: DeckID, asked: EntryID) -> [(entry: EntryID, count: Int)] {
        (counts["\(deck.rawValue)/\(asked.rawValue)"] ?? [:])
            .map { (entry: EntryID($0.key), count: $0.value) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.entry < $1.entry }
    }
}
