import Foundation
import GlossCore

/// The strings a journal reader has seen, found by the bytes that spell them: card ids,
/// devices and answers repeat across a journal, so each is built once and shared.
///
/// An open-addressed table keyed by the bytes' FNV-1a hash. A slot is one word: the hash's
/// high 32 bits (a tag, never 0) and the string's place in a dense array, plus one, in a
/// table kept at most three quarters full; so the slots of 20,000 strings take 256 KB and a
/// probe reads one word (the table is read on every string of every line, and its misses
/// in the cache were most of its time). A hit is checked byte for byte. It stops growing at
/// `limit` strings (later ones are built each time).
struct InternTable {
    /// Each slot: tag << 32 | (index + 1); 0 is empty.
    private var slots: [UInt64] = []
    /// The strings, in the order they came.
    private var strings: [String] = []
    var count: Int { strings.count }
    let limit: Int

    init(limit: Int = 1 << 20) { self.limit = min(limit, Int(UInt32.max - 1)) }

    /// The string `bytes` spell (nil for invalid UTF-8), the same instance as for earlier
    /// equal bytes.
    mutating func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var hash = FNV1a.offsetBasis
        FNV1a.mix(bytes, into: &hash)
        let tag = Self.tag(hash)
        var slot = 0
        if !slots.isEmpty {
            let mask = slots.count - 1
            slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 {
                let word = slots[slot]
                if word >> 32 == tag {
                    let known = strings[Int(truncatingIfNeeded: word & 0xFFFF_FFFF) - 1]
                    if Self.spells(known, bytes) { return known }
                }
                slot = (slot + 1) & mask
            }
        }
        guard let text = String(validating: bytes, as: UTF8.self) else { return nil }
        guard count < limit else { return text }
        if (count + 1) * 4 > slots.count * 3 {
            grow()
            slot = freeSlot(for: hash)
        }
        strings.append(text)
        slots[slot] = tag << 32 | UInt64(strings.count)
        return text
    }

    /// The high 32 bits of `hash`, never 0.
    private static func tag(_ hash: UInt64) -> UInt64 { max(1, hash >> 32) }

    /// Twice the slots (at least 1,024), every string moved to its slot there.
    private mutating func grow() {
        slots = [UInt64](repeating: 0, count: max(1024, slots.count * 2))
        for (i, text) in strings.enumerated() {
            var hash = FNV1a.offsetBasis
            FNV1a.mix(text, into: &hash)
            slots[freeSlot(for: hash)] = Self.tag(hash) << 32 | UInt64(i + 1)
        }
    }

    /// The first empty slot from `hash`'s own.
    private func freeSlot(for hash: UInt64) -> Int {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        return slot
    }

    private static func spells(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { known in
            guard known.count == bytes.count else { return false }
            guard let a = known.baseAddress, let b = bytes.baseAddress else { return true }
            return memcmp(a, b, bytes.count) == 0
        } ?? text.utf8.elementsEqual(bytes)
    }
}
