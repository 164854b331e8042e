import Foundation

/// What one column of a CSV/TSV file holds.
public enum ImportColumn: String, Sendable, CaseIterable {
    case term, definition, explanation, related, aliases, tags
    /// A column to skip.
    case ignore

    /// The column a header cell names, accepting common synonyms (`front`, `back`, `alias`, …).
    public init?(header: String) {
        let key = header.trimmedWhitespace.lowercased()
        switch key {
        case "term", "word", "front", "name", "question": self = .term
        case "definition", "meaning", "back", "answer", "definitions": self = .definition
        case "explanation", "notes", "note", "details", "description", "extra": self = .explanation
        case "related", "related terms", "see also", "links": self = .related
        case "aliases", "alias", "synonyms", "synonym", "also known as": self = .aliases
        case "tags", "tag", "categories", "category": self = .tags
        case "ignore", "-", "": self = .ignore
        default: return nil
        }
    }

    /// Parses a column list such as `term,definition,-,tags`; the failure names the first unknown column.
    public static func parseList(_ text: String) -> Result<[ImportColumn], StoreError> {
        var result: [ImportColumn] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            guard let column = ImportColumn(header: String(part)) else {
                return .failure(.unknownColumn(String(part)))
            }
            result.append(column)
        }
        return .success(result)
    }
}
