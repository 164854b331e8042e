import CSV
import Foundation
import GlossCore

/// A format a deck can be exported to for other tools.
public enum DeckExportFormat: String, Sendable, CaseIterable {
    /// Anki "Notes in Plain Text": `#separator:tab`, `#html:false`, `#columns:` headers.
    case anki
    /// CSV with a header row: term, definition, explanation, aliases, tags, related.
    case csv
    /// A gloss JSON deck.
    case json
    /// A gloss Markdown deck.
    case md

    /// The usual file extension.
    public var fileExtension: String {
        switch self {
        case .anki: "txt"
        case .csv: "csv"
        case .json: "json"
        case .md: "md"
        }
    }
}

/// Writes a deck as text for Anki, spreadsheets, or gloss itself.
///
/// ```swift
/// let text = DeckExport.text(deck, format: .anki)
/// // #separator:tab
/// // #html:false
/// // #columns:Term	Definition	Explanation	Aliases	Related	Tags
/// // #tags column:6
/// // Deepfake	AI-generated synthetic media …	…
/// ```
public enum DeckExport {
    /// The column names of the CSV and Anki exports, in order.
    public static let columns = ["term", "definition", "explanation", "aliases", "related", "tags"]

    public static func text(_ deck: Deck, format: DeckExportFormat) -> String {
        switch format {
        case .anki: anki(deck)
        case .csv: csv(deck)
        case .json: String(decoding: JSONDeckCoder.write(deck), as: UTF8.self) + "\n"
        case .md: MarkdownDeckWriter.write(deck)
        }
    }

    /// One row of fields per entry, lists joined with "; " and relations by term.
    static func fields(_ entry: Entry, in deck: Deck) -> [String] {
        fields(entry, terms: terms(deck))
    }

    static func terms(_ deck: Deck) -> [EntryID: String] {
        Dictionary(deck.entries.map { ($0.id, $0.term) }, uniquingKeysWith: { first, _ in first })
    }

    static func fields(_ entry: Entry, terms: [EntryID: String]) -> [String] {
        [
            entry.term, entry.definition, entry.explanation, entry.aliases.joined(separator: "; "),
            entry.related.map { terms[$0] ?? $0.rawValue }.joined(separator: "; "),
            entry.tags.joined(separator: "; "),
        ]
    }

    /// Anki notes: fields with a tab, newline or quote are quoted as Anki's importer reads them
    /// (RFC 4180 with a tab delimiter); tags are space-separated, so spaces in a tag become `_`.
    static func anki(_ deck: Deck) -> String {
        var out = "#separator:tab\n#html:false\n"
        out += "#columns:" + columns.map(\.capitalized).joined(separator: "\t") + "\n"
        out += "#tags column:\(columns.count)\n"
        let terms = terms(deck)
        let rows = deck.entries.map { entry -> [String] in
            var row = fields(entry, terms: terms)
            row[row.count - 1] = entry.tags.map { $0.replacingOccurrences(of: " ", with: "_") }.joined(separator: " ")
            return row
        }
        return out + write(rows, delimiter: "\t")
    }

    static func csv(_ deck: Deck) -> String {
        let terms = terms(deck)
        return write([columns] + deck.entries.map { fields($0, terms: terms) }, delimiter: ",")
    }

    /// Rows through the CSV library, each ending with a newline.
    static func write(_ rows: [[String]], delimiter: String) -> String {
        guard !rows.isEmpty else { return "" }
        let stream = OutputStream(toMemory: ())
        do {
            let writer = try CSVWriter(stream: stream, delimiter: delimiter)
            for row in rows {
                // A field starting with "#" would read as an Anki header line; quote it.
                try writer.write(row: row, quotedAtIndex: { row[$0].hasPrefix("#") || row[$0].hasPrefix(" ") })
            }
        } catch {
            return ""
        }
        defer { stream.close() }
        guard let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else { return "" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
