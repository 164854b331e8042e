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
    static let headerKeys = ["id", "title", "description"]

    /// Parses `text`; `file` names the file in messages and gives the default deck id.
    public static func parse(_ text: String, file: String) throws(StoreError) -> ParsedDeck {
        var text = text
        let result = text.withUTF8 { bytes -> Result<ParsedDeck, StoreError> in
            do throws(StoreError) { return .success(try parse(DeckLines(bytes), file: file)) } catch { return .failure(error) }
        }
        return try result.get()
    }

    /// Parses the lines of a deck file.
    private static func parse(_ lines: DeckLines, file: String) throws(StoreError) -> ParsedDeck {
        let name = (file as NSString).lastPathComponent
        var index = 0
        while index < lines.count, lines.isEmpty(index) { index += 1 }
        guard index < lines.count, lines.line(index, is: "---") else {
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
            let trimmed = lines.text(line: index)
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
            if isHeading(lines, index) {
                let (entry, source) = try parseEntry(lines, from: &index, file: name)
                entries.append(entry)
                sources.append(source)
            } else if lines.isEmpty(index) || (lines.line(index, hasPrefix: "# ") && entries.isEmpty)
                || lines.line(index, hasPrefix: "<!--")
            {
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

    /// Whether a line starts an entry: `## Term`, or a bare `##`.
    private static func isHeading(_ lines: DeckLines, _ index: Int) -> Bool {
        lines.line(index, hasPrefix: "## ") || lines.line(index, is: "##")
    }

    /// A metadata value: bytes of the file, or text (from a line read by `Character`s).
    private enum MetaValue {
        case bytes(Range<Int>)
        case text(String)

        func string(_ lines: DeckLines) -> String {
            switch self {
            case .bytes(let range): lines.text(range)
            case .text(let text): text
            }
        }

        func list(_ lines: DeckLines) -> [String] {
            switch self {
            case .bytes(let range): lines.listItems(range)
            case .text(let text): MarkdownDeckParser.list(text)
            }
        }
    }

    /// The values of an entry's metadata lines (a dictionary per entry cost more than the parse).
    private struct MetaValues {
        var id: MetaValue?
        var aliases: MetaValue?
        var tags: MetaValue?
        var related: MetaValue?

        mutating func set(_ key: MetadataKey, _ value: MetaValue) {
            switch key {
            case .id: id = value
            case .aliases: aliases = value
            case .tags: tags = value
            case .related: related = value
            }
        }
    }

    /// A metadata line: one of `MetadataKey` and its value, or a key gloss does not know.
    private enum MetaLine {
        case known(MetadataKey, MetaValue)
        case unknown(String)
    }

    /// Reads one `## Term` section from trimmed `lines`, leaving `index` at the next heading:
    /// the entry, its related names not yet resolved to ids (they are in its source).
    private static func parseEntry(
        _ lines: DeckLines, from index: inout Int, file: String
    ) throws(StoreError) -> (Entry, ParsedDeck.EntrySource) {
        let headingLine = index + 1
        let heading = lines[index]
        let term = lines.text(lines.trimmed(heading.lowerBound + 2..<heading.upperBound))
        guard !term.isEmpty else {
            throw .deckSyntax(
                file: file, line: headingLine, message: "entry heading '##' has no term: write the term after '## '")
        }
        index += 1
        var keys = MetadataLines()
        var values = MetaValues()
        // Metadata: `key: value` lines right after the heading (blank lines allowed before).
        var probe = index
        while probe < lines.count, lines.isEmpty(probe) { probe += 1 }
        while probe < lines.count, let line = metaLine(lines, probe) {
            guard case .known(let key, let value) = line else {
                guard case .unknown(let name) = line else { break }
                throw .deckSyntax(
                    file: file, line: probe + 1,
                    message: "unknown key '\(name)' in entry '\(term)' (expected id, aliases, tags or related)")
            }
            if keys[key] != nil {
                throw .deckSyntax(
                    file: file, line: probe + 1, message: "'\(key.rawValue):' appears twice in entry '\(term)': keep one")
            }
            keys[key] = probe + 1
            values.set(key, value)
            probe += 1
        }
        index = probe
        // Paragraphs as runs of non-empty lines.
        var paragraphs: [Range<Int>] = []
        var start: Int?
        while index < lines.count {
            if isHeading(lines, index) { break }
            if lines.isEmpty(index) {
                if let first = start { paragraphs.append(first..<index) }
                start = nil
            } else if start == nil {
                start = index
            }
            index += 1
        }
        if let first = start { paragraphs.append(first..<index) }
        let definition = paragraphs.first.map { lines.joined($0) { _ in UInt8(ascii: " ") } } ?? ""
        let explanation = paragraphs.dropFirst().map { joinProse(lines, $0) }.joined(separator: "\n\n")
        let idText = values.id?.string(lines)
        let explicitID = idText.map { !$0.isEmpty } ?? false
        if explicitID, let id = idText, let problem = IdentifierRule.problem(id) {
            throw .deckSyntax(
                file: file, line: keys[.id] ?? headingLine,
                message: "id '\(id)' of entry '\(term)' \(problem): choose another 'id:'")
        }
        let id = EntryID(explicitID ? idText ?? "" : slug(term))
        let entry = Entry(
            id: id, term: term, definition: definition, explanation: explanation,
            related: [], aliases: values.aliases?.list(lines) ?? [], tags: values.tags?.list(lines) ?? []
        )
        let source = ParsedDeck.EntrySource(
            heading: headingLine, definition: paragraphs.first.map { $0.lowerBound + 1 } ?? headingLine,
            keys: keys, relatedNames: values.related?.list(lines) ?? [])
        return (entry, source)
    }

    /// Joins a paragraph's lines with spaces, except that a list item (`- `, `* `, `+ `,
    /// `1. `, `1) `) starts a new line, so lists in explanations keep their shape.
    private static func joinProse(_ lines: DeckLines, _ paragraph: Range<Int>) -> String {
        lines.joined(paragraph) { isListItem(lines, $0) ? UInt8(ascii: "\n") : UInt8(ascii: " ") }
    }

    /// `isListItem` of a line, on its bytes when the byte after the marker is ASCII.
    private static func isListItem(_ lines: DeckLines, _ line: Int) -> Bool {
        let range = lines[line]
        if lines.line(line, hasPrefix: "- ") || lines.line(line, hasPrefix: "* ") || lines.line(line, hasPrefix: "+ ") {
            return true
        }
        var end = range.lowerBound
        while end < range.upperBound, lines.bytes[end] >= 0x30, lines.bytes[end] <= 0x39 { end += 1 }
        guard end > range.lowerBound else { return false }
        if !lines.isSettled(range, at: end) { return isListItem(lines.text(range)) }
        let rest = end..<range.upperBound
        return lines.hasPrefix(rest, ". ") || lines.hasPrefix(rest, ") ")
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

    /// `metaLine(trimmed:)` of a line: on its bytes when it is ASCII.
    private static func metaLine(_ lines: DeckLines, _ line: Int) -> MetaLine? {
        let range = lines[line]
        let bytes = lines.bytes
        guard lines.isASCII(range) else {
            guard let (name, value) = metaLine(trimmed: lines.text(range)) else { return nil }
            return MetadataKey(rawValue: name).map { .known($0, .text(value)) } ?? .unknown(name)
        }
        // In ASCII every byte is a `Character`.
        guard let colon = range.first(where: { bytes[$0] == UInt8(ascii: ":") }), colon > range.lowerBound else { return nil }
        guard colon + 1 == range.upperBound || bytes[colon + 1] == 0x20 else { return nil }
        let keyRange = range.lowerBound..<colon
        if let key = MetadataKey.allCases.first(where: { lines.equalsIgnoringASCIICase(keyRange, $0.rawValue) }) {
            return .known(key, .bytes(lines.trimmed(colon + 1..<range.upperBound)))
        }
        guard keyRange.allSatisfy({ (bytes[$0] >= 0x61 && bytes[$0] <= 0x7A) || bytes[$0] == 0x2D }) else { return nil }
        return .unknown(lines.text(keyRange))
    }

    /// `key: value` with a lower-case key (or a known key in any case), or nil.
    private static func metaLine(_ line: String) -> (String, String)? {
        metaLine(trimmed: line.trimmedSpaces)
    }

    /// `metaLine` of a line already trimmed, by `Character`s (`metaLine(_:_:)` reads an ASCII
    /// line of a file on its bytes).
    private static func metaLine(trimmed: String) -> (String, String)? {
        guard let colon = trimmed.firstIndex(of: ":") else { return nil }
        let key = trimmed[..<colon]
        let known = MetadataKey(anyCase: String(key)) != nil
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

    private static func list(_ value: String) -> [String] {
        value.split(separator: ",").map { $0.trimmedSpaces }.filter { !$0.isEmpty }
    }
}
