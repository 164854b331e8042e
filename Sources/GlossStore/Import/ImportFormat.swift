import Foundation

/// A source format `Importer` reads.
public enum ImportFormat: String, Sendable, CaseIterable, CustomStringConvertible {
    /// Comma- (or semicolon-) separated values, RFC 4180 quoting.
    case csv
    /// Tab-separated values, RFC 4180 quoting.
    case tsv
    /// Quizlet's export: term, a separator (tab), definition; one card per line.
    case quizlet
    /// Anki's "Notes in Plain Text" export, with `#separator:` / `#html:` header lines.
    case anki
    /// A glossary web page saved as text: term, definition, explanation, "Related Terms".
    case page
    /// A gloss JSON deck.
    case json
    /// A gloss Markdown deck.
    case markdown

    public var description: String { rawValue }

    /// Guesses the format from the file name's extension, then from the text.
    ///
    /// `terms.csv` → `.csv`; a `.txt` file starting with `#separator:tab` → `.anki`;
    /// a `.txt` file with a "Related Terms" line → `.page`; tab-separated lines → `.quizlet`.
    public static func detect(fileName: String, text: String) -> ImportFormat {
        switch (fileName as NSString).pathExtension.lowercased() {
        case "csv": return .csv
        case "tsv", "tab": return .tsv
        case "json": return .json
        case "md", "markdown": return .markdown
        default: break
        }
        let text = ImportText.normalized(text)
        let trimmed = text.trimmedWhitespaceAndNewlines
        if trimmed.hasPrefix("{") { return .json }
        if trimmed.hasPrefix("---") { return .markdown }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        if lines.first.map({ $0.hasPrefix("#separator:") || $0.hasPrefix("#html:") || $0.hasPrefix("#notetype") }) == true {
            return .anki
        }
        if lines.contains(where: {
            $0.trimmingCharacters(in: .whitespaces).caseInsensitiveCompare("Related Terms") == .orderedSame
        }) {
            return .page
        }
        if let first = lines.first, first.contains("\t") {
            let header = first.split(separator: "\t").map { $0.trimmedWhitespace.lowercased() }
            if header.contains(where: { ImportColumn(header: $0) == .term }) { return .tsv }
            if lines.contains(where: { $0.contains("<br") || $0.contains("{{c") || $0.contains("&nbsp;") }) { return .anki }
            return .quizlet
        }
        if let first = lines.first, first.contains(",") || first.contains(";") { return .csv }
        return .page
    }
}
