/// A small fixed set of words (keys, enum raw values) matched against bytes: the first 16
/// bytes of each word are kept as two 64-bit integers, so a match is two compares (and a
/// byte compare of the rest for a longer word). Not generic, so matching never looks up
/// type metadata at run time. A class: a static table is read through one reference, not
/// copied with its arrays at every use.
final class ByteWords: Sendable {
    /// Each word packed, side by side: one bounds check a word, nothing retained.
    private let packed: [Packed]
    /// The words' bytes, for the rest of a word longer than 16.
    private let words: [[UInt8]]

    /// A word's length, its first 16 bytes (zero-padded) and the bits of them it fills.
    private struct Packed {
        var count: Int
        var low: UInt64
        var high: UInt64
        var lowMask: UInt64
        var highMask: UInt64
    }

    init(_ words: [String]) {
        self.words = words.map { Array($0.utf8) }
        packed = self.words.map { word in
            let (low, high) = word.withUnsafeBufferPointer { Self.pack($0) }
            let count = word.count
            return Packed(
                count: count, low: low, high: high, lowMask: count >= 8 ? ~0 : (1 << (8 * UInt64(count))) - 1,
                highMask: count >= 16 ? ~0 : count <= 8 ? 0 : (1 << (8 * UInt64(count - 8))) - 1)
        }
    }

    /// How many bytes word `i` has.
    func count(of i: Int) -> Int { packed[i].count }

    /// The first word, from word `start` on, that `bytes` spell at `offset` (and perhaps more
    /// after it); nil when none of them. Words longer than 16 bytes are never found.
    func prefix(of bytes: UnsafeBufferPointer<UInt8>, at offset: Int, from start: Int) -> Int? {
        let available = bytes.count - offset
        guard available > 0, start < packed.count else { return nil }
        let low: UInt64
        let high: UInt64
        if available >= 16, let base = bytes.baseAddress {
            // Two loads, not a copy: most keys are read with a line's rest after them.
            let raw = UnsafeRawPointer(base + offset)
            low = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
            high = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        } else {
            (low, high) = Self.pack(UnsafeBufferPointer(rebasing: bytes[offset..<offset + available]))
        }
        let limit = min(available, 16)
        return packed.withUnsafeBufferPointer { words in
            for i in start..<words.count {
                let word = words[i]
                if word.count <= limit, low & word.lowMask == word.low, high & word.highMask == word.high { return i }
            }
            return nil
        }
    }

    /// The index of the word `bytes` spells; nil when it is none of them.
    func index(of bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let (low, high) = Self.pack(bytes)
        return packed.withUnsafeBufferPointer { words in
            for i in words.indices where words[i].count == bytes.count && words[i].low == low && words[i].high == high {
                if bytes.count <= 16 || self.words[i].elementsEqual(bytes) { return i }
            }
            return nil
        }
    }

    /// The first 16 bytes, little-endian, zero-padded.
    private static func pack(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
        var packed: (UInt64, UInt64) = (0, 0)
        guard let base = bytes.baseAddress else { return packed }
        withUnsafeMutableBytes(of: &packed) { raw in
            raw.baseAddress?.copyMemory(from: base, byteCount: min(bytes.count, 16))
        }
        return (UInt64(littleEndian: packed.0), UInt64(littleEndian: packed.1))
    }
}

/// An enum's cases matched against bytes by their raw values.
struct ByteCases<Value: RawRepresentable & Sendable>: Sendable where Value.RawValue == String {
    let words: ByteWords
    let values: [Value]

    init(_ values: [Value]) {
        self.values = values
        words = ByteWords(values.map(\.rawValue))
    }

    func match(_ bytes: UnsafeBufferPointer<UInt8>) -> Value? { words.index(of: bytes).map { values[$0] } }
}
