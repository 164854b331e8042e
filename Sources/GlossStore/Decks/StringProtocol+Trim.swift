extension StringProtocol {
    /// The text without leading and trailing spaces and tabs (any non-newline whitespace).
    ///
    /// Native, unlike Foundation's `trimmingCharacters(in:)`, which on Linux costs
    /// microseconds per call and dominated the parse of a 10,000-entry deck.
    var trimmedSpaces: String {
        let isSpace: (Character) -> Bool = { $0.isWhitespace && !$0.isNewline }
        guard let first = firstIndex(where: { !isSpace($0) }),
            let last = lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(self[first...last])
    }
}

extension String {
    /// `trimmedSpaces` through `Substring`'s byte-level fast path.
    var trimmedSpaces: String { Substring(self).trimmedSpaces }
}

extension Substring {
    /// The text without leading and trailing non-newline whitespace, as `StringProtocol`'s
    /// `trimmedSpaces` gives it, but on UTF-8 bytes when the text allows.
    ///
    /// When the first byte after the leading spaces and tabs and the last byte before the
    /// trailing ones are ASCII, the `Character` walk would stop at exactly those bytes: a space
    /// or tab next to an ASCII byte is a grapheme of its own (only non-ASCII scalars extend or
    /// prepend to a cluster), and Unicode spaces are non-ASCII. Any other text takes the walk.
    var trimmedSpaces: String {
        let bytes = utf8
        var start = bytes.startIndex
        let end = bytes.endIndex
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { bytes.formIndex(after: &start) }
        if start == end { return "" }
        var last = bytes.index(before: end)
        while bytes[last] == 0x20 || bytes[last] == 0x09 { bytes.formIndex(before: &last) }
        guard bytes[start] < 0x80, bytes[last] < 0x80 else { return characterTrimmed }
        return String(Substring(bytes[start...last]))
    }

    /// The `Character` walk of `StringProtocol.trimmedSpaces`, for text with non-ASCII edges
    /// (on a copy, so that clusters are found as in a `String` of these bytes alone).
    private var characterTrimmed: String {
        let text = String(self)
        let isSpace: (Character) -> Bool = { $0.isWhitespace && !$0.isNewline }
        guard let first = text.firstIndex(where: { !isSpace($0) }),
            let last = text.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(text[first...last])
    }
}

extension StringProtocol {
    /// The text without leading and trailing `CharacterSet.whitespaces` scalars, trimmed
    /// scalar by scalar as Foundation does, without bridging to `NSString` (which on Linux
    /// dominated the importers' run time).
    var trimmedWhitespace: String {
        trimmingScalars(where: \.isFoundationWhitespace)
    }

    /// The text without leading and trailing `CharacterSet.whitespacesAndNewlines` scalars.
    var trimmedWhitespaceAndNewlines: String {
        trimmingScalars { $0.isFoundationWhitespace || $0.isFoundationNewline }
    }

    private func trimmingScalars(where isTrimmed: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !isTrimmed($0) }),
            let last = scalars.lastIndex(where: { !isTrimmed($0) })
        else { return "" }
        return String(decoding: utf8[first..<scalars.index(after: last)], as: UTF8.self)
    }
}

extension Unicode.Scalar {
    /// Whether Foundation's `CharacterSet.whitespaces` holds this scalar (tab, Zs and U+200B).
    var isFoundationWhitespace: Bool {
        switch value {
        case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// Whether `CharacterSet.newlines` holds this scalar (U+000A–U+000D, U+0085, U+2028, U+2029).
    var isFoundationNewline: Bool {
        switch value {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }
}
