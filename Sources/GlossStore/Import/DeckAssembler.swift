import Foundation
import GlossCore

/// Turns raw rows into a deck: ids by slug, duplicates and empty terms dropped with a problem,
/// related names resolved by term, alias or id (case-insensitive) and made symmetric.
struct DeckAssembler {
    var file: String
    var maximumDefinitionLength: Int

    func assemble(_ raws: [RawEntry], deck: Deck, format: ImportFormat) -> ImportResult {
        var problems: [ImportProblem] = []
        func report(_ line: Int, _ kind: ImportProblem.Kind, _ message: String) {
            problems.append(ImportProblem(file: file, line: line, kind: kind, message: message))
        }
        var entries: [Entry] = []
        var lines: [Int] = []
        var relatedNames: [[String]] = []
        var idLine: [EntryID: Int] = [:]
        var nameLine: [String: Int] = [:]
        for raw in raws {
            let term = ImportText.oneLine(raw.term)
            let definition = ImportText.oneLine(raw.definition)
            guard !term.isEmpty else {
                report(
                    raw.line, .emptyTerm,
                    definition.isEmpty
                        ? "empty row skipped: no term" : "no term for definition '\(String(definition.prefix(40)))'; row skipped")
                continue
            }
            guard !definition.isEmpty else {
                report(raw.line, .badRow, "term '\(term)' has no definition; row skipped")
                continue
            }
            let id = EntryID(raw.id.flatMap { $0.isEmpty ? nil : $0 } ?? slug(term))
            guard !id.rawValue.isEmpty else {
                report(raw.line, .badRow, "term '\(term)' has no letters or digits to make an id from; row skipped")
                continue
            }
            if let first = idLine[id] ?? nameLine[term.lowercased()] {
                report(raw.line, .duplicate, "duplicate term '\(term)' (first at line \(first)); row skipped")
                continue
            }
            if definition.count > maximumDefinitionLength {
                report(
                    raw.line, .longDefinition,
                    "definition of '\(term)' is \(definition.count) characters (over \(maximumDefinitionLength)); kept, consider moving detail to the explanation"
                )
            }
            idLine[id] = raw.line
            nameLine[term.lowercased()] = raw.line
            var aliases: [String] = []
            for alias in raw.aliases.flatMap(splitCommas) {
                let key = alias.lowercased()
                if key == term.lowercased() || aliases.contains(where: { $0.lowercased() == key }) { continue }
                if let first = nameLine[key] {
                    report(
                        raw.line, .duplicate, "alias '\(alias)' of '\(term)' is already a name at line \(first); alias dropped")
                    continue
                }
                nameLine[key] = raw.line
                aliases.append(alias)
            }
            var tags: [String] = []
            for tag in raw.tags.flatMap(splitCommas) where !tags.contains(tag) { tags.append(tag) }
            if looksLikeMetadata(definition) {
                report(
                    raw.line, .formatConflict,
                    "definition of '\(term)' starts like a 'key: value' line, which a Markdown deck reads as metadata; reword its start"
                )
            }
            var explanation = ImportText.paragraphs(raw.explanation)
            if explanation.contains(where: { $0.hasPrefix("#") }) {
                explanation = explanation.map { $0.hasPrefix("#") ? String($0.drop { $0 == "#" || $0 == " " }) : $0 }
                report(
                    raw.line, .formatConflict,
                    "explanation of '\(term)' has a paragraph starting with '#', which a Markdown deck reads as a heading; the '#' was dropped"
                )
            }
            entries.append(
                Entry(
                    id: id, term: term, definition: definition,
                    explanation: explanation.joined(separator: "\n\n"), aliases: aliases, tags: tags))
            lines.append(raw.line)
            relatedNames.append(raw.related.map(ImportText.oneLine).filter { !$0.isEmpty })
        }

        var byName: [String: EntryID] = [:]
        for entry in entries {
            for name in [entry.id.rawValue] + entry.names where byName[name.lowercased()] == nil {
                byName[name.lowercased()] = entry.id
            }
        }
        // First each entry's own list in its order, then the missing back-links.
        for index in entries.indices {
            for name in relatedNames[index] {
                guard let target = byName[name.lowercased()] ?? byName[slug(name)] else {
                    report(
                        lines[index], .unknownRelated,
                        "related term '\(name)' of '\(entries[index].term)' matches no imported entry; link dropped")
                    continue
                }
                if target != entries[index].id && !entries[index].related.contains(target) {
                    entries[index].related.append(target)
                }
            }
        }
        let position = Dictionary(entries.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        for entry in entries {
            for target in entry.related {
                if let j = position[target], !entries[j].related.contains(entry.id) {
                    entries[j].related.append(entry.id)
                }
            }
        }
        var result = deck
        result.entries = entries
        return ImportResult(format: format, deck: result, problems: problems, lines: lines)
    }

    /// Names as a Markdown deck's comma-separated lists can hold them.
    private func splitCommas(_ text: String) -> [String] {
        ImportText.oneLine(text).split(separator: ",").map(\.trimmedWhitespace).filter { !$0.isEmpty }
    }

    /// `word: …` with a lower-case ASCII first word: what a Markdown deck takes for metadata.
    private func looksLikeMetadata(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":") else { return false }
        let key = text[..<colon]
        let rest = text[text.index(after: colon)...]
        return !key.isEmpty && key.allSatisfy { ($0.isLetter && $0.isLowercase && $0.isASCII) || $0 == "-" }
            && (rest.isEmpty || rest.first == " ")
    }
}
