import Foundation

/// Values found by the bytes that spell them: what a journal reader keeps of the strings
/// and card keys it has met, so each is built once and shared by every later line, and
/// how a deck's names and ids are looked up when it loads (`NameTable`).
///
/// An open-addressed table keyed by a hash of the bytes, read a word at a time. A slot is
/// one word: the hash's high 32 bits (a tag, never 0) and the value's place in a dense
/// array, plus one, in a table kept at most three quarters full; the key bytes of every
/// value lie end to end in one array, so a hit is checked against bytes next to each
/// other, not against a value's own storage somewhere on the heap (the table is read on
/// every string of every line, and its misses in the cache were most of its time). It stops
/// growing at `limit` values (later ones are made each time).
struct ByteTable<Value> {
    /// Each slot: tag << 32 | (index + 1); 0 is empty.
    private var slots: [UInt64] = []
    /// The values, in the order they came.
    private var values: [Value] = []
    /// Value i's key bytes: `keys[spans[i] >> 32 ..< +(spans[i] & 0xFFFF_FFFF)]`.
    private var spans: [UInt64] = []
    private var keys: [UInt8] = []
    var count: Int { values.count }
    let limit: Int

    init(limit: Int = 1 << 20) { self.limit = min(limit, Int(UInt32.max - 1)) }

    /// The value stored for `bytes` and its place (values are numbered 0, 1, … in the order
    /// they came), nil when none is.
    func find(_ bytes: UnsafeBufferPointer<UInt8>) -> (value: Value, index: Int)? {
        guard !slots.isEmpty else { return nil }
        return probe(bytes, hash: Self.hash(bytes)).found.map { (values[$0], $0) }
    }

    /// Where `bytes` are stored (their value's index), else the empty slot they would take.
    private func probe(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (found: Int?, slot: Int) {
        let tag = Self.tag(hash)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            let word = slots[slot]
            if word >> 32 == tag {
                let index = Int(truncatingIfNeeded: word & 0xFFFF_FFFF) - 1
                if spells(index, bytes) { return (index, slot) }
            }
            slot = (slot + 1) & mask
        }
        return (nil, slot)
    }

    /// The value stored for `bytes`; else `make(bytes)`, stored for next time (a nil made
    /// value is not stored).
    mutating func value<Failure: Error>(
        _ bytes: UnsafeBufferPointer<UInt8>, make: (UnsafeBufferPointer<UInt8>) throws(Failure) -> Value?
    ) throws(Failure) -> Value? { try entry(bytes, make: make)?.value }

    /// `value`, with its place (`find`); nil for a value made but not stored (past `limit`).
    mutating func entry<Failure: Error>(
        _ bytes: UnsafeBufferPointer<UInt8>, make: (UnsafeBufferPointer<UInt8>) throws(Failure) -> Value?
    ) throws(Failure) -> (value: Value, index: Int?)? {
        let hash = Self.hash(bytes)
        var slot = 0
        if !slots.isEmpty {
            let (found, free) = probe(bytes, hash: hash)
            if let found { return (values[found], found) }
            slot = free
        }
        guard let made = try make(bytes) else { return nil }
        guard count < limit, keys.count + bytes.count <= Int(UInt32.max) else { return (made, nil) }
        if (count + 1) * 4 > slots.count * 3 {
            grow()
            slot = freeSlot(for: hash)
        }
        spans.append(UInt64(keys.count) << 32 | UInt64(bytes.count))
        keys.append(contentsOf: bytes)
        values.append(made)
        slots[slot] = Self.tag(hash) << 32 | UInt64(values.count)
        return (made, values.count - 1)
    }

    /// A hash of `bytes`, eight at a time (a multiply and a shift each), the length mixed in
    /// first and the last word read overlapping the one before it (or padded with zeros).
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        // An empty buffer may have no address: it hashes as any other empty one.
        guard let base = bytes.baseAddress else { return mix(h) }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i + 8 <= bytes.count {
            h = mix(h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            i += 8
        }
        guard i < bytes.count else { return mix(h) }
        if bytes.count >= 8 {
            // The last eight bytes, overlapping the ones before: the length is in `h` already.
            return mix(mix(h ^ raw.loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt64.self)))
        }
        var last: UInt64 = 0
        for k in i..<bytes.count { last |= UInt64(bytes[k]) << (8 * UInt64(k - i)) }
        return mix(mix(h ^ last))
    }

    private static func mix(_ x: UInt64) -> UInt64 {
        let m = x &* 0xFF51_AFD7_ED55_8CCD
        return m ^ (m >> 32)
    }

    /// The high 32 bits of `hash`, never 0.
    private static func tag(_ hash: UInt64) -> UInt64 { max(1, hash >> 32) }

    private func spells(_ index: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let span = spans[index]
        let count = Int(truncatingIfNeeded: span & 0xFFFF_FFFF)
        guard count == bytes.count else { return false }
        guard count > 0, let b = bytes.baseAddress else { return true }
        let start = Int(truncatingIfNeeded: span >> 32)
        return keys.withUnsafeBufferPointer { known in
            guard let k = known.baseAddress else { return false }
            return memcmp(k + start, b, count) == 0
        }
    }

    /// Twice the slots (at least 1,024), every value moved to its slot there.
    private mutating func grow() {
        slots = [UInt64](repeating: 0, count: max(1024, slots.count * 2))
        keys.withUnsafeBufferPointer { all in
            for (i, span) in spans.enumerated() {
                let start = Int(truncatingIfNeeded: span >> 32)
                let key = UnsafeBufferPointer(rebasing: all[start..<start + Int(truncatingIfNeeded: span & 0xFFFF_FFFF)])
                let hash = Self.hash(key)
                slots[freeSlot(for: hash)] = Self.tag(hash) << 32 | UInt64(i + 1)
            }
        }
    }

    /// The first empty slot from `hash`'s own.
    private func freeSlot(for hash: UInt64) -> Int {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        return slot
    }
}
