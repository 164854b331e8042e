import Foundation

/// The strings a journal reader has seen, found by the bytes that spell them: card ids,
/// devices and answers repeat across a journal, so each is built once and shared.
///
/// Keyed by the bytes' FNV-1a hash; a hit is checked byte for byte. It stops growing at
/// `limit` strings (later ones are built each time).
struct InternTable {
    private var strings: [UInt64: String] = [:]
    var count: Int { strings.count }
    let limit: Int

    init(limit: Int = 1 << 20) { self.limit = limit }

    /// The string `bytes` spell (nil for invalid UTF-8), the same instance as for earlier
    /// equal bytes.
    mutating func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        if let known = strings[hash], Self.spells(known, bytes) { return known }
        guard let text = String(validating: bytes, as: UTF8.self) else { return nil }
        if strings.count < limit, strings[hash] == nil { strings[hash] = text }
        return text
    }

    private static func spells(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var text = text
        return text.withUTF8 { known in
            guard known.count == bytes.count else { return false }
            guard let a = known.baseAddress, let b = bytes.baseAddress else { return true }
            return memcmp(a, b, bytes.count) == 0
        }
    }
}
