import Foundation
import GlossCore

/// The strings a journal reader has seen, found by the bytes that spell them: card ids,
/// devices and answers repeat across a journal, so each is built once and shared.
///
/// An open-addressed table keyed by the bytes' FNV-1a hash, which is its own slot number (no
/// second hash of the hash); a hit is checked byte for byte. It stops growing at `limit`
/// strings (later ones are built each time).
struct InternTable {
    /// Each slot's hash (0: empty; a hash of 0 is kept as 1), and its string.
    private var hashes: [UInt64] = []
    private var strings: [String] = []
    private(set) var count = 0
    let limit: Int

    init(limit: Int = 1 << 20) { self.limit = limit }

    /// The string `bytes` spell (nil for invalid UTF-8), the same instance as for earlier
    /// equal bytes.
    mutating func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var hash = FNV1a.offsetBasis
        FNV1a.mix(bytes, into: &hash)
        if hash == 0 { hash = 1 }
        var slot = 0
        if !hashes.isEmpty {
            let mask = hashes.count - 1
            slot = Int(truncatingIfNeeded: hash) & mask
            while hashes[slot] != 0 {
                if hashes[slot] == hash, Self.spells(strings[slot], bytes) { return strings[slot] }
                slot = (slot + 1) & mask
            }
        }
        guard let text = String(validating: bytes, as: UTF8.self) else { return nil }
        guard count < limit else { return text }
        if (count + 1) * 2 > hashes.count {
            grow()
            slot = freeSlot(for: hash)
        }
        hashes[slot] = hash
        strings[slot] = text
        count += 1
        return text
    }

    /// Twice the slots (at least 1,024), every string moved to its slot there.
    private mutating func grow() {
        let oldHashes = hashes, oldStrings = strings
        let capacity = max(1024, hashes.count * 2)
        hashes = [UInt64](repeating: 0, count: capacity)
        strings = [String](repeating: "", count: capacity)
        for i in oldHashes.indices where oldHashes[i] != 0 {
            let slot = freeSlot(for: oldHashes[i])
            hashes[slot] = oldHashes[i]
            strings[slot] = oldStrings[i]
        }
    }

    /// The first empty slot from `hash`'s own.
    private func freeSlot(for hash: UInt64) -> Int {
        let mask = hashes.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while hashes[slot] != 0 { slot = (slot + 1) & mask }
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
