import CSV
import Foundation

/// Reads Anki's "Notes in Plain Text" export.
///
/// Header lines (`#separator:tab`, `#html:true`, `#columns:Front\tBack`, `#tags column:3`,
/// `#notetype column:1`, `#deck column:2`, `#guid column:1`) set how the rows read; fields are
/// quoted as in CSV. With `#html:true` (the default for Anki exports) HTML is turned into
/// text, `<br>` into line breaks, entities decoded; cloze markup is stripped either way.
enum AnkiImporter {
    static func rows(_ text: String, file: String) -> (entries: [RawEntry], problems: [ImportProblem]) {
        // Only the leading `#` lines are headers: split them off without splitting the rest.
        var rest = Substring(text)
        var separator: UnicodeScalar = "\t"
        var html = true
        var named: [ImportColumn]?
        var special: [Int: ImportColumn] = [:]
        var headerCount = 0
        while rest.hasPrefix("#") {
            let end = rest.utf8.firstIndex(of: UInt8(ascii: "\n")) ?? rest.endIndex
            let line = rest[..<end].dropFirst()
            rest = end == rest.endIndex ? rest[end...] : rest[rest.index(after: end)...]
            headerCount += 1
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].lowercased().trimmedWhitespace
            let value = String(line[line.index(after: colon)...])
            switch key {
            case "separator": separator = separatorScalar(value)
            case "html": html = value.trimmedWhitespace.lowercased() == "true"
            case "columns":
                let names = value.components(separatedBy: String(Character(separator)))
                named = names.map { name in
                    let lower = name.trimmedWhitespace.lowercased()
                    if ["notetype", "note type", "deck", "guid"].contains(lower) { return .ignore }
                    return ImportColumn(header: lower) ?? .ignore
                }
            case "tags column":
                if let n = Int(value.trimmedWhitespace), n >= 1 { special[n - 1] = .tags }
            case "notetype column", "deck column", "guid column":
                if let n = Int(value.trimmedWhitespace), n >= 1 { special[n - 1] = .ignore }
            default: continue
            }
        }
        let body = String(rest)
        var problems: [ImportProblem] = []
        let reader: CSVReader
        do {
            reader = try CSVReader(string: body, hasHeaderRow: false, delimiter: separator)
        } catch {
            return (
                [], [ImportProblem(file: file, line: headerCount + 1, kind: .badRow, message: "cannot read the notes: \(error)")]
            )
        }
        var entries: [RawEntry] = []
        var line = headerCount + 1
        while let fields = reader.next() {
            defer { line += 1 + fields.reduce(0) { $0 + $1.utf8.count(where: { $0 == UInt8(ascii: "\n") }) } }
            if fields.allSatisfy({ $0.unicodeScalars.allSatisfy(\.isFoundationWhitespace) }) { continue }
            var columns: [ImportColumn] = []
            if let named {
                columns = named
            } else {
                var defaults: [ImportColumn] = [.term, .definition, .explanation]
                for index in fields.indices {
                    if let fixed = special[index] {
                        columns.append(fixed)
                    } else {
                        columns.append(defaults.isEmpty ? .ignore : defaults.removeFirst())
                    }
                }
            }
            for (index, column) in special { if index < columns.count { columns[index] = column } }
            var raw = RawEntry(line: line, term: "", definition: "")
            for (column, value) in zip(columns, fields) {
                let text = html ? HTMLText.plain(value) : HTMLText.stripCloze(value)
                switch column {
                case .term: raw.term = text
                case .definition: raw.definition = text
                case .explanation: raw.explanation = text
                case .related: raw.related = ImportText.list(text)
                case .aliases: raw.aliases = ImportText.list(text)
                case .tags: raw.tags = text.split(separator: " ").map(String.init)
                case .ignore: break
                }
            }
            entries.append(raw)
        }
        if let error = reader.error {
            problems.append(
                ImportProblem(file: file, line: line, kind: .badRow, message: "notes stop being readable here (\(error))"))
        }
        return (entries, problems)
    }

    /// `tab`, `comma`, `semicolon`, `space`, `pipe`, `colon`, or a literal character.
    static func separatorScalar(_ value: String) -> UnicodeScalar {
        switch value.trimmedWhitespace.lowercased() {
        case "tab": "\t"
        case "comma": ","
        case "semicolon": ";"
        case "space": " "
        case "pipe": "|"
        case "colon": ":"
        default: value.unicodeScalars.first ?? "\t"
        }
    }
}
