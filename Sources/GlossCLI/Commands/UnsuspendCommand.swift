import ArgumentParser
import Foundation
import GlossCore
import GlossStore

/// `unsuspend TERM` / `unsuspend --all`: brings suspended cards (leeches, under
/// `leech-action suspend`) back into study.
struct UnsuspendCommand: GlossCommand {
    static let configuration = CommandConfiguration(
        commandName: "unsuspend", abstract: "Bring a suspended leech back into study (or --all of them).")

    @Argument(help: "The term, an alias or an entry id (quotes optional).")
    var term: [String] = []

    @Option(name: .long, help: "The deck to look in (default: the current deck, then all).")
    var deck: String?

    @Flag(help: "Every suspended card.")
    var all = false

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if term.isEmpty && !all { throw ValidationError("unsuspend needs a term (e.g. unsuspend Mesa-Optimization) or --all") }
        if !term.isEmpty && all { throw ValidationError("unsuspend takes a term or --all, not both") }
    }

    func run(in session: Session) throws {
        let store = try session.progress()
        var cards = store.state.suspended.sorted { $0.description < $1.description }
        var name = "every suspended card"
        if !all {
            let (deck, entry) = try session.findEntry(term.joined(separator: " "), deck: deck)
            cards = cards.filter { $0.deck == deck.id && $0.entry == entry.id }
            name = "'\(entry.term)'"
        }
        guard !cards.isEmpty else {
            session.console.line(all ? "No card is suspended." : "\(name) is not suspended.")
            return
        }
        let now = session.now()
        try store.appendAll(
            cards.map { ReviewRecord(seq: 0, kind: .unsuspend, time: now, card: $0, correct: false, rating: .again) })
        session.console.line(
            "Back in study: \(name) (\(cards.count) card\(cards.count == 1 ? "" : "s")); it comes back when due.")
    }
}
