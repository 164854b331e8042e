import Foundation

/// Text clean-up shared by the importers.
enum ImportText {
    /// Drops a byte-order mark and turns CRLF and lone CR line ends into LF.
    static func normalized(_ text: String) -> String {
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        // "\r\n" is one Character in Swift, so replace it as a string.
        return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }

    /// Collapses runs of whitespace (newlines included) into single spaces and trims.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// The non-blank lines of a field, trimmed: each becomes a paragraph of the explanation.
    ///
    /// A Markdown deck joins the lines of a paragraph with spaces, so a line break inside a
    /// CSV cell or an Anki `<br>` is kept as a paragraph break instead of being lost:
    /// `"One\ntwo.\n\n  Three. "` → `["One", "two.", "Three."]`.
    static func paragraphs(_ text: String) -> [String] {
        text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Splits a list cell on `;` when it has one, else on `,` (and on `|`-free text, trims).
    static func list(_ text: String) -> [String] {
        let separator: Character = text.contains(";") ? ";" : ","
        return text.split(separator: separator).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
    }
}
