import ArgumentParser
import GlossCore

/// `search WORDS`: entries whose term, aliases or definition contain every word.
struct SearchCommand: GlossCommand {
    static let configuration = CommandConfiguration(
        commandName: "search", abstract: "Find entries whose term or definition has all the words.")

    @Argument(help: "Words to look for (case-insensitive).")
    var words: [String] = []

    @Option(name: .long, help: "Search only this deck.")
    var deck: String?

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if words.isEmpty { throw ValidationError("search needs words, e.g. search reward") }
    }

    func run(in session: Session) throws {
        let scope = try deck.map { [try session.resolveDeck($0)] } ?? session.library.decks
        let needles = words.map { $0.lowercased() }
        var hits = 0
        for deck in scope {
            for entry in deck.entries {
                let haystack = (entry.names + [entry.definition]).joined(separator: " ").lowercased()
                guard needles.allSatisfy(haystack.contains) else { continue }
                hits += 1
                let console = session.console
                console.line(console.paint(entry.term, .emphasis) + console.paint("  (\(deck.id))", .dim))
                console.wrapped(entry.definition, indent: "  ")
            }
        }
        if hits == 0 { session.console.line("No entry matches '\(words.joined(separator: " "))'.") }
    }
}
