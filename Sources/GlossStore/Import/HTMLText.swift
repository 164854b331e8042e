import Foundation

/// Turns the HTML in an Anki field into plain text.
///
/// `"a<br>b &amp; <b>c</b>"` → `"a\nb & c"`; `"{{c1::Paris::capital}}"` → `"Paris"`.
enum HTMLText {
    static func plain(_ html: String) -> String {
        var text = stripCloze(html)
        if text.utf8.contains(UInt8(ascii: "<")) {
            var scalars = Array(text.unicodeScalars)
            // The passes of the patterns `<br\s*/?>` → newline, `</(div|p|li)>` → newline
            // (both in any case), then `<[^>]*>` → nothing, one after the other. Written out
            // by hand: Foundation compiled each pattern again on every call, which was most
            // of an Anki import's time.
            scalars = replacing(scalars, with: "\n", lineBreakTag)
            scalars = replacing(scalars, with: "\n", closingBlockTag)
            scalars = removingTags(scalars)
            text = string(scalars)
        }
        text = decodeEntities(text)
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map(\.trimmedWhitespace)
            .joined(separator: "\n")
            .trimmedWhitespaceAndNewlines
    }

    /// The text of `scalars`, built from UTF-8 bytes (appending scalars one by one is slow).
    private static func string(_ scalars: some Collection<Unicode.Scalar>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count)
        for scalar in scalars {
            if scalar.isASCII {
                bytes.append(UInt8(scalar.value))
            } else if let encoded = UTF8.encode(scalar) {
                bytes.append(contentsOf: encoded)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `{{c1::answer::hint}}` and `{{c1::answer}}` → `answer`.
    ///
    /// As the pattern `\{\{c\d+::(.*?)(::[^}]*)?\}\}` → `$1`: the answer is the shortest
    /// run on one line that is followed by `}}` or by `::hint}}`.
    static func stripCloze(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "{")) else { return text }
        let scalars = Array(text.unicodeScalars)
        // nextClose[i]: the first `}` at or after i (scalars.count when none).
        var nextClose = [Int](repeating: scalars.count, count: scalars.count + 1)
        for index in stride(from: scalars.count - 1, through: 0, by: -1) {
            nextClose[index] = scalars[index] == "}" ? index : nextClose[index + 1]
        }
        func isClose(_ index: Int) -> Bool {
            index + 1 < scalars.count && scalars[index] == "}" && scalars[index + 1] == "}"
        }
        var out: [Unicode.Scalar] = []
        var index = 0
        scan: while index < scalars.count {
            if scalars[index] == "{", index + 2 < scalars.count, scalars[index + 1] == "{", scalars[index + 2] == "c" {
                var cursor = index + 3
                while cursor < scalars.count, scalars[cursor].properties.numericType == .decimal { cursor += 1 }
                if cursor > index + 3, cursor + 1 < scalars.count, scalars[cursor] == ":", scalars[cursor + 1] == ":" {
                    let answerStart = cursor + 2
                    var answerEnd = answerStart
                    while true {
                        var matchEnd: Int?
                        if answerEnd + 1 < scalars.count, scalars[answerEnd] == ":", scalars[answerEnd + 1] == ":",
                            isClose(nextClose[answerEnd + 2])
                        {
                            matchEnd = nextClose[answerEnd + 2] + 2
                        } else if isClose(answerEnd) {
                            matchEnd = answerEnd + 2
                        }
                        if let matchEnd {
                            out.append(contentsOf: scalars[answerStart..<answerEnd])
                            index = matchEnd
                            continue scan
                        }
                        guard answerEnd < scalars.count, !isLineTerminator(scalars[answerEnd]) else { break }
                        answerEnd += 1
                    }
                }
            }
            out.append(scalars[index])
            index += 1
        }
        return string(out)
    }

    /// What the regular expression `.` does not match.
    private static func isLineTerminator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }

    /// Replaces each match of `match` (the end of a match starting at an index, or nil),
    /// scanning left to right without overlaps, as a regular-expression replace does.
    private static func replacing(
        _ scalars: [Unicode.Scalar], with replacement: Unicode.Scalar,
        _ match: ([Unicode.Scalar], Int) -> Int?
    ) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(scalars.count)
        var index = 0
        while index < scalars.count {
            if scalars[index] == "<", let end = match(scalars, index) {
                out.append(replacement)
                index = end
            } else {
                out.append(scalars[index])
                index += 1
            }
        }
        return out
    }

    /// Drops every `<[^>]*>`: from a `<` through the next `>`; a `<` with no `>` after it stays.
    private static func removingTags(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(scalars.count)
        var index = 0
        while index < scalars.count {
            if scalars[index] == "<" {
                guard let close = scalars[(index + 1)...].firstIndex(of: ">") else {
                    out.append(contentsOf: scalars[index...])
                    break
                }
                index = close + 1
            } else {
                out.append(scalars[index])
                index += 1
            }
        }
        return out
    }

    /// `word` at `index`, ASCII letters in any case.
    private static func hasWord(_ scalars: [Unicode.Scalar], _ word: String, at index: Int) -> Bool {
        var index = index
        for letter in word.unicodeScalars {
            guard index < scalars.count else { return false }
            let scalar = scalars[index]
            let lower = ("A"..."Z").contains(scalar) ? Unicode.Scalar(UInt8(scalar.value) + 32) : scalar
            guard lower == letter else { return false }
            index += 1
        }
        return true
    }

    /// `<br\s*/?>` in any case at `index` (a `<`): the index after it.
    private static func lineBreakTag(_ scalars: [Unicode.Scalar], _ index: Int) -> Int? {
        guard hasWord(scalars, "br", at: index + 1) else { return nil }
        var end = index + 3
        while end < scalars.count, scalars[end].properties.isWhitespace { end += 1 }
        if end < scalars.count, scalars[end] == "/" { end += 1 }
        return end < scalars.count && scalars[end] == ">" ? end + 1 : nil
    }

    /// `</div>`, `</p>` or `</li>` in any case at `index` (a `<`): the index after it.
    private static func closingBlockTag(_ scalars: [Unicode.Scalar], _ index: Int) -> Int? {
        guard index + 1 < scalars.count, scalars[index + 1] == "/" else { return nil }
        for name in ["div", "p", "li"] where hasWord(scalars, name + ">", at: index + 2) {
            return index + 2 + name.count + 1
        }
        return nil
    }

    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ",
        "mdash": "—", "ndash": "–", "hellip": "…", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”",
        "eacute": "é", "copy": "©", "reg": "®", "deg": "°", "times": "×", "middot": "·",
    ]

    /// Decodes `&amp;`, `&#233;`, `&#x1F600;` and the common named entities.
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semi = after.prefix(10).firstIndex(of: ";") {
                let name = String(after[..<semi])
                var decoded: String?
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    decoded = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
                } else if name.hasPrefix("#") {
                    decoded = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
                } else {
                    decoded = named[name]
                }
                if let decoded {
                    out += decoded
                    rest = after[after.index(after: semi)...]
                    continue
                }
            }
            out += "&"
            rest = after
        }
        return out + rest
    }
}
