/// A small fixed set of words (keys, enum raw values) matched against bytes: the first 16
/// bytes of each word are kept as two 64-bit integers, so a match is two compares (and a
/// byte compare of the rest for a longer word).
struct ByteWords<Value: Sendable>: Sendable {
    private let words: [(count: Int, low: UInt64, high: UInt64, bytes: [UInt8], value: Value)]

    /// `words`, with what each stands for.
    init(_ words: [(String, Value)]) {
        self.words = words.map { word, value in
            let (low, high) = Array(word.utf8).withUnsafeBufferPointer { Self.pack($0) }
            return (word.utf8.count, low, high, Array(word.utf8), value)
        }
    }

    /// What `bytes` stands for; nil when it is none of the words.
    func match(_ bytes: UnsafeBufferPointer<UInt8>) -> Value? {
        let (low, high) = Self.pack(bytes)
        for word in words where word.count == bytes.count && word.low == low && word.high == high {
            if word.count <= 16 || word.bytes.elementsEqual(bytes) { return word.value }
        }
        return nil
    }

    private static func pack(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
        var low: UInt64 = 0, high: UInt64 = 0
        for i in 0..<min(bytes.count, 16) {
            if i < 8 { low |= UInt64(bytes[i]) << (8 * i) } else { high |= UInt64(bytes[i]) << (8 * (i - 8)) }
        }
        return (low, high)
    }
}

extension ByteWords where Value == Int {
    /// Words standing for their index in `words`.
    init(indexing words: [String]) { self.init(words.enumerated().map { ($0.element, $0.offset) }) }
}

extension ByteWords where Value: RawRepresentable & CaseIterable, Value.RawValue == String {
    /// Every case of an enum, by its raw value.
    init(cases: Value.Type) { self.init(cases.allCases.map { ($0.rawValue, $0) }) }
}
