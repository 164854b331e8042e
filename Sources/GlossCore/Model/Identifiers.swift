/// The stable identifier of an entry within its deck, e.g. `mesa-optimization`.
///
/// Progress is keyed by this id, so editing a definition or renaming a term that keeps
/// an explicit `id:` keeps the learner's cards.
public struct EntryID: RawRepresentable, Hashable, Comparable, Codable, Sendable,
    CustomStringConvertible, ExpressibleByStringLiteral
{
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The stable identifier of a deck, e.g. `ai-safety`.
public struct DeckID: RawRepresentable, Hashable, Comparable, Codable, Sendable,
    CustomStringConvertible, ExpressibleByStringLiteral
{
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The one rule for the characters a deck or entry id can hold: a card key is written
/// `deck/entry/facet`, so an id holds no `/`, and, being a name in files and terminals,
/// no control character (tab, newline, NUL, ...). Not empty.
public enum IdentifierRule {
    /// What is wrong with `id` as a deck or entry id, in words; nil when it is fine.
    public static func problem(_ id: String) -> String? {
        if id.isEmpty { return "is empty" }
        for scalar in id.unicodeScalars {
            if scalar == "/" { return "contains '/', which separates deck, entry and facet in a card key" }
            if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) {
                return "contains a control character (U+\(String(scalar.value, radix: 16, uppercase: true)))"
            }
        }
        return nil
    }

    /// `problem(id) == nil`, read from the UTF-8 bytes (a control character U+0080–U+009F is
    /// the two bytes C2 80–C2 9F): what replay asks of every answer's card.
    public static func isFine(_ id: String) -> Bool {
        func fine(_ bytes: some Collection<UInt8>) -> Bool {
            guard !bytes.isEmpty else { return false }
            var previous: UInt8 = 0
            for byte in bytes {
                if byte == 0x2F || byte < 0x20 || byte == 0x7F || (previous == 0xC2 && (0x80...0x9F).contains(byte)) {
                    return false
                }
                previous = byte
            }
            return true
        }
        // The bytes in place (no copy of a native string; a small one's from the stack).
        var id = id
        return id.withUTF8 { fine($0) }
    }
}
