import Foundation
import GlossCore

/// Text-level edits of a Markdown deck file that leave every other byte of it as it was.
///
/// ```swift
/// var text = try String(contentsOfFile: path, encoding: .utf8)
/// text = try DeckFileEditor.link("Deepfake", "Hallucination", in: text, file: path)
/// let line = try DeckFileEditor.headingLine(of: "Deepfake", in: text, file: path)  // for `$EDITOR +line`
/// ```
public enum DeckFileEditor {
    /// `text` with `entry` appended as a new `## Term` section after one blank line.
    ///
    /// Relations are written by the related entries' terms in `deck` (the deck the file holds).
    /// Nothing before the end of the file changes except a missing final newline.
    public static func appendEntry(_ entry: Entry, in deck: Deck, to text: String) -> String {
        let newline = text.contains("\r\n") ? "\r\n" : "\n"
        var out = text
        // Compare scalars: in Swift "\r\n" is one Character, so `hasSuffix("\n")` misses it.
        func ends(_ suffix: String) -> Bool { out.unicodeScalars.reversed().starts(with: suffix.unicodeScalars.reversed()) }
        if !out.isEmpty && !ends("\n") { out += newline }
        if !out.isEmpty && !ends("\n\n") && !ends("\n\r\n") { out += newline }
        var lookup = deck
        if lookup.entry(entry.id) == nil { lookup.entries.append(entry) }
        var section = MarkdownDeckWriter.section(for: entry, in: lookup)
        if newline != "\n" { section = section.replacingOccurrences(of: "\n", with: newline) }
        return out + section
    }

    /// The 1-based line of the heading of the entry named `name` (term, alias or id, any case).
    public static func headingLine(of name: String, in text: String, file: String) throws(StoreError) -> Int {
        let parsed = try MarkdownDeckParser.parse(text, file: file)
        return try locate(name, in: parsed).heading
    }

    /// Adds `name` to the `related:` line of the entry named `entryName`, creating the line
    /// after the entry's other metadata lines when it has none. Unchanged when already listed.
    public static func addRelated(_ name: String, to entryName: String, in text: String, file: String)
        throws(StoreError) -> String
    {
        let parsed = try MarkdownDeckParser.parse(text, file: file)
        let source = try locate(entryName, in: parsed)
        // Split on "\n" scalars so CRLF lines keep their "\r" and rejoin byte-identical.
        var lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) }
        if let relatedLine = source.keys["related"], relatedLine - 1 < lines.count {
            let index = relatedLine - 1
            if source.relatedNames.contains(where: { $0.caseInsensitiveCompare(name) == .orderedSame }) { return text }
            let hasCR = lines[index].hasSuffix("\r")
            var body = hasCR ? String(lines[index].dropLast()) : lines[index]
            while body.last?.isWhitespace == true { body.removeLast() }
            body += (body.hasSuffix(":") ? " " : ", ") + name
            lines[index] = body + (hasCR ? "\r" : "")
        } else {
            let after = source.keys.values.max() ?? source.heading
            let hasCR = lines.indices.contains(after - 1) && lines[after - 1].hasSuffix("\r")
            lines.insert("related: \(name)" + (hasCR ? "\r" : ""), at: min(after, lines.count))
        }
        return lines.joined(separator: "\n")
    }

    /// Adds `a` to `b`'s related line and `b` to `a`'s: a symmetric relation.
    public static func link(_ a: String, _ b: String, in text: String, file: String) throws(StoreError) -> String {
        let parsed = try MarkdownDeckParser.parse(text, file: file)
        let first = try entry(named: a, in: parsed)
        let second = try entry(named: b, in: parsed)
        guard first.id != second.id else {
            throw .deckSyntax(file: parsed.file, line: 1, message: "cannot relate '\(a)' to itself")
        }
        // `related:` is a comma-separated list, so a term with a comma is named by its id.
        func name(_ entry: Entry) -> String { entry.term.contains(",") ? entry.id.rawValue : entry.term }
        let once = try addRelated(name(second), to: first.id.rawValue, in: text, file: file)
        return try addRelated(name(first), to: second.id.rawValue, in: once, file: file)
    }

    private static func entry(named name: String, in parsed: ParsedDeck) throws(StoreError) -> Entry {
        let key = name.lowercased()
        if let entry = parsed.deck.entries.first(where: {
            $0.id.rawValue.lowercased() == key || $0.names.contains { $0.lowercased() == key }
        }) {
            return entry
        }
        throw .deckSyntax(file: parsed.file, line: 1, message: "no entry named '\(name)' in this deck")
    }

    private static func locate(_ name: String, in parsed: ParsedDeck) throws(StoreError) -> ParsedDeck.EntrySource {
        let found = try entry(named: name, in: parsed)
        guard let index = parsed.deck.entries.firstIndex(where: { $0.id == found.id }), index < parsed.sources.count else {
            throw .deckSyntax(file: parsed.file, line: 1, message: "no entry named '\(name)' in this deck")
        }
        return parsed.sources[index]
    }

    /// `text` with the section of the entry with `entry.id` rewritten from `entry`; the text
    /// before its heading and from the next `## ` heading on is unchanged.
    public static func replaceEntry(_ entry: Entry, in deck: Deck, text: String, file: String) throws(StoreError) -> String {
        let parsed = try MarkdownDeckParser.parse(text, file: file)
        guard let index = parsed.deck.entries.firstIndex(where: { $0.id == entry.id }), index < parsed.sources.count else {
            throw .deckSyntax(file: parsed.file, line: 1, message: "no entry with id '\(entry.id)' in this deck")
        }
        let crlf = text.contains("\r\n")
        var lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) }
        let start = parsed.sources[index].heading - 1
        let next = index + 1 < parsed.sources.count ? parsed.sources[index + 1].heading - 1 : nil
        let end = next ?? (lines.last == "" ? lines.count - 1 : lines.count)
        var section = MarkdownDeckWriter.section(for: entry, in: deck)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        section.removeLast()  // the section ends with a newline
        if next != nil { section.append("") }
        if crlf { section = section.map { $0 + "\r" } }
        guard start <= end, end <= lines.count else { return text }
        lines.replaceSubrange(start..<end, with: section)
        return lines.joined(separator: "\n")
    }

    /// Applies a merge to the deck file's text: updated entries are rewritten in place, added
    /// ones appended; untouched entries and the text around them stay byte-identical.
    public static func apply(_ merge: DeckMergeResult, to text: String, file: String) throws(StoreError) -> String {
        var text = text
        for id in merge.updated {
            if let entry = merge.deck.entry(id) { text = try replaceEntry(entry, in: merge.deck, text: text, file: file) }
        }
        for id in merge.added {
            if let entry = merge.deck.entry(id) { text = appendEntry(entry, in: merge.deck, to: text) }
        }
        return text
    }
}
