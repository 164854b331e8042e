import Foundation
import Testing

@testable import GlossCore

/// The one byte cursor: each reader takes exactly its value, says nil for anything else, and
/// leaves the cursor where the problem is.
@Suite struct ByteCursorTests {
    func read<T>(_ text: String, _ body: (inout ByteCursor) -> T) -> (T, rest: String) {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            var cursor = ByteCursor(buffer)
            let value = body(&cursor)
            return (value, String(decoding: buffer[cursor.index...], as: UTF8.self))
        }
    }

    @Test(arguments: [
        ("0", 0, ""), ("-12,", -12, ","), ("  42]", 42, "]"), ("9223372036854775807", Int.max, ""),
    ])
    func integers(text: String, value: Int, rest: String) {
        let (read, left) = read(text) { $0.int() }
        #expect(read == value)
        #expect(left == rest)
    }

    @Test(arguments: ["01", "1.5", "1e3", "-", "", "9223372036854775808", "x"])
    func notIntegers(text: String) {
        let (read, left) = read(text) { $0.int() }
        #expect(read == nil)
        #expect(left == text)  // nothing consumed
    }

    @Test func doublesConvertExactly() {
        var rng = SplitMix64(seed: 5)
        for _ in 0..<5_000 {
            let value = Double(bitPattern: UInt64.random(in: 0...UInt64.max, using: &rng))
            guard value.isFinite else { continue }
            let (read, left) = read("\(value)") { $0.double() }
            #expect(read == value, "\(value)")
            #expect(left.isEmpty)
        }
        #expect(read("2.3065,") { $0.double() }.0 == 2.3065)
        #expect(read("1.") { $0.double() }.0 == nil)
        #expect(read("-0.0") { $0.double() }.0 == 0)
    }

    @Test(arguments: [
        (#""plain""#, "plain"), (#""a\"b\\c\/d""#, "a\"b\\c/d"), (#""\n\t\r\b\f""#, "\n\t\r\u{8}\u{c}"),
        (#""\u00e9\ud83d\ude42""#, "é🙂"), (#""日本""#, "日本"), (#""""#, ""),
    ])
    func strings(text: String, value: String) {
        let (read, left) = read(text) { $0.string() }
        #expect(read == value)
        #expect(left.isEmpty)
    }

    @Test(arguments: [#""open"#, #""bad \q escape""#, #""\ud83d alone""#, "\"tab\tinside\"", "no quote", #""\u12""#])
    func notStrings(text: String) {
        let (read, left) = read(text) { $0.string() }
        #expect(read == nil)
        #expect(left == text)
    }

    @Test func plainStringsRefuseEscapesAndLiteralsAreWhole() {
        #expect(read(#""a\"b""#) { $0.plainString() }.0 == nil)
        #expect(read(#""ab" "#) { $0.plainString().map { String(decoding: $0, as: UTF8.self) } }.0 == "ab")
        #expect(read(" true,") { $0.bool() } == (true, ","))
        #expect(read("fals") { $0.bool() } == (nil, "fals"))
        #expect(read(" null]") { $0.null() } == (true, "]"))
        #expect(read("  {") { $0.expect(UInt8(ascii: "{")) } == (true, ""))
        #expect(read("  [") { $0.peek() } == (UInt8(ascii: "["), "["))
    }

    /// The plain-string scan reads eight bytes at a time: a quote, a backslash or a control
    /// byte at any place in or after a word is found where a byte-by-byte reading finds it,
    /// and bytes of other UTF-8 characters (high bit set) are not taken for any of them.
    @Test func plainStringsEndAtTheirFirstQuoteWhereverItFalls() {
        for length in 0..<40 {
            var body = ""
            for k in 0..<length { body += k % 5 == 3 ? "é" : String(UnicodeScalar(UInt8(97 + k % 26))) }
            let (whole, rest) = read("\"\(body)\"x") { $0.plainString().map { String(decoding: $0, as: UTF8.self) } }
            #expect(whole == body)
            #expect(rest == "x")
            for stop in ["\\", "\t", "\u{01}", "\u{1F}"] {
                let text = "\"\(body)\(stop)\""
                let (plain, left) = read(text) { $0.plainString() }
                #expect(plain == nil, "\(length) \(stop.debugDescription)")
                #expect(left == text)
            }
        }
        // Bytes just under and over the limits of each test: space, '!', '#', '[', ']', DEL.
        let edges = " !#[]\u{7F}"
        let (both, _) = read("\"\(edges)\(edges)\"") { $0.plainString().map { String(decoding: $0, as: UTF8.self) } }
        #expect(both == edges + edges)
    }

    /// `text` (ASCII on its own path) reads bytes as `String(validating:)` does: ASCII, other
    /// UTF-8 and invalid bytes, at every length around the eight-byte steps.
    @Test func textReadsBytesAsValidatingDoes() {
        var rng = SplitMix64(seed: 31)
        let pieces: [[UInt8]] = [
            [0x61], [0x7F], [0x00], [0xC3, 0xA9], [0xE6, 0x97, 0xA5], [0xF0, 0x9F, 0x91, 0x8D], [0x80], [0xC3], [0xFF],
        ]
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            let ascii = Int.random(in: 0..<3, using: &rng) == 0
            for _ in 0..<Int.random(in: 0...20, using: &rng) {
                bytes += ascii ? [UInt8.random(in: 0..<0x80, using: &rng)] : pieces[Int.random(in: 0..<pieces.count, using: &rng)]
            }
            let read = bytes.withUnsafeBufferPointer(ByteCursor.text)
            #expect(read == String(validating: bytes, as: UTF8.self), "\(bytes)")
        }
    }
}

/// The canonical-form fast path of the one ISO-8601 parser reads what the general one does.
@Suite struct ISOTimeCanonicalTests {
    @Test func theFastPathAgreesWithTheGeneralReader() {
        var rng = SplitMix64(seed: 9)
        for _ in 0..<5_000 {
            let ms = Int64.random(in: -2_208_988_800_000...7_258_118_399_999, using: &rng)  // 1900-2199
            var text = JournalLikeFormat.format(ms)
            let fast = text.withUTF8 { ISOTime.canonicalMicroseconds($0) }
            let general = text.withUTF8 { ISOTime.generalMicroseconds($0) }
            #expect(fast != nil && fast == general, "\(text)")
        }
        for bad in [
            "2026-02-29T00:00:00.000Z", "2026-13-01T00:00:00.000Z", "2026-01-01T24:00:00.000Z", "2026-01-01T00:00:00.0a0Z",
        ] {
            var text = bad
            #expect(text.withUTF8 { ISOTime.canonicalMicroseconds($0) } == nil, "\(bad)")
            #expect(ISOTime.parse(bad) == nil, "\(bad)")
        }
    }
}

/// `YYYY-MM-DDTHH:MM:SS.mmmZ` for a millisecond count, written independently of gloss's formatter.
enum JournalLikeFormat {
    static func format(_ ms: Int64) -> String {
        let date = Date(timeIntervalSince1970: Double(ms) / 1000)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let millis = Int(((ms % 1000) + 1000) % 1000)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0,
            c.second ?? 0, millis)
    }
}
