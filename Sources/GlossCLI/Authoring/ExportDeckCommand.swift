import ArgumentParser
import Foundation
import GlossStore

/// `export-deck DECK`: a deck for other tools: Anki notes text, CSV, JSON or Markdown.
struct ExportDeckCommand: GlossCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-deck",
        abstract: "Write a deck for other tools: apkg (an Anki package), anki (notes text), csv, json or md.")

    @Argument(help: "The deck.")
    var deck: String

    @Option(name: .long, help: "apkg, anki, csv, json or md.")
    var format: String

    @Option(name: .shortAndLong, help: "Where to write (default: DECK.EXT here; - for standard output).")
    var output: String?

    @Flag(help: "apkg: the learner's schedule and answers as Anki's revlog.")
    var withProgress = false

    @Flag(help: "apkg: collection.anki21, for Anki before 2.1.50.")
    var legacy = false

    @Flag(help: "Overwrite an existing file.")
    var force = false

    @OptionGroup var global: GlobalOptions

    func run(in session: Session) throws {
        if format == "apkg" { return try writePackage(in: session) }
        if withProgress || legacy { throw ValidationError("--with-progress and --legacy are for --format apkg") }
        guard let format = DeckExportFormat(rawValue: format) else {
            throw ValidationError("--format '\(self.format)' is not one of: apkg, anki, csv, json, md")
        }
        let deck = try session.resolveDeck(deck)
        let text = DeckExport.text(deck, format: format)
        let path = output ?? "\(deck.id).\(format.fileExtension)"
        if path == "-" {
            session.console.write(text)
        } else {
            try ExportFile.write(Data(text.utf8), to: path, force: force)
            session.console.line("Wrote \(deck.entries.count) entries to \(path).")
        }
    }
}

extension ExportDeckCommand {
    /// `--format apkg`: the deck (and with `--with-progress` the learner's history) for Anki.
    func writePackage(in session: Session) throws {
        let deck = try session.resolveDeck(deck)
        var progress: AnkiPackageWriter.Progress?
        if withProgress {
            let store = try session.progress()
            let records = try store.allRecords()
            let revoked = Set(records.compactMap(\.revokes))
            let answers = records.filter { $0.kind == .review && $0.card.deck == deck.id && !revoked.contains($0.seq) }
            let cards = store.state.cards.filter { $0.key.deck == deck.id }
            progress = AnkiPackageWriter.Progress(cards: cards, records: answers.sorted { $0.time < $1.time })
        }
        let data = try AnkiPackageWriter.package(deck, progress: progress, now: session.now(), legacy: legacy)
        let path = output ?? "\(deck.id).apkg"
        try ExportFile.write(data, to: path, force: force)
        let reviews = progress.map { ", \($0.records.count) reviews" } ?? ""
        session.console.line("Wrote \(deck.entries.count) notes\(reviews) to \(path)\(legacy ? " (legacy format)" : "").")
    }
}
