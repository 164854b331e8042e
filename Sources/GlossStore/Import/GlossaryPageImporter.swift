import Foundation

/// Reads a glossary web page saved as text.
///
/// The shape: a term line, a one-line definition, explanation paragraphs, then a
/// "Related Terms" line followed by term / definition line pairs. Page chrome ("Explore the
/// Data", newsletter boxes, footers) is skipped; the related pairs end at the first chrome.
/// The related terms become entries linked to the main term. `"Artificial General
/// Intelligence (AGI)"` becomes term `Artificial General Intelligence` with alias `AGI`.
enum GlossaryPageImporter {
    static let relatedHeadings = ["related terms", "related", "see also"]
    /// Phrases that mark a line as page chrome wherever they stand in it.
    static let chromePhrases = [
        "explore the data", "unsubscribe", "no spam", "all rights reserved", "privacy policy",
        "terms of service", "back to glossary", "free, forever",
    ]
    /// Phrases that mark a line as page chrome when it starts with them.
    static let chromeStarts = [
        "latest:", "©", "copyright", "subscribe", "sign up", "share this", "newsletter", "every friday",
        "every week", "read more", "cookie settings", "we use cookies",
    ]

    static func isChrome(_ line: String) -> Bool {
        let lower = line.lowercased()
        return chromePhrases.contains { contains(lower, $0) } || chromeStarts.contains { lower.hasPrefix($0) }
    }

    /// Whether `phrase` occurs in `text`, byte for byte (Foundation's `contains` bridged
    /// every line to UTF-16 for each phrase, and the generic search costs as much).
    static func contains(_ text: String, _ phrase: String) -> Bool {
        var text = text, phrase = phrase
        return text.withUTF8 { haystack in
            phrase.withUTF8 { needle in
                guard let first = needle.first, haystack.count >= needle.count else { return needle.isEmpty }
                var start = 0
                while start <= haystack.count - needle.count {
                    if haystack[start] == first {
                        var offset = 1
                        while offset < needle.count, haystack[start + offset] == needle[offset] { offset += 1 }
                        if offset == needle.count { return true }
                    }
                    start += 1
                }
                return false
            }
        }
    }

    /// A line that can be a term: short, not a sentence.
    static func looksLikeTerm(_ line: String) -> Bool {
        line.count <= 80 && line.split(separator: " ").count <= 8 && !line.hasSuffix(".") && !line.hasSuffix(":")
            && !isChrome(line)
    }

    static func rows(_ text: String, file: String) -> (entries: [RawEntry], problems: [ImportProblem], title: String?) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .map { (number: $0.offset + 1, text: $0.element.trimmedWhitespace) }
            .filter { !$0.text.isEmpty }
        var problems: [ImportProblem] = []
        let relatedStart = lines.firstIndex { relatedHeadings.contains($0.text.lowercased()) }
        let main = lines[..<(relatedStart ?? lines.endIndex)].filter { !isChrome($0.text) }
        // The main term is the first term-like line followed by a sentence (its definition),
        // which skips breadcrumbs such as "Glossary" above it.
        guard
            let termIndex = main.indices.first(where: { index in
                looksLikeTerm(main[index].text) && index + 1 < main.endIndex && !looksLikeTerm(main[index + 1].text)
            })
        else {
            return (
                [],
                [
                    ImportProblem(
                        file: file, line: 1, kind: .badRow,
                        message: "no term line followed by a definition line found in the page")
                ], nil
            )
        }
        let termLine = main[termIndex]
        let (term, aliases) = splitAbbreviation(termLine.text)
        let definition = main[termIndex + 1]
        let explanation = main[(termIndex + 2)...].map(\.text).joined(separator: "\n\n")
        var related: [RawEntry] = []
        if let relatedStart {
            var index = relatedStart + 1
            while index + 1 < lines.count {
                let name = lines[index], meaning = lines[index + 1]
                if isChrome(name.text) || isChrome(meaning.text) || !looksLikeTerm(name.text) || looksLikeTerm(meaning.text) {
                    break
                }
                let (relatedTerm, relatedAliases) = splitAbbreviation(name.text)
                related.append(
                    RawEntry(
                        line: name.number, term: relatedTerm, definition: meaning.text,
                        related: [term], aliases: relatedAliases))
                index += 2
            }
        }
        var entry = RawEntry(
            line: termLine.number, term: term, definition: definition.text,
            explanation: explanation, aliases: aliases)
        entry.related = related.map(\.term)
        if relatedStart == nil {
            problems.append(
                ImportProblem(
                    file: file, line: termLine.number, kind: .badRow,
                    message: "no 'Related Terms' section found; imported the main term only"))
        }
        return ([entry] + related, problems, term)
    }

    /// `"Artificial General Intelligence (AGI)"` → (`"Artificial General Intelligence"`, `["AGI"]`).
    static func splitAbbreviation(_ text: String) -> (term: String, aliases: [String]) {
        guard text.hasSuffix(")"), let open = text.lastIndex(of: "("), open > text.startIndex else { return (text, []) }
        let term = text[..<open].trimmedWhitespace
        let alias = text[text.index(after: open)..<text.index(before: text.endIndex)].trimmedWhitespace
        guard !term.isEmpty, !alias.isEmpty, !alias.contains("(") else { return (text, []) }
        return (term, [alias])
    }
}
