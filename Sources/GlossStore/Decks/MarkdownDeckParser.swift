import Foundation
import GlossCore

/// Reads a Markdown deck: front matter, then one `## Term` section per entry.
///
/// ```markdown
/// ---
/// title: AI Safety
/// ---
///
/// ## Mesa-Optimization
/// related: AI Alignment
///
/// A trained model that is itself an optimizer, with its own objective.
///
/// A longer explanation, in one or more paragraphs.
/// ```
public enum MarkdownDeckParser {
    static let entryKeys = ["id", "aliases", "tags", "related"]
    static let headerKeys = ["id", "title", "description"]

    /// Parses `text`; `file` names the file in messages and gives the default deck id.
    public static func parse(_ text: String, file: String) throws(StoreError) -> ParsedDeck {
        // Each line is trimmed once, here; nothing below needs the untrimmed text.
        let lines = splitTrimmedLines(text)
        let name = (file as NSString).lastPathComponent
        var index = 0
        while index < lines.count, lines[index].isEmpty { index += 1 }
        guard index < lines.count, lines[index] == "---" else {
            throw .deckSyntax(
                file: name, line: min(index + 1, max(lines.count, 1)),
                message: "a deck starts with front matter: a '---' line, 'title: …', and a closing '---'")
        }
        let headerLine = index + 1
        index += 1
        var header: [String: String] = [:]
        var headerKeyLines: [String: Int] = [:]
        var closed = false
        while index < lines.count {
            let trimmed = lines[index]
            index += 1
            if trimmed == "---" {
                closed = true
                break
            }
            if trimmed.isEmpty { continue }
            if trimmed.hasPrefix("#") { break }
            guard let (key, value) = keyValue(trimmed) else {
                throw .deckSyntax(file: name, line: index, message: "front matter line '\(trimmed)' is not 'key: value'")
            }
            guard headerKeys.contains(key) else {
                throw .deckSyntax(
                    file: name, line: index,
                    message: "unknown front matter key '\(key)' (expected id, title or description)")
            }
            if let first = headerKeyLines[key] {
                throw .deckSyntax(
                    file: name, line: index,
                    message: "front matter key '\(key)' appears twice (first at line \(first)); keep one")
            }
            headerKeyLines[key] = index
            header[key] = value
        }
        guard closed else {
            throw .deckSyntax(file: name, line: headerLine, message: "front matter is not closed: add a '---' line after it")
        }
        guard let title = header["title"], !title.isEmpty else {
            throw .deckSyntax(
                file: name, line: headerLine, message: "front matter has no 'title:': add a line like 'title: My Deck'")
        }
        let stem = ((name as NSString).deletingPathExtension)
        if let id = header["id"], !id.isEmpty, let problem = IdentifierRule.problem(id) {
            throw .deckSyntax(
                file: name, line: headerKeyLines["id"] ?? headerLine, message: "deck id '\(id)' \(problem): choose another 'id:'")
        }
        let deckID = DeckID(header["id"].flatMap { $0.isEmpty ? nil : $0 } ?? slug(stem))

        // Entries and where they were, side by side: an entry is never copied whole (each copy
        // retains every string of it, and 10,000 entries are read at every start).
        var entries: [Entry] = []
        var sources: [ParsedDeck.EntrySource] = []
        while index < lines.count {
            let trimmed = lines[index]
            if trimmed.hasPrefix("## ") || trimmed == "##" {
                let (entry, source) = try parseEntry(lines, from: &index, file: name)
                entries.append(entry)
                sources.append(source)
            } else if trimmed.isEmpty || (trimmed.hasPrefix("# ") && entries.isEmpty) || trimmed.hasPrefix("<!--") {
                index += 1
            } else {
                throw .deckSyntax(
                    file: name, line: index + 1,
                    message: "text outside an entry: start each entry with '## Term'")
            }
        }
        resolveRelated(&entries, sources)
        var deck = Deck(id: deckID, title: title, description: header["description"] ?? "")
        deck.entries = entries
        return ParsedDeck(file: name, deck: deck, sources: sources, headerLine: headerLine)
    }

    /// The values of an entry's metadata lines (a dictionary per entry cost more than the parse).
    private struct MetaValues {
        var id: String?
        var aliases: String?
        var tags: String?
        var related: String?

        /// Stores the value of one of `entryKeys`.
        mutating func set(_ key: String, _ value: String) {
            switch key {
            case "id": id = value
            case "aliases": aliases = value
            case "tags": tags = value
            case "related": related = value
            default: break
            }
        }
    }

    /// Reads one `## Term` section from trimmed `lines`, leaving `index` at the next heading:
    /// the entry, its related names not yet resolved to ids (they are in its source).
    private static func parseEntry(
        _ lines: [String], from index: inout Int, file: String
    ) throws(StoreError) -> (Entry, ParsedDeck.EntrySource) {
        let headingLine = index + 1
        let term = lines[index].dropFirst(2).trimmedSpaces
        guard !term.isEmpty else {
            throw .deckSyntax(
                file: file, line: headingLine, message: "entry heading '##' has no term: write the term after '## '")
        }
        index += 1
        var keys: [String: Int] = [:]
        var values = MetaValues()
        // Metadata: `key: value` lines right after the heading (blank lines allowed before).
        var probe = index
        while probe < lines.count, lines[probe].isEmpty { probe += 1 }
        while probe < lines.count, let (key, value) = metaLine(trimmed: lines[probe]) {
            guard entryKeys.contains(key) else {
                throw .deckSyntax(
                    file: file, line: probe + 1,
                    message: "unknown key '\(key)' in entry '\(term)' (expected id, aliases, tags or related)")
            }
            if keys[key] != nil {
                throw .deckSyntax(file: file, line: probe + 1, message: "'\(key):' appears twice in entry '\(term)': keep one")
            }
            keys[key] = probe + 1
            values.set(key, value)
            probe += 1
        }
        index = probe
        var paragraphs: [(line: Int, lines: [String])] = []
        var current: [String] = []
        var currentLine = 0
        while index < lines.count {
            let trimmed = lines[index]
            if trimmed.hasPrefix("## ") || trimmed == "##" { break }
            if trimmed.isEmpty {
                if !current.isEmpty { paragraphs.append((currentLine, current)) }
                current = []
            } else {
                if current.isEmpty { currentLine = index + 1 }
                current.append(trimmed)
            }
            index += 1
        }
        if !current.isEmpty { paragraphs.append((currentLine, current)) }
        let definition = paragraphs.first?.lines.joined(separator: " ") ?? ""
        let explanation = paragraphs.dropFirst().map(\.lines).map(joinProse).joined(separator: "\n\n")
        let explicitID = values.id.map { !$0.isEmpty } ?? false
        if explicitID, let id = values.id, let problem = IdentifierRule.problem(id) {
            throw .deckSyntax(
                file: file, line: keys["id"] ?? headingLine,
                message: "id '\(id)' of entry '\(term)' \(problem): choose another 'id:'")
        }
        let id = EntryID(explicitID ? values.id ?? "" : slug(term))
        let entry = Entry(
            id: id, term: term, definition: definition, explanation: explanation,
            related: [], aliases: list(values.aliases), tags: list(values.tags)
        )
        let source = ParsedDeck.EntrySource(
            heading: headingLine, definition: paragraphs.first?.line ?? headingLine,
            keys: keys, relatedNames: list(values.related))
        return (entry, source)
    }

    /// Joins a paragraph's lines with spaces, except that a list item (`- `, `* `, `+ `,
    /// `1. `, `1) `) starts a new line, so lists in explanations keep their shape.
    static func joinProse(_ lines: [String]) -> String {
        var text = ""
        for line in lines {
            if !text.isEmpty { text += isListItem(line) ? "\n" : " " }
            text += line
        }
        return text
    }

    static func isListItem(_ line: String) -> Bool {
        if line.hasPrefix("- ") || line.hasPrefix("* ") || line.hasPrefix("+ ") { return true }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        let rest = line.dropFirst(digits.count)
        return !digits.isEmpty && (rest.hasPrefix(". ") || rest.hasPrefix(") "))
    }

    /// Turns `related:` names (term, alias or id, any case) into entry ids; unknown names drop.
    private static func resolveRelated(_ entries: inout [Entry], _ sources: [ParsedDeck.EntrySource]) {
        let resolver = RelatedNameResolver(entries: entries)
        for index in entries.indices {
            entries[index].related = resolver.related(of: entries[index].id, names: sources[index].relatedNames)
        }
    }

    /// `key: value` with a lower-case key (or a known key in any case), or nil.
    private static func metaLine(_ line: String) -> (String, String)? {
        metaLine(trimmed: line.trimmedSpaces)
    }

    /// `metaLine` of a line already trimmed; ASCII lines are read byte by byte.
    private static func metaLine(trimmed: String) -> (String, String)? {
        if let ascii = asciiMetaLine(trimmed) { return ascii }
        guard let colon = trimmed.firstIndex(of: ":") else { return nil }
        let key = trimmed[..<colon]
        let known = entryKeys.contains(key.lowercased())
        guard !key.isEmpty,
            known || key.allSatisfy({ ($0.isLetter && $0.isLowercase && $0.isASCII) || $0 == "-" })
        else { return nil }
        let rest = trimmed[trimmed.index(after: colon)...]
        guard rest.isEmpty || rest.first == " " else { return nil }
        return (key.lowercased(), rest.trimmedSpaces)
    }

    /// Whether `line` would be read as an entry's `key: value` metadata line.
    static func isMetadataLine(_ line: String) -> Bool {
        metaLine(line) != nil
    }

    private static func keyValue(_ line: String) -> (String, String)? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let key = line[..<colon].trimmedSpaces
        guard !key.isEmpty else { return nil }
        var value = line[line.index(after: colon)...].trimmedSpaces
        if value.count >= 2, value.first == "\"", value.last == "\"" { value = String(value.dropFirst().dropLast()) }
        return (key, value)
    }

    private static func list(_ value: String?) -> [String] {
        guard var value, !value.isEmpty else { return [] }
        if let items = value.withUTF8(asciiListItems) { return items }
        return value.split(separator: ",").map { $0.trimmedSpaces }.filter { !$0.isEmpty }
    }

    /// `metaLine(trimmed:)` for an all-ASCII line, where bytes and `Character`s coincide;
    /// nil when the line has other bytes, else `.some` of the answer.
    private static func asciiMetaLine(_ trimmed: String) -> (String, String)?? {
        var trimmed = trimmed
        return trimmed.withUTF8 { bytes -> (String, String)?? in
            // No ':' byte is no ':' `Character` either, whatever the other bytes are.
            guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return .some(nil) }
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            let keyBytes = UnsafeBufferPointer(rebasing: bytes[..<colon])
            guard !keyBytes.isEmpty else { return .some(nil) }
            let key = String(decoding: keyBytes, as: UTF8.self).lowercased()
            guard
                entryKeys.contains(key)
                    || keyBytes.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || $0 == UInt8(ascii: "-") })
            else { return .some(nil) }
            let restStart = colon + 1
            guard restStart == bytes.count || bytes[restStart] == 0x20 else { return .some(nil) }
            guard let value = asciiTrimmed(bytes, restStart..<bytes.count) else { return nil }
            return .some((key, String(decoding: UnsafeBufferPointer(rebasing: bytes[value]), as: UTF8.self)))
        }
    }
}

/// Splits text into lines at LF, CRLF or a lone CR, dropping a byte-order mark, and trims
/// each line of spaces and tabs.
///
/// Works on UTF-8 bytes: line ends never join a grapheme cluster, and this is several
/// times faster than splitting `Character`s on a deck of 10,000 entries. A line whose
/// edges are ASCII is trimmed on bytes too (see `Substring.trimmedSpaces`).
func splitTrimmedLines(_ text: String) -> [String] {
    var text = text
    return text.withUTF8 { bytes in
        var lines: [String] = []
        lines.reserveCapacity(bytes.count / 64)
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        // memchr finds each LF; a CR can only end a line before it (CRLF, or a lone CR).
        while start < bytes.count {
            let newline = firstByte(UInt8(ascii: "\n"), in: bytes, start..<bytes.count) ?? bytes.count
            guard let carriage = firstByte(UInt8(ascii: "\r"), in: bytes, start..<newline) else {
                if newline == bytes.count { break }
                lines.append(trimmedLine(bytes, start..<newline))
                start = newline + 1
                continue
            }
            lines.append(trimmedLine(bytes, start..<carriage))
            start = carriage + 1 == newline && newline < bytes.count ? newline + 1 : carriage + 1
        }
        lines.append(trimmedLine(bytes, start..<bytes.count))
        return lines
    }
}

/// The offset of the first `byte` in `range`, found by `memchr`.
private func firstByte(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
    guard let base = bytes.baseAddress, !range.isEmpty,
        let hit = memchr(base + range.lowerBound, Int32(byte), range.count)
    else { return nil }
    return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
}

/// The bytes of `range` as text without leading and trailing spaces and tabs.
private func trimmedLine(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
    guard let trimmed = asciiTrimmed(bytes, range) else {
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self).trimmedSpaces
    }
    return trimmed.isEmpty ? "" : String(decoding: UnsafeBufferPointer(rebasing: bytes[trimmed]), as: UTF8.self)
}

/// `range` without leading and trailing spaces and tabs when its kept edges are ASCII
/// (then the `Character` walk agrees, see `Substring.trimmedSpaces`); nil otherwise.
private func asciiTrimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int>? {
    var start = range.lowerBound
    var end = range.upperBound
    while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
    if start == end { return start..<start }
    while bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
    guard bytes[start] < 0x80, bytes[end - 1] < 0x80 else { return nil }
    return start..<end
}

/// The items of an all-ASCII comma-separated list, trimmed, empty ones dropped; nil when a
/// byte is not ASCII. (In ASCII every byte is a `Character`, so this splits as `split` does.)
func asciiListItems(_ bytes: UnsafeBufferPointer<UInt8>) -> [String]? {
    var items: [String] = []
    var start = 0
    for index in 0...bytes.count where index == bytes.count || bytes[index] == UInt8(ascii: ",") {
        let item = asciiTrimmed(bytes, start..<index)
        if let item, !item.isEmpty {
            items.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[item]), as: UTF8.self))
        }
        start = index + 1
    }
    return bytes.allSatisfy { $0 < 0x80 } ? items : nil
}
