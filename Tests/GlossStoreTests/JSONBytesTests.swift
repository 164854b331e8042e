import Foundation
import GlossCore
import Testing

@testable import GlossStore

/// The byte writers the snapshot and the journal share: their fast paths agree with the
/// slow ones they stand in for.
@Suite struct JSONBytesTests {
    @Test(arguments: [
        ["d/b/recall", "d/a/recall", "d/a-b/recall", "D/a/recall", "d/a/recognize", "d/a", ""],
        ["d/é/recall", "d/e/recall", "d/z/recall", "d/ÿ/recall", "d/🙂/recall", "d/E/recall"],
    ])
    func keysSortByTheirUTF8Bytes(keys: [String]) {
        let byBytes = keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        #expect(JSONBytes.sortedKeys(keys) == byBytes)
        #expect(JSONBytes.sortedKeys(Set(keys)) == byBytes)
    }

    @Test(arguments: ["plain", "", "with \"quotes\"", "back\\slash", "tab\there", "line\nbreak", "\u{1}", "é🙂", "a/b"])
    func quotedTextReadsBackAsItself(text: String) throws {
        var out: [UInt8] = []
        JournalCodec.quote(text, to: &out)
        #expect(try JSONDecoder().decode(String.self, from: Data(out)) == text)
        let special: Set<UInt8> = [34, 92]
        let needsEscape = text.utf8.contains { special.contains($0) || $0 < 32 }
        let plain: [UInt8] = [34] + Array(text.utf8) + [34]
        #expect(needsEscape || out == plain)
    }

    @Test func timesAreAppendedAsTheyAreFormatted() {
        for seconds in [0, 1_764_547_200.125, -86_400.5, 253_402_300_799.999, 1_000_000_000.0004] {
            let date = Date(timeIntervalSince1970: seconds)
            var out: [UInt8] = [7]
            JournalTime.append(date, to: &out)
            #expect(out == [7] + Array(JournalTime.format(date).utf8))
            #expect(JournalTime.parse(JournalTime.format(date)) == JournalTime.rounded(date))
        }
    }
}
