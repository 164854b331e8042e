import Foundation

/// The strings a journal reader has seen, found by the bytes that spell them: card ids,
/// devices and answers repeat across a journal, so each is built once and shared.
///
/// An open-addressing table keyed by the bytes' FNV-1a hash (already computed to look up),
/// so a lookup costs one hash of the bytes and one comparison, not a second, seeded hash of
/// the key as a `Dictionary` would. It stops growing at `limit` strings (later ones are
/// built each time).
struct InternTable {
    private var hashes: [UInt64]
    private var strings: [String?]
    private(set) var count = 0
    /// 64 less the number of bits of a slot index.
    private var shift: UInt64 = 64 - 10
    let limit: Int

    init(limit: Int = 1 << 20) {
        self.limit = limit
        hashes = Array(repeating: 0, count: 1024)
        strings = Array(repeating: nil, count: 1024)
    }

    /// The string `bytes` spell (nil for invalid UTF-8), the same instance as for earlier
    /// equal bytes.
    mutating func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        hash |= 1  // 0 marks an empty slot
        let mask = hashes.count - 1
        var slot = Self.slot(hash, shift)
        while hashes[slot] != 0 {
            if hashes[slot] == hash, let known = strings[slot], Self.spells(known, bytes) { return known }
            slot = (slot + 1) & mask
        }
        guard let text = String(validating: bytes, as: UTF8.self) else { return nil }
        guard count < limit else { return text }
        hashes[slot] = hash
        strings[slot] = text
        count += 1
        if count * 2 > hashes.count { grow() }
        return text
    }

    /// Where a hash goes first among `1 << (64 - shift)` slots: its top bits after a
    /// Fibonacci multiply (FNV's low bits depend on the bytes' low bits only).
    private static func slot(_ hash: UInt64, _ shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    private static func spells(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var text = text
        return text.withUTF8 { known in
            guard known.count == bytes.count else { return false }
            guard let a = known.baseAddress, let b = bytes.baseAddress else { return true }
            return memcmp(a, b, bytes.count) == 0
        }
    }

    /// Twice the slots, every string placed again.
    private mutating func grow() {
        let oldHashes = hashes, oldStrings = strings
        hashes = Array(repeating: 0, count: oldHashes.count * 2)
        strings = Array(repeating: nil, count: oldHashes.count * 2)
        let mask = hashes.count - 1
        shift -= 1
        for (hash, text) in zip(oldHashes, oldStrings) {
            guard hash != 0 else { continue }
            var slot = Self.slot(hash, shift)
            while hashes[slot] != 0 { slot = (slot + 1) & mask }
            hashes[slot] = hash
            strings[slot] = text
        }
    }
}
