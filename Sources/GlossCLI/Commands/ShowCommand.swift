import ArgumentParser
import GlossCore

/// `show TERM`: an entry's definition, explanation and related terms.
struct ShowCommand: GlossCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show an entry: definition, explanation, related terms.")

    @Argument(help: "The term, an alias or an entry id (quotes optional).")
    var term: [String] = []

    @Option(name: .long, help: "The deck to look in (default: the current deck, then all).")
    var deck: String?

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if term.isEmpty { throw ValidationError("show needs a term, e.g. show Mesa-Optimization") }
    }

    func run(in session: Session) throws {
        let name = term.joined(separator: " ")
        let (deck, entry) = try session.findEntry(name, deck: deck)
        render(entry, in: deck, console: session.console)
    }

    func render(_ entry: Entry, in deck: Deck, console: Console) {
        let deckNote = "(\(deck.id))"
        if entry.term.count + 2 + deckNote.count <= console.width {
            console.line(console.paint(entry.term, .heading) + console.paint("  " + deckNote, .dim))
        } else {
            console.line(console.paint(entry.term, .heading))
            console.line(console.paint(deckNote, .dim))
        }
        if !entry.aliases.isEmpty { console.wrapped("also: " + entry.aliases.joined(separator: ", "), indent: "  ") }
        console.wrapped(entry.definition, indent: "  ")
        if !entry.explanation.isEmpty {
            console.line()
            console.wrapped(entry.explanation, indent: "  ")
        }
        let related = deck.relatedIDs(of: entry.id).compactMap { deck.entry($0)?.term }
        if !related.isEmpty {
            console.line()
            console.wrapped("Related: " + related.joined(separator: ", "), indent: "  ")
        }
        if !entry.tags.isEmpty { console.wrapped("Tags: " + entry.tags.joined(separator: ", "), indent: "  ") }
    }
}

extension Session {
    /// The entry named `name` in the named deck, else the current deck, else any deck.
    func findEntry(_ name: String, deck deckName: String?) throws -> (Deck, Entry) {
        let scope: [Deck]
        if let deckName {
            scope = [try resolveDeck(deckName)]
        } else {
            scope = library.decks
        }
        var found = library.findEntries(name, in: scope)
        if found.count > 1, let current = currentDeck, found.contains(where: { $0.deck.id == current }) {
            found = found.filter { $0.deck.id == current }
        }
        if found.count > 1 {
            throw CLIError.ambiguousTerm(name, decks: found.map(\.deck.id.rawValue))
        }
        guard let match = found.first else {
            let names = scope.flatMap { $0.entries.flatMap(\.names) }
            let deckLabel = deckName ?? currentDeck?.rawValue ?? decksFolder
            throw CLIError.unknownTerm(name, deck: deckLabel, suggestion: closestMatch(to: name, in: names))
        }
        return (match.deck, match.entry)
    }
}
