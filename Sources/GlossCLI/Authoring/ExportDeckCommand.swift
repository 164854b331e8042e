import ArgumentParser
import Foundation
import GlossStore

/// `export-deck DECK`: a deck for other tools: Anki notes text, CSV, JSON or Markdown.
struct ExportDeckCommand: GlossCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-deck", abstract: "Write a deck for other tools: anki (notes text), csv, json or md.")

    @Argument(help: "The deck.")
    var deck: String

    @Option(name: .long, help: "anki, csv, json or md.")
    var format: String

    @Option(name: .shortAndLong, help: "Where to write (default: DECK.EXT here; - for standard output).")
    var output: String?

    @Flag(help: "Overwrite an existing file.")
    var force = false

    @OptionGroup var global: GlobalOptions

    func run(in session: Session) throws {
        guard let format = DeckExportFormat(rawValue: format) else {
            throw ValidationError("--format '\(self.format)' is not one of: anki, csv, json, md")
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
