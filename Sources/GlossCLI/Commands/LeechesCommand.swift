import ArgumentParser
import GlossCore
import GlossStore

/// `leeches`: the cards forgotten `leech-threshold` times or more, with what helps.
struct LeechesCommand: GlossCommand {
    static let configuration = CommandConfiguration(
        commandName: "leeches",
        abstract: "The cards you keep forgetting (leech-threshold lapses or more), with their explanation and confusions.")

    @Option(name: .long, help: "Only this deck (default: every deck).")
    var deck: String?

    @OptionGroup var global: GlobalOptions

    func run(in session: Session) throws {
        let decks = try deck.map { [try session.resolveDeck($0)] } ?? session.library.decks
        let store = try session.progress(forReading: true)
        let threshold = store.settings.leechThreshold
        guard threshold > 0 else {
            session.console.line("Leeches are off (leech-threshold 0): `set leech-threshold 8` turns them on.")
            return
        }
        let leeches = Leeches.list(
            decks: decks, cards: store.state.cards, confusions: store.state.confusions, threshold: threshold)
        guard !leeches.isEmpty else {
            session.console.line("No leeches: no card has been forgotten \(threshold) times (leech-threshold).")
            return
        }
        session.console.line("\(leeches.count) leech\(leeches.count == 1 ? "" : "es") (forgotten \(threshold) times or more):")
        for leech in leeches {
            session.console.line("")
            let suspended = store.state.suspended.contains(leech.card)
            for line in LeechText.entry(leech, suspended: suspended) { session.console.wrapped(line, indent: "  ") }
        }
    }
}

/// How a leech is said: when an answer makes one, and in `leeches`.
enum LeechText {
    /// "'Mesa-Optimization' is now a leech: forgotten 8 times." and what helps.
    static func notice(_ leech: Leeches.Leech) -> [String] {
        ["'\(leech.term)' is now a leech: forgotten \(leech.lapses) times. Read it again before its next review:"]
            + help(leech) + ["`leeches` lists every leech; `set leech-threshold` changes when a card counts as one."]
    }

    /// The `leeches` entry: "Mesa-Optimization (recognize): 9 lapses", "· suspended" when
    /// it is out of study, then what helps.
    static func entry(_ leech: Leeches.Leech, suspended: Bool = false) -> [String] {
        [
            "\(leech.term) (\(leech.card.facet)): \(leech.lapses) lapses"
                + (suspended ? " · suspended (`unsuspend \(leech.term)`)" : "")
        ]
            + help(leech)
    }

    private static func help(_ leech: Leeches.Leech) -> [String] {
        var lines = ["  " + leech.explanation]
        if !leech.confusedWith.isEmpty {
            lines.append(
                "  Often taken for: " + leech.confusedWith.map { "\($0.term) (\($0.count)×)" }.joined(separator: ", "))
        }
        return lines
    }
}
