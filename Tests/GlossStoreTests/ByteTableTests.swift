import Foundation
import GlossCore
import Testing

@testable import GlossStore

/// The journal reader's tables: values found again by the bytes that spell them, and the
/// line's keys found by their quoted form.
@Suite struct ByteTableTests {
    func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func aValueIsMadeOnceAndFoundByItsBytes() {
        var table = ByteTable<Int>()
        var made = 0
        let words = (0..<3_000).map { "[\"deck\",\"entry-\($0)\(String(repeating: "y", count: $0 % 19))\",\"recall\"]" }
        for _ in 0..<2 {
            for (i, word) in words.enumerated() {
                let value = bytes(word).withUnsafeBufferPointer { key in
                    table.value(key) { _ in
                        made += 1
                        return i
                    }
                }
                #expect(value == i)
                let found = bytes(word).withUnsafeBufferPointer { table.find($0) }
                #expect(found?.value == i)
                #expect(found?.index == i)  // numbered in the order they came
            }
        }
        #expect(made == words.count)
        #expect(table.count == words.count)
        // Lengths around a word: a prefix or an extension of a stored key is not it.
        #expect(bytes("[\"deck\",\"entry-1y").withUnsafeBufferPointer { table.find($0) }?.value == nil)
        #expect(bytes(words[1] + " ").withUnsafeBufferPointer { table.find($0) }?.value == nil)
        #expect([UInt8]().withUnsafeBufferPointer { table.find($0) }?.value == nil)
        // An empty key hashes the same with or without an address behind it.
        let empty = [UInt8](repeating: 0, count: 1)
        #expect(
            empty.withUnsafeBufferPointer { ByteTable<Int>.hash(UnsafeBufferPointer(rebasing: $0[0..<0])) }
                == ByteTable<Int>.hash(UnsafeBufferPointer(start: nil, count: 0)))
    }

    @Test func aValueNotMadeIsNotStoredAndPastTheLimitNoneIs() {
        var table = ByteTable<String>(limit: 2)
        #expect(bytes("a").withUnsafeBufferPointer { table.value($0) { _ in nil } } == nil)
        #expect(table.count == 0)
        for word in ["a", "b", "c", "d"] {
            #expect(bytes(word).withUnsafeBufferPointer { table.value($0) { _ in word } } == word)
        }
        #expect(table.count == 2)
        #expect(bytes("c").withUnsafeBufferPointer { table.find($0) }?.value == nil)
        #expect(bytes("b").withUnsafeBufferPointer { table.find($0) }?.value == "b")
    }

    /// Every length from 0 to 40 hashes all its bytes: words that differ in one byte only,
    /// at any place, are told apart (and most hash apart).
    @Test func everyByteOfAKeyCounts() {
        for length in 1...40 {
            let base = [UInt8](repeating: 0x61, count: length)
            var hashes = Set<UInt64>()
            for place in 0..<length {
                var other = base
                other[place] = 0x62
                hashes.insert(other.withUnsafeBufferPointer { ByteTable<Int>.hash($0) })
            }
            hashes.insert(base.withUnsafeBufferPointer { ByteTable<Int>.hash($0) })
            #expect(hashes.count == length + 1, "length \(length)")
        }
        let zeros = [UInt8](repeating: 0, count: 3)
        #expect(
            zeros.withUnsafeBufferPointer { ByteTable<Int>.hash($0) }
                != [UInt8]().withUnsafeBufferPointer { ByteTable<Int>.hash($0) })
    }

    @Test func aPrefixIsTheFirstWordFromTheStartThatTheBytesBeginWith() {
        let words = ByteWords(["\"v\":", "\"seq\":", "\"card\":", "\"answer\":", "\"a-word-longer-than-sixteen\":"])
        func prefix(_ text: String, at offset: Int = 0, from start: Int = 0) -> Int? {
            bytes(text).withUnsafeBufferPointer { words.prefix(of: $0, at: offset, from: start) }
        }
        #expect(prefix(#""v":3,"seq":1,"kind":"review","time":"x"}"#) == 0)
        #expect(prefix(#""v":3,"seq":1,"kind":"review","time":"x"}"#, from: 1) == nil)
        #expect(prefix(#"{"v":3,"seq":1,"kind":"review","time":"x"}"#, at: 7, from: 1) == 1)
        #expect(prefix(#""seq":1}"#) == 1)  // under 16 bytes left
        #expect(prefix(#""seq":"#) == 1)
        #expect(prefix(#""seq""#) == nil)
        #expect(prefix(#""seqs":1,"card":["d","e","recall"]}"#) == nil)
        #expect(prefix(#""answer" :"b"}"#) == nil)
        #expect(prefix(#""a-word-longer-than-sixteen":1,"v":2,"seq":3}"#) == nil)
        #expect(prefix("", from: 0) == nil)
        #expect(words.count(of: 3) == 9)
    }
}
