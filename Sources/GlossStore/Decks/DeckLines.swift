import Foundation
import GlossCore

/// A deck file's lines, each trimmed of spaces and tabs, as byte ranges of its UTF-8 text:
/// the parser reads them in place and makes a `String` only of what an entry keeps (a
/// `String` per line was most of the time of loading a deck of 10,000 entries).
///
/// Lines end at LF, CRLF or a lone CR; a leading byte-order mark is dropped. Trimming and
/// prefixes agree with the `Character` walk they replace: an ASCII byte is a `Character` of
/// its own unless a non-ASCII scalar follows it (a combining mark), so a byte-level answer
/// is taken only when the byte after what it looked at is ASCII, and the `Character` walk of
/// the line's text decides otherwise.
struct DeckLines {
    let bytes: UnsafeBufferPointer<UInt8>
    /// Each line's trimmed range in `bytes`.
    private(set) var ranges: [Range<Int>] = []

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        ranges.reserveCapacity(bytes.count / 64)
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        // memchr finds each LF; a CR can only end a line before it (CRLF, or a lone CR).
        while start < bytes.count {
            let newline = firstByte(UInt8(ascii: "\n"), start..<bytes.count) ?? bytes.count
            guard let carriage = firstByte(UInt8(ascii: "\r"), start..<newline) else {
                if newline == bytes.count { break }
                ranges.append(trimmed(start..<newline))
                start = newline + 1
                continue
            }
            ranges.append(trimmed(start..<carriage))
            start = carriage + 1 == newline && newline < bytes.count ? newline + 1 : carriage + 1
        }
        ranges.append(trimmed(start..<bytes.count))
    }

    var count: Int { ranges.count }

    subscript(line: Int) -> Range<Int> { ranges[line] }

    func isEmpty(_ line: Int) -> Bool { ranges[line].isEmpty }

    /// The text of `range`.
    func text(_ range: Range<Int>) -> String {
        range.isEmpty ? "" : String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// The text of a line.
    func text(line: Int) -> String { text(ranges[line]) }

    /// Whether a line is exactly `literal` (ASCII).
    func line(_ line: Int, is literal: StaticString) -> Bool {
        let range = ranges[line]
        return range.count == literal.utf8CodeUnitCount && matches(range.lowerBound, literal)
    }

    /// `String.hasPrefix` of a line's text, for an ASCII `literal`.
    func line(_ line: Int, hasPrefix literal: StaticString) -> Bool {
        hasPrefix(ranges[line], literal)
    }

    /// `hasPrefix` of the text of `range`, for an ASCII `literal`.
    func hasPrefix(_ range: Range<Int>, _ literal: StaticString) -> Bool {
        let length = literal.utf8CodeUnitCount
        guard range.count >= length, matches(range.lowerBound, literal) else { return false }
        if isSettled(range, at: range.lowerBound + length) { return true }
        return text(range).hasPrefix(String(describing: literal))
    }

    /// Whether the byte at `offset` cannot join the `Character` before it: the range ends
    /// there, or the byte is ASCII.
    func isSettled(_ range: Range<Int>, at offset: Int) -> Bool {
        offset >= range.upperBound || bytes[offset] < 0x80
    }

    /// Whether every byte of `range` is ASCII.
    func isASCII(_ range: Range<Int>) -> Bool {
        ByteCursor.isASCII(UnsafeBufferPointer(rebasing: bytes[range]))
    }

    /// Whether `range` spells `word` (lower-case ASCII letters) in any case.
    func equalsIgnoringASCIICase(_ range: Range<Int>, _ word: String) -> Bool {
        guard range.count == word.utf8.count else { return false }
        return zip(range, word.utf8).allSatisfy { offset, letter in bytes[offset] | 0x20 == letter }
    }

    private func matches(_ offset: Int, _ literal: StaticString) -> Bool {
        let pattern = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
        for i in pattern.indices where bytes[offset + i] != pattern[i] { return false }
        return true
    }

    /// `range` without leading and trailing spaces and tabs, as `Substring.trimmedSpaces`
    /// trims the text: on bytes when the kept edges are ASCII, else by the `Character` walk
    /// of the range's text alone (whose result is a run of the same bytes).
    func trimmed(_ range: Range<Int>) -> Range<Int> {
        var start = range.lowerBound
        var end = range.upperBound
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        if start == end { return start..<start }
        while bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        if bytes[start] < 0x80, bytes[end - 1] < 0x80 { return start..<end }
        let text = text(range)
        let isSpace: (Character) -> Bool = { $0.isWhitespace && !$0.isNewline }
        guard let first = text.firstIndex(where: { !isSpace($0) }), let last = text.lastIndex(where: { !isSpace($0) }) else {
            return range.lowerBound..<range.lowerBound
        }
        let utf8 = text.utf8
        let lower = range.lowerBound + utf8.distance(from: utf8.startIndex, to: first)
        let upper = range.lowerBound + utf8.distance(from: utf8.startIndex, to: text.index(after: last))
        return lower..<upper
    }

    /// The items of a comma-separated list, trimmed, empty ones dropped, as `split(separator:
    /// ",")` and `trimmedSpaces` give them: on bytes when the list is ASCII.
    func listItems(_ range: Range<Int>) -> [String] {
        guard !range.isEmpty else { return [] }
        guard isASCII(range) else {
            return text(range).split(separator: ",").map { $0.trimmedSpaces }.filter { !$0.isEmpty }
        }
        var items: [String] = []
        var start = range.lowerBound
        while start <= range.upperBound {
            let comma = firstByte(UInt8(ascii: ","), start..<range.upperBound) ?? range.upperBound
            let item = trimmed(start..<comma)
            if !item.isEmpty { items.append(text(item)) }
            start = comma + 1
        }
        return items
    }

    /// The lines `lines`, joined by `separator` between each two, as one string.
    func joined(_ lines: Range<Int>, separator: (_ next: Int) -> UInt8) -> String {
        guard !lines.isEmpty else { return "" }
        let length = lines.reduce(lines.count - 1) { $0 + ranges[$1].count }
        return String(unsafeUninitializedCapacity: length) { out in
            var position = 0
            for line in lines {
                if line > lines.lowerBound {
                    out[position] = separator(line)
                    position += 1
                }
                let range = ranges[line]
                if let to = out.baseAddress, let from = bytes.baseAddress, !range.isEmpty {
                    (to + position).initialize(from: from + range.lowerBound, count: range.count)
                }
                position += range.count
            }
            return position
        }
    }

    /// The offset of the first `byte` in `range`, found by `memchr`.
    private func firstByte(_ byte: UInt8, _ range: Range<Int>) -> Int? {
        guard let base = bytes.baseAddress, !range.isEmpty,
            let hit = memchr(base + range.lowerBound, Int32(byte), range.count)
        else { return nil }
        return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
    }
}
