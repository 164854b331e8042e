import ArgumentParser
import Foundation
import GlossCore
import GlossStore

/// `import FILE`: a glossary from CSV/TSV, Quizlet, Anki text, a saved glossary page or JSON,
/// written as a new Markdown deck (or merged into an existing one).
struct ImportCommand: GlossCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract:
            "Import a glossary (CSV/TSV, Quizlet, Anki text or .apkg/.colpkg with its reviews, a saved glossary page, JSON) as a deck."
    )

    @Argument(help: "The file to import.")
    var file: String

    @Option(name: .long, help: "The new deck's id (default: from the file name).")
    var deck: String?

    @Option(name: .long, help: "The new deck's title.")
    var title: String?

    @Option(
        name: .customLong("format"),
        help: "Force the input format: \(ImportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: String?

    @Option(name: .long, help: "CSV field delimiter, e.g. ';' (default: detected).")
    var delimiter: String?

    @Option(name: .long, help: "Columns in order, e.g. term,definition,-,tags ('-' skips one).")
    var columns: String?

    @Option(
        name: .long,
        help: "Anki packages: the note fields for term, definition and optionally explanation (default Front,Back).")
    var fields: String?

    @Flag(help: "Print what would be imported and every problem, writing nothing.")
    var dryRun = false

    @Flag(help: "Merge into the existing deck with this id, keeping ids and progress.")
    var merge = false

    @Flag(help: "Replace an existing deck file.")
    var force = false

    @OptionGroup var global: GlobalOptions

    func run(in session: Session) throws {
        if ImportFormat.isAnkiPackage(file) { return try runAnkiPackage(in: session) }
        var options = ImportOptions(deckID: deck, title: title)
        if let format {
            guard let parsed = ImportFormat(rawValue: format) else {
                throw ValidationError(
                    "--format '\(format)' is not one of: \(ImportFormat.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            options.format = parsed
        }
        if let delimiter {
            guard delimiter.count == 1, let character = delimiter.first else {
                throw ValidationError("--delimiter takes one character, not '\(delimiter)'")
            }
            options.delimiter = character
        }
        if let columns {
            switch ImportColumn.parseList(columns) {
            case .success(let list): options.columns = list
            case .failure(let error): throw ValidationError("--columns: \(error)")
            }
        }
        let result = try Importer.importFile(file, options: options)
        let console = session.console
        if dryRun {
            console.write(result.report(file: (file as NSString).lastPathComponent))
            return
        }
        for problem in result.problems { console.warning(problem.description) }
        let folder = session.decksFolder
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let existing = session.library.deck(result.deck.id)
        let path = session.library.files[result.deck.id] ?? (folder as NSString).appendingPathComponent("\(result.deck.id).md")
        if merge, existing != nil {
            // Merged into the file as it is under the deck's lock, not as loaded at start.
            var counts = (added: 0, updated: 0, unchanged: 0)
            try DeckFileWriter.update(path) { text in
                let current = try MarkdownDeckParser.parse(text, file: (path as NSString).lastPathComponent).deck
                let merged = DeckMerge.merge(result.deck, into: current)
                counts = (merged.added.count, merged.updated.count, merged.unchanged.count)
                return try DeckFileEditor.apply(merged, to: text, file: path)
            }
            console.line("Merged into \(path): \(counts.added) added, \(counts.updated) updated, \(counts.unchanged) unchanged.")
        } else {
            if existing != nil && !force {
                throw StoreError.unreadable(
                    file: path,
                    reason:
                        "a deck with id '\(result.deck.id)' already exists; pass --merge to merge into it, --force to replace it, or --deck to name the new one"
                )
            }
            try DeckFileWriter.write(DeckExport.text(result.deck, format: .md), to: path, overwrite: force)
            console.line("Imported \(result.deck.entries.count) entries (\(result.format)) into \(path).")
        }
        session.reloadDecks()
        lintAfterEdit(path: path, session: session)
    }
}

/// Lints a deck file after gloss changed it, and says what it found in one line or the findings.
/// Findings printed after an edit or import before the rest are summed up.
let lintLinesShown = 10

/// Decks above this size get only the error-level checks after an edit or import (the
/// question advice builds an index of the whole deck); `gloss lint` gives them everything.
let fullLintAfterEditLimit = 2_000

func lintAfterEdit(path: String, session: Session, entry: String? = nil) {
    guard let parsed = try? DeckLoader.load(file: path) else { return }
    let full = parsed.deck.entries.count <= fullLintAfterEditLimit
    var findings = full ? DeckLinter.lint(parsed) : DeckLinter.errors(parsed)
    if let entry {
        let lines = Set(
            zip(parsed.deck.entries, parsed.sources).filter { $0.0.term == entry }.flatMap {
                [$0.1.heading, $0.1.definition] + Array($0.1.keys.values)
            })
        findings = findings.filter { lines.contains($0.line) || $0.message.contains("'\(entry)'") }
    }
    if findings.isEmpty {
        session.console.line(
            full ? "Lint: clean." : "Lint: no errors; `gloss lint \(path)` gives the advice on its questions too.")
    } else {
        // A large import can find thousands: the first few, then how to see them all.
        for finding in findings.prefix(lintLinesShown) { session.console.line("Lint: \(finding)") }
        if findings.count > lintLinesShown {
            let rest = findings.count - lintLinesShown
            session.console.line("Lint: … and \(rest) more; `gloss lint \(path)` lists them all.")
        }
    }
}
