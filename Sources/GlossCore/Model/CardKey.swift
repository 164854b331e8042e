/// Identifies one schedulable card: a facet of an entry in a deck.
///
/// Its text form is `deck/entry/facet`, e.g. `ai-safety/mesa-optimization/recall`.
public struct CardKey: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public var deck: DeckID { didSet { derive() } }
    public var entry: EntryID { didSet { derive() } }
    public var facet: Facet { didSet { derive() } }
    /// Whether the key can be written as `deck/entry/facet` and read back: both ids follow
    /// `IdentifierRule`. Progress ignores answers to a card whose key can't (an id written
    /// before the rule existed), so one bad id never locks a learner out. Made once, where
    /// the key is made (a replay asks it of every answer).
    public private(set) var isStorable: Bool
    /// FNV-1a of `description`'s bytes, made once: the key's hash, a quick "not equal", and
    /// where its fuzz seeds start (`FuzzSeed.of(_:reviews:)`). A dictionary of cards hashes
    /// one number, not two strings.
    public private(set) var digest: UInt64

    public init(deck: DeckID, entry: EntryID, facet: Facet) {
        self.deck = deck
        self.entry = entry
        self.facet = facet
        isStorable = false
        digest = 0
        derive()
    }

    private mutating func derive() {
        isStorable = IdentifierRule.isFine(deck.rawValue) && IdentifierRule.isFine(entry.rawValue)
        digest = Self.digest(deck, entry, facet)
    }

    private static func digest(_ deck: DeckID, _ entry: EntryID, _ facet: Facet) -> UInt64 {
        var h = FNV1a.offsetBasis
        FNV1a.mix(deck.rawValue, into: &h)
        FNV1a.mix("/", into: &h)
        FNV1a.mix(entry.rawValue, into: &h)
        FNV1a.mix("/", into: &h)
        FNV1a.mix(facet.rawValue, into: &h)
        return h
    }

    public static func == (a: CardKey, b: CardKey) -> Bool {
        a.digest == b.digest && a.facet == b.facet && a.entry == b.entry && a.deck == b.deck
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(digest) }

    private enum CodingKeys: String, CodingKey { case deck, entry, facet }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            deck: try c.decode(DeckID.self, forKey: .deck), entry: try c.decode(EntryID.self, forKey: .entry),
            facet: try c.decode(Facet.self, forKey: .facet))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(deck, forKey: .deck)
        try c.encode(entry, forKey: .entry)
        try c.encode(facet, forKey: .facet)
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
