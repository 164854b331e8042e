import GlossCore

extension ImportResult {
    /// What a dry run prints: one line per entry with its source line, then every problem.
    ///
    /// ```
    /// page.txt: 7 entries (glossary page), 0 problems
    ///   line 1: Mesa-Optimization — A theoretical AI safety concern… [related: 6]
    /// ```
    public func report(file: String, definitionWidth: Int = 60) -> String {
        var out =
            "\(file): \(deck.entries.count) entr\(deck.entries.count == 1 ? "y" : "ies") (\(format.label)), "
            + "\(problems.count) problem\(problems.count == 1 ? "" : "s")\n"
        for (index, entry) in deck.entries.enumerated() {
            let line = index < lines.count ? "line \(lines[index])" : "entry \(index + 1)"
            var definition = entry.definition
            if definition.count > definitionWidth {
                definition = String(definition.prefix(max(definitionWidth - 1, 1)))
                while definition.last == " " { definition.removeLast() }
                definition += "…"
            }
            var extras: [String] = []
            if !entry.aliases.isEmpty { extras.append("aliases: \(entry.aliases.joined(separator: ", "))") }
            if !entry.related.isEmpty { extras.append("related: \(entry.related.count)") }
            out +=
                "  \(line): \(entry.term) — \(definition)" + (extras.isEmpty ? "" : " [\(extras.joined(separator: "; "))]") + "\n"
        }
        for problem in problems { out += "\(problem)\n" }
        return out
    }
}

extension ImportFormat {
    /// A short name for messages: "CSV", "Anki notes", "glossary page", ….
    public var label: String {
        switch self {
        case .csv: "CSV"
        case .tsv: "TSV"
        case .quizlet: "Quizlet export"
        case .anki: "Anki notes"
        case .page: "glossary page"
        case .json: "JSON deck"
        case .markdown: "Markdown deck"
        }
    }
}
