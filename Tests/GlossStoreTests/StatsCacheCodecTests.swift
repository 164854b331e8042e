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

    @Test func integersAreWrittenAsSwiftPrintsThem() {
        for value in [0, 7, 10, -1, -10, 99_999, Int.max, Int.min, 1 << 40] {
            var out: [UInt8] = []
            JSONBytes.int(value, to: &out)
            #expect(String(decoding: out, as: UTF8.self) == String(value))
        }
    }
}
