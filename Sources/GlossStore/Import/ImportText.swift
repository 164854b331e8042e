import Foundation

/// Text clean-up shared by the importers.
enum ImportText {
    /// Drops a byte-order mark and turns CRLF and lone CR line ends into LF.
    static func normalized(_ text: String) -> String {
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        // On UTF-8 bytes: "\r\n" is one Character in Swift, and Foundation's replace bridged
        // the whole text to UTF-16 twice.
        guard text.utf8.contains(UInt8(ascii: "\r")) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var previousCR = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\n"), previousCR {
                previousCR = false
                continue
            }
            previousCR = byte == UInt8(ascii: "\r")
            bytes.append(previousCR ? UInt8(ascii: "\n") : byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Collapses runs of whitespace (newlines included) into single spaces and trims.
    static func oneLine(_ text: String) -> String {
        if isOneLine(text) { return text }
        return text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// ASCII text without tabs, line breaks, runs of spaces or spaces at either end: what
    /// `oneLine` returns unchanged (the common case, checked without splitting).
    private static func isOneLine(_ text: String) -> Bool {
        var previous: UInt8 = UInt8(ascii: " ")
        for byte in text.utf8 {
            guard byte < 0x80, !(0x09...0x0D).contains(byte), !(byte == 0x20 && previous == 0x20) else { return false }
            previous = byte
        }
        return previous != 0x20
    }

    /// The non-blank lines of a field, trimmed: each becomes a paragraph of the explanation.
    ///
    /// A Markdown deck joins the lines of a paragraph with spaces, so a line break inside a
    /// CSV cell or an Anki `<br>` is kept as a paragraph break instead of being lost:
    /// `"One\ntwo.\n\n  Three. "` → `["One", "two.", "Three."]`.
    static func paragraphs(_ text: String) -> [String] {
        text.split(separator: "\n").map(\.trimmedWhitespace).filter { !$0.isEmpty }
    }

    /// Splits a list cell on `;` when it has one, else on `,` (and on `|`-free text, trims).
    static func list(_ text: String) -> [String] {
        let separator: Character = text.contains(";") ? ";" : ","
        return text.split(separator: separator).map(\.trimmedWhitespaceAndNewlines)
            .filter { !$0.isEmpty }
    }
}
