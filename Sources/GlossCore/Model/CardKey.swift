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
    ///
    /// ASCII text (every stored key) is split at its bytes: then every byte is a `Character`,
    /// so the bytes split at `/` exactly as the `Character`s do, for a tenth of the work
    /// (30,000 keys split as `Character`s were a tenth of opening a learner's progress).
    public init?(_ text: String) {
        var text = text
        let ascii = text.withUTF8 { bytes -> CardKey?? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            let slash = UInt8(ascii: "/")
            func string(_ range: Range<Int>) -> String {
                String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
            }
            guard let first = bytes.firstIndex(of: slash),
                let second = bytes[(first + 1)...].firstIndex(of: slash),
                !bytes[(second + 1)...].contains(slash),
                first > 0, second > first + 1,
                let facet = Facet(rawValue: string((second + 1)..<bytes.count))
            else { return .some(nil) }
            return .some(CardKey(deck: DeckID(string(0..<first)), entry: EntryID(string((first + 1)..<second)), facet: facet))
        }
        if let ascii {
            guard let key = ascii else { return nil }
            self = key
            return
        }
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
