import Foundation
import GlossCore

@testable import GlossStore

/// The Markdown deck parser as it stood before the byte-level fast paths (commit 450a566),
/// kept verbatim (renamed) as the oracle that the fast parser must agree with on every deck.
///
/// Character-based throughout: trimming, prefixes, `key:` lines and lists all walk
/// grapheme clusters, which is what the fast paths must reproduce exactly.
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
enum ReferenceMarkdownDeckParser {
    static let entryKeys = ["id", "aliases", "tags", "related"]
    static let headerKeys = ["id", "title", "description"]

    /// Parses `text`; `file` names the file in messages and gives the default deck id.
    static func parse(_ text: String, file: String) throws(StoreError) -> ParsedDeck {
        let lines = referenceSplitLines(text)
        let name = (file as NSString).lastPathComponent
        var index = 0
        while index < lines.count, lines[index].referenceTrimmed.isEmpty { index += 1 }
        guard index < lines.count, lines[index].referenceTrimmed == "---" else {
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
            let line = lines[index]
            let trimmed = line.referenceTrimmed
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

        var drafts: [Draft] = []
        while index < lines.count {
            let line = lines[index]
            let trimmed = line.referenceTrimmed
            if trimmed.hasPrefix("## ") || trimmed == "##" {
                let draft = try parseEntry(lines, from: &index, file: name)
                drafts.append(draft)
            } else if trimmed.isEmpty || (trimmed.hasPrefix("# ") && drafts.isEmpty) || trimmed.hasPrefix("<!--") {
                index += 1
            } else {
                throw .deckSyntax(
                    file: name, line: index + 1,
                    message: "text outside an entry: start each entry with '## Term'")
            }
        }
        return resolve(
            drafts, deck: Deck(id: deckID, title: title, description: header["description"] ?? ""),
            file: name, headerLine: headerLine)
    }

    /// An entry before its related names are resolved to ids.
    struct Draft {
        var entry: Entry
        var source: ParsedDeck.EntrySource
        var explicitID: Bool
    }

    private static func parseEntry(_ lines: [String], from index: inout Int, file: String) throws(StoreError) -> Draft {
        let headingLine = index + 1
        let term = lines[index].referenceTrimmed.dropFirst(2).referenceTrimmed
        guard !term.isEmpty else {
            throw .deckSyntax(
                file: file, line: headingLine, message: "entry heading '##' has no term: write the term after '## '")
        }
        index += 1
        var keys: [String: Int] = [:]
        var values: [String: String] = [:]
        // Metadata: `key: value` lines right after the heading (blank lines allowed before).
        var probe = index
        while probe < lines.count, lines[probe].referenceTrimmed.isEmpty { probe += 1 }
        while probe < lines.count, let (key, value) = metaLine(lines[probe]) {
            guard entryKeys.contains(key) else {
                throw .deckSyntax(
                    file: file, line: probe + 1,
                    message: "unknown key '\(key)' in entry '\(term)' (expected id, aliases, tags or related)")
            }
            if keys[key] != nil {
                throw .deckSyntax(file: file, line: probe + 1, message: "'\(key):' appears twice in entry '\(term)': keep one")
            }
            keys[key] = probe + 1
            values[key] = value
            probe += 1
        }
        index = probe
        var paragraphs: [(line: Int, text: String, lines: [String])] = []
        var current: [String] = []
        var currentLine = 0
        while index < lines.count {
            let trimmed = lines[index].referenceTrimmed
            if trimmed.hasPrefix("## ") || trimmed == "##" { break }
            if trimmed.isEmpty {
                if !current.isEmpty { paragraphs.append((currentLine, current.joined(separator: " "), current)) }
                current = []
            } else {
                if current.isEmpty { currentLine = index + 1 }
                current.append(trimmed)
            }
            index += 1
        }
        if !current.isEmpty { paragraphs.append((currentLine, current.joined(separator: " "), current)) }
        let definition = paragraphs.first?.text ?? ""
        let explanation = paragraphs.dropFirst().map(\.lines).map(joinProse).joined(separator: "\n\n")
        let explicitID = values["id"].map { !$0.isEmpty } ?? false
        if explicitID, let id = values["id"], let problem = IdentifierRule.problem(id) {
            throw .deckSyntax(
                file: file, line: keys["id"] ?? headingLine,
                message: "id '\(id)' of entry '\(term)' \(problem): choose another 'id:'")
        }
        let id = EntryID(explicitID ? values["id"] ?? "" : slug(term))
        let entry = Entry(
            id: id, term: term, definition: definition, explanation: explanation,
            related: [], aliases: list(values["aliases"]), tags: list(values["tags"])
        )
        let source = ParsedDeck.EntrySource(
            heading: headingLine, definition: paragraphs.first?.line ?? headingLine,
            keys: MetadataLines(keys), relatedNames: list(values["related"]))
        return Draft(entry: entry, source: source, explicitID: explicitID)
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
    private static func resolve(_ drafts: [Draft], deck: Deck, file: String, headerLine: Int) -> ParsedDeck {
        let resolver = RelatedNameResolver(entries: drafts.map(\.entry))
        var deck = deck
        deck.entries = drafts.map { draft in
            var entry = draft.entry
            entry.related = resolver.related(of: entry.id, names: draft.source.relatedNames)
            return entry
        }
        return ParsedDeck(file: file, deck: deck, sources: drafts.map(\.source), headerLine: headerLine)
    }

    /// `key: value` with a lower-case key (or a known key in any case), or nil.
    private static func metaLine(_ line: String) -> (String, String)? {
        let trimmed = line.referenceTrimmed
        guard let colon = trimmed.firstIndex(of: ":") else { return nil }
        let key = trimmed[..<colon]
        let known = entryKeys.contains(key.lowercased())
        guard !key.isEmpty,
            known || key.allSatisfy({ ($0.isLetter && $0.isLowercase && $0.isASCII) || $0 == "-" })
        else { return nil }
        let rest = trimmed[trimmed.index(after: colon)...]
        guard rest.isEmpty || rest.first == " " else { return nil }
        return (key.lowercased(), rest.referenceTrimmed)
    }

    /// Whether `line` would be read as an entry's `key: value` metadata line.
    static func isMetadataLine(_ line: String) -> Bool {
        metaLine(line) != nil
    }

    private static func keyValue(_ line: String) -> (String, String)? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let key = line[..<colon].referenceTrimmed
        guard !key.isEmpty else { return nil }
        var value = line[line.index(after: colon)...].referenceTrimmed
        if value.count >= 2, value.first == "\"", value.last == "\"" { value = String(value.dropFirst().dropLast()) }
        return (key, value)
    }

    private static func list(_ value: String?) -> [String] {
        (value ?? "").split(separator: ",").map { $0.referenceTrimmed }.filter { !$0.isEmpty }
    }
}

/// Splits text into lines at LF, CRLF or a lone CR, dropping a byte-order mark.
///
/// Works on UTF-8 bytes: line ends never join a grapheme cluster, and this is several
/// times faster than splitting `Character`s on a deck of 10,000 entries.
func referenceSplitLines(_ text: String) -> [String] {
    let bytes = text.utf8
    var lines: [String] = []
    var start = bytes.startIndex
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = bytes.index(start, offsetBy: 3) }
    var index = start
    while index < bytes.endIndex {
        let byte = bytes[index]
        if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
            lines.append(String(Substring(text.utf8[start..<index])))
            index = bytes.index(after: index)
            if byte == UInt8(ascii: "\r"), index < bytes.endIndex, bytes[index] == UInt8(ascii: "\n") {
                index = bytes.index(after: index)
            }
            start = index
        } else {
            index = bytes.index(after: index)
        }
    }
    lines.append(String(Substring(text.utf8[start..<bytes.endIndex])))
    return lines
}

extension StringProtocol {
    /// The reference trim: leading and trailing non-newline whitespace `Character`s dropped.
    var referenceTrimmed: String {
        let isSpace: (Character) -> Bool = { $0.isWhitespace && !$0.isNewline }
        guard let first = firstIndex(where: { !isSpace($0) }),
            let last = lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(self[first...last])
    }
}
