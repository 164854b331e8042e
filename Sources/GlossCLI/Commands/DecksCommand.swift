import ArgumentParser
import GlossCore

/// `decks`: the decks that loaded, and the ones that were skipped and why.
struct DecksCommand: GlossCommand {
    static let configuration = CommandConfiguration(
        commandName: "decks", abstract: "List the decks, marking the current one.")

    @OptionGroup var global: GlobalOptions

    func run(in session: Session) throws {
        let console = session.console
        if session.library.decks.isEmpty {
            console.line("No decks in '\(session.decksFolder)'.")
        }
        let width = session.library.decks.map(\.id.rawValue.count).max() ?? 0
        for deck in session.library.decks {
            let mark = deck.id == session.currentDeck ? "*" : " "
            let id = deck.id.rawValue.padding(toLength: width, withPad: " ", startingAt: 0)
            console.line("\(mark) \(id)  \(deck.title) (\(deck.entries.count) entries)")
        }
        for problem in session.library.problems { console.line("  skipped: \(problem)") }
    }
}
