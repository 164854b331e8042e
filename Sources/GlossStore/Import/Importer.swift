import Foundation
import GlossCore

/// Reads a glossary from CSV/TSV, Quizlet, Anki notes, a glossary page, or a gloss deck.
///
/// ```swift
/// let text = try String(contentsOfFile: path, encoding: .utf8)
/// let result = try Importer.importText(text, fileName: "terms.csv")
/// for problem in result.problems { print(problem) }   // "terms.csv:4: duplicate term 'X' …"
/// ```
public enum Importer {
    /// Imports `text`; `fileName` names the file in problems and gives the default deck id
    /// and title. Throws only when a gloss JSON or Markdown deck cannot be parsed at all.
    public static func importText(_ text: String, fileName: String, options: ImportOptions = ImportOptions())
        throws(StoreError) -> ImportResult
    {
        let name = (fileName as NSString).lastPathComponent
        let text = ImportText.normalized(text)
        let format = options.format ?? ImportFormat.detect(fileName: name, text: text)
        let stem = (name as NSString).deletingPathExtension
        let assembler = DeckAssembler(file: name, maximumDefinitionLength: options.maximumDefinitionLength)
        var deck = Deck(id: DeckID(options.deckID ?? slug(stem)), title: options.title ?? stem)

        let rows: (entries: [RawEntry], problems: [ImportProblem])
        switch format {
        case .csv, .tsv:
            rows = CSVImporter.rows(text, file: name, options: options, tab: format == .tsv)
        case .quizlet:
            rows = QuizletImporter.rows(
                text, file: name, termSeparator: options.termSeparator,
                cardSeparator: ImportText.normalized(options.cardSeparator))
        case .anki:
            rows = AnkiImporter.rows(text, file: name)
        case .page:
            let page = GlossaryPageImporter.rows(text, file: name)
            rows = (page.entries, page.problems)
            if options.title == nil, let title = page.title { deck.title = title }
        case .json, .markdown:
            let parsed =
                format == .json
                ? try JSONDeckCoder.parse(Data(text.utf8), file: name)
                : try MarkdownDeckParser.parse(text, file: name)
            var result = deckResult(parsed, format: format, options: options, assembler: assembler)
            if let id = options.deckID { result.deck.id = DeckID(id) }
            if let title = options.title { result.deck.title = title }
            return result
        }
        var result = assembler.assemble(rows.entries, deck: deck, format: format)
        result.problems = (rows.problems + result.problems).sorted { $0.line < $1.line }
        return result
    }

    /// Reads the file at `path` (UTF-8) and imports it.
    public static func importFile(_ path: String, options: ImportOptions = ImportOptions()) throws(StoreError) -> ImportResult {
        let name = (path as NSString).lastPathComponent
        guard FileManager.default.fileExists(atPath: path) else { throw .unreadable(file: name, reason: "no such file") }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw .unreadable(file: name, reason: error.localizedDescription)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .unreadable(file: name, reason: "not UTF-8 text")
        }
        return try importText(text, fileName: name, options: options)
    }

    /// A gloss deck passes through the same checks as any other import.
    private static func deckResult(
        _ parsed: ParsedDeck, format: ImportFormat, options: ImportOptions,
        assembler: DeckAssembler
    ) -> ImportResult {
        let deck = parsed.deck
        let raws = zip(deck.entries, parsed.sources).map { entry, source in
            RawEntry(
                line: source.heading, term: entry.term, definition: entry.definition,
                explanation: entry.explanation, related: entry.related.map(\.rawValue),
                aliases: entry.aliases, tags: entry.tags, id: entry.id.rawValue)
        }
        var shell = deck
        shell.entries = []
        return assembler.assemble(raws, deck: shell, format: format)
    }
}
