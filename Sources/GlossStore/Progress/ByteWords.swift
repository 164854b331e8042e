/// A small fixed set of words (keys, enum raw values) matched against bytes: the first 16
/// bytes of each word are kept as two 64-bit integers, so a match is two compares (and a
/// byte compare of the rest for a longer word). Not generic, so matching never looks up
/// type metadata at run time.
struct ByteWords: Sendable {
    // Parallel arrays of plain integers: reading them retains nothing.
    private let counts: [Int]
    private let lows: [UInt64]
    private let highs: [UInt64]
    private let words: [[UInt8]]

    init(_ words: [String]) {
        self.words = words.map { Array($0.utf8) }
        counts = self.words.map(\.count)
        let packed = self.words.map { $0.withUnsafeBufferPointer { Self.pack($0) } }
        lows = packed.map(\.0)
        highs = packed.map(\.1)
    }

    /// The index of the word `bytes` spells; nil when it is none of them.
    func index(of bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let (low, high) = Self.pack(bytes)
        for i in counts.indices where counts[i] == bytes.count && lows[i] == low && highs[i] == high {
            if bytes.count <= 16 || words[i].elementsEqual(bytes) { return i }
        }
        return nil
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
