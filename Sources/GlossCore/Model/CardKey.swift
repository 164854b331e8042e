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
            return .some(Self.ascii(bytes))
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

    /// `init(_:)` of UTF-8 bytes (nil when they are not UTF-8), without a `String` of them
    /// when they are ASCII.
    public init?(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        if bytes.allSatisfy({ $0 < 0x80 }) {
            guard let key = Self.ascii(bytes) else { return nil }
            self = key
            return
        }
        guard let text = String(validating: bytes, as: UTF8.self) else { return nil }
        self.init(text)
    }

    /// The key that ASCII `bytes` spell as `deck/entry/facet`, nil for another shape: its
    /// digest and `isStorable` read from the bytes (they are `description`'s), each id made
    /// once.
    private static func ascii(_ bytes: UnsafeBufferPointer<UInt8>) -> CardKey? {
        let slash = UInt8(ascii: "/")
        guard let first = bytes.firstIndex(of: slash), first > 0,
            let second = bytes[(first + 1)...].firstIndex(of: slash), second > first + 1,
            !bytes[(second + 1)...].contains(slash),
            let facet = facet(UnsafeBufferPointer(rebasing: bytes[(second + 1)...]))
        else { return nil }
        func string(_ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }
        // An ASCII id without a slash is fine (`IdentifierRule.isFine`) when it has no control byte.
        func fine(_ range: Range<Int>) -> Bool {
            for i in range where bytes[i] < 0x20 || bytes[i] == 0x7F { return false }
            return true
        }
        var digest = FNV1a.offsetBasis
        FNV1a.mix(bytes, into: &digest)
        return CardKey(
            deck: DeckID(string(0..<first)), entry: EntryID(string((first + 1)..<second)), facet: facet,
            isStorable: fine(0..<first) && fine((first + 1)..<second), digest: digest)
    }

    /// Each facet's name as bytes, to find a facet without making a string.
    private static let facetNames = Facet.allCases.map { ($0, Array($0.rawValue.utf8)) }

    private static func facet(_ bytes: UnsafeBufferPointer<UInt8>) -> Facet? {
        for (facet, name) in facetNames where name.count == bytes.count {
            if name.withUnsafeBufferPointer({ $0.elementsEqual(bytes) }) { return facet }
        }
        return nil
    }

    /// A key whose derived values are known.
    private init(deck: DeckID, entry: EntryID, facet: Facet, isStorable: Bool, digest: UInt64) {
        self.deck = deck
        self.entry = entry
        self.facet = facet
        self.isStorable = isStorable
        self.digest = digest
    }

    public var description: String { "\(deck.rawValue)/\(entry.rawValue)/\(facet.rawValue)" }

    public static func < (lhs: CardKey, rhs: CardKey) -> Bool {
        (lhs.deck, lhs.entry, lhs.facet) < (rhs.deck, rhs.entry, rhs.facet)
    }
}
