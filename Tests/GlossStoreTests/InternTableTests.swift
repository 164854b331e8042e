import Foundation
import Testing

@testable import GlossStore

/// The journal reader's string table gives back each string its bytes spell, once stored.
@Suite struct InternTableTests {
    func look(_ table: inout InternTable, _ bytes: [UInt8]) -> String? {
        bytes.withUnsafeBufferPointer { table.string($0) }
    }

    @Test func equalBytesGiveTheStringAndAreStoredOnce() {
        var table = InternTable()
        let words = (0..<5000).map { "entry-\($0)-\(String(repeating: "x", count: $0 % 40))" }
        for _ in 0..<2 {
            for word in words { #expect(look(&table, Array(word.utf8)) == word) }
        }
        #expect(table.count == words.count)
        #expect(look(&table, []) == "")
        #expect(table.count == words.count + 1)
    }

    @Test func invalidUTF8IsNilAndNotStored() {
        var table = InternTable()
        #expect(look(&table, [0x66, 0xFF, 0x6F]) == nil)
        #expect(look(&table, [0xC3]) == nil)
        #expect(table.count == 0)
        #expect(look(&table, [0xC3, 0xA9]) == "é")
    }

    /// Strings whose hashes share a slot, or are equal, are each kept and told apart by their
    /// bytes, through the table's growth.
    @Test func collidingHashesAreToldApartByTheirBytes() {
        var table = InternTable()
        // FNV-1a is no secret: many short strings share the low bits that pick a slot.
        let words = (0..<20_000).map { String($0, radix: 36) }
        for word in words { #expect(look(&table, Array(word.utf8)) == word) }
        for word in words.reversed() { #expect(look(&table, Array(word.utf8)) == word) }
        #expect(table.count == words.count)
    }

    @Test func pastItsLimitItStillAnswersButStoresNoMore() {
        var table = InternTable(limit: 3)
        let words = ["a", "b", "c", "d", "e"]
        for word in words + words { #expect(look(&table, Array(word.utf8)) == word) }
        #expect(table.count == 3)
    }
}
