import CSV
import Foundation

/// Reads CSV or TSV rows (RFC 4180 quoting through the CSV library) into raw entries.
///
/// Columns come from `options.columns`, else from a header row naming them, else
/// term, definition, explanation, related, aliases, tags in that order.
enum CSVImporter {
    static func rows(_ text: String, file: String, options: ImportOptions, tab: Bool)
        -> (entries: [RawEntry], problems: [ImportProblem])
    {
        let delimiter =
            options.delimiter.flatMap { $0.unicodeScalars.first }
            ?? (tab ? "\t" : detectDelimiter(text))
        var problems: [ImportProblem] = []
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: false, delimiter: delimiter)
        } catch {
            return ([], [ImportProblem(file: file, line: 1, kind: .badRow, message: "cannot read as CSV: \(error)")])
        }
        var records: [(line: Int, fields: [String])] = []
        var line = 1
        while let fields = reader.next() {
            records.append((line, fields))
            line += 1 + fields.reduce(0) { $0 + $1.utf8.count(where: { $0 == UInt8(ascii: "\n") }) }
        }
        if let error = reader.error {
            problems.append(
                ImportProblem(
                    file: file, line: line, kind: .badRow,
                    message: "CSV stops being readable here (\(error)); check for an unclosed quote"))
        }
        records.removeAll { $0.fields.allSatisfy { $0.unicodeScalars.allSatisfy(\.isFoundationWhitespace) } }
        guard let first = records.first else { return ([], problems) }

        let headerColumns = first.fields.map { ImportColumn(header: $0) }
        let looksLikeHeader = headerColumns.contains(.term) && headerColumns.allSatisfy { $0 != nil }
        let hasHeader = options.hasHeader ?? looksLikeHeader
        let columns: [ImportColumn] =
            options.columns
            ?? (hasHeader ? headerColumns.map { $0 ?? .ignore } : [.term, .definition, .explanation, .related, .aliases, .tags])
        if hasHeader { records.removeFirst() }

        var entries: [RawEntry] = []
        for record in records {
            var raw = RawEntry(line: record.line, term: "", definition: "")
            if record.fields.count < 2, columns.count >= 2 {
                problems.append(
                    ImportProblem(
                        file: file, line: record.line, kind: .badRow,
                        message: "row has \(record.fields.count) field, expected at least term and definition; row skipped"))
                continue
            }
            for (column, value) in zip(columns, record.fields) {
                switch column {
                case .term: raw.term = value
                case .definition: raw.definition = value
                case .explanation: raw.explanation = value
                case .related: raw.related = ImportText.list(value)
                case .aliases: raw.aliases = ImportText.list(value)
                case .tags: raw.tags = ImportText.list(value)
                case .ignore: break
                }
            }
            entries.append(raw)
        }
        return (entries, problems)
    }

    /// The most frequent of `,`, `;` and tab on the first line, ignoring quoted parts.
    static func detectDelimiter(_ text: String) -> UnicodeScalar {
        var counts: [UnicodeScalar: Int] = [",": 0, ";": 0, "\t": 0]
        var quoted = false
        for scalar in text.unicodeScalars {
            if scalar == "\"" { quoted.toggle() }
            if scalar == "\n" && !quoted { break }
            if !quoted, counts[scalar] != nil { counts[scalar, default: 0] += 1 }
        }
        let best = counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key.value > $1.key.value }
        if let best, best.value > 0 { return best.key }
        return ","
    }
}
