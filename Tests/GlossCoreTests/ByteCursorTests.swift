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
}
