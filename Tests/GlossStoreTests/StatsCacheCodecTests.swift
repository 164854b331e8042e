import Foundation
import GlossCore
import Testing

@testable import GlossStore

/// The stats cache's hand-written JSON (`StatsCacheFile.Saved.encoded`, `init(bytes:)`) is
/// the JSON `Codable` reads and writes, both ways.
@Suite struct StatsCacheCodecTests {
    static let saved = StatsCacheFile.Saved(
        version: 5, timeZone: "Europe/Paris", rolloverHour: 4, lastSeq: 1234, last: "12 2026-01-01T09:00:00.000Z d/e \"q\"",
        decks: ["d": [[20_100, 3, 2, -5, 0], [20_101]], "é-deck": []], breakdown: ["d": [1, 2, Int.max, Int.min + 1]],
        lapses: ["d": ["d/a/recall": [[20_100, 2]]]], confusions: ["d": ["a": 3, "b": 0], "x": [:]],
        devices: ["ann@phone.reviews.jsonl": 912])

    @Test(arguments: [
        saved,
        {
            var s = saved
            s.devices = nil
            return s
        }(),
    ])
    func whatItWritesJSONDecoderReadsBack(saved: StatsCacheFile.Saved) throws {
        let bytes = saved.encoded()
        #expect(try JSONDecoder().decode(StatsCacheFile.Saved.self, from: Data(bytes)) == saved)
        #expect(bytes.withUnsafeBufferPointer { StatsCacheFile.Saved(bytes: $0) } == saved)
    }

    @Test func itReadsWhatJSONEncoderWrites() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let bytes = Array(try encoder.encode(Self.saved))
        #expect(bytes.withUnsafeBufferPointer { StatsCacheFile.Saved(bytes: $0) } == Self.saved)
    }

    @Test(arguments: [
        #"{"version":5}"#, #"{"version":5,"unknown":1}"#, "[]", "",
        String(decoding: saved.encoded().dropLast(), as: UTF8.self),
        String(decoding: saved.encoded(), as: UTF8.self).replacingOccurrences(of: "1234", with: "12.5"),
        String(decoding: saved.encoded(), as: UTF8.self) + "x",
    ])
    func anythingElseIsNil(text: String) {
        #expect(Array(text.utf8).withUnsafeBufferPointer { StatsCacheFile.Saved(bytes: $0) } == nil)
    }

    /// Lapses read straight into keys and days are the rows' lapses, converted: repeated
    /// days and cards, a card with no days, several decks; a card that is not a key is nil.
    @Test func lapsesReadIntoDaysAreTheRowsLapses() throws {
        var saved = Self.saved
        saved.lapses = [
            "d": ["d/a/recall": [[20_100, 2], [20_101, 1], [20_100, 5]], "d/b/recognize": [], "d/c/relate": [[20_102, 0]]],
            "e": ["e/x/recall": [[19_000, 1]]],
        ]
        let bytes = saved.encoded()
        var lapseDays: StatsCacheFile.Saved.LapseDays? = [:]
        let read = try #require(bytes.withUnsafeBufferPointer { StatsCacheFile.Saved(bytes: $0, lapseDays: &lapseDays) })
        #expect(read.lapses.isEmpty)
        var expected: StatsCacheFile.Saved.LapseDays = [:]
        for (deck, cards) in saved.lapses {
            for (card, pairs) in cards {
                for pair in pairs {
                    expected[DeckID(deck), default: [:]][try #require(CardKey(card)), default: [:]][pair[0]] = pair[1]
                }
            }
        }
        #expect(lapseDays == expected)
        #expect(lapseDays?[DeckID("d")]?[try #require(CardKey("d/a/recall"))] == [20_100: 5, 20_101: 1])

        for lapses in [["d": ["not a key": [[1, 1]]]], ["d": ["d/caf\u{E9}/recall": [[1, 1]]]]] {
            saved.lapses = lapses
            var again: StatsCacheFile.Saved.LapseDays? = [:]
            #expect(saved.encoded().withUnsafeBufferPointer { StatsCacheFile.Saved(bytes: $0, lapseDays: &again) } == nil)
        }
    }

    /// A repeated `lapses` key replaces the first, as the rows' dictionary read does.
    @Test func aRepeatedLapsesKeyReplaces() throws {
        var text = String(decoding: Self.saved.encoded(), as: UTF8.self)
        text.removeLast()
        text += #","lapses":{}}"#
        var lapseDays: StatsCacheFile.Saved.LapseDays? = [:]
        let read = Array(text.utf8).withUnsafeBufferPointer { StatsCacheFile.Saved(bytes: $0, lapseDays: &lapseDays) }
        #expect(read != nil)
        #expect(lapseDays == [:])
        let rows = try #require(Array(text.utf8).withUnsafeBufferPointer { StatsCacheFile.Saved(bytes: $0) })
        #expect(rows.lapses.isEmpty)
    }

    @Test func integersAreWrittenAsSwiftPrintsThem() {
        for value in [0, 7, 10, -1, -10, 99_999, Int.max, Int.min, 1 << 40] {
            var out: [UInt8] = []
            JSONBytes.int(value, to: &out)
            #expect(String(decoding: out, as: UTF8.self) == String(value))
        }
    }
}
