import ArgumentParser
import Foundation
import GlossCore
import GlossStore

/// `stats`: progress at a glance — today, streaks, cards by state, retention, forecast, heatmap.
struct StatsCommand: GlossCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats", abstract: "Show progress: today, streaks, cards, retention, forecast, heatmap, hardest terms.",
        discussion: "What the figures mean:\n"
            + StatsGlossary.definitions.map { "- \($0.figure): \($0.meaning)" }.joined(separator: "\n"))

    @Option(name: .long, help: "Only this deck (default: the current deck).")
    var deck: String?

    @Flag(help: "Every deck.")
    var all = false

    @OptionGroup var global: GlobalOptions

    func run(in session: Session) throws {
        let summary = try session.statsSummary(deck: deck, all: all)
        let console = session.console
        let text = StatsText.render(summary, width: console.width) { text, tone in console.paint(text, stats: tone) }
        console.write(text.hasSuffix("\n") ? text : text + "\n")
    }
}

extension Session {
    /// The one stats computation every view (terminal, JSON, Markdown, HTML) shows.
    func statsSummary(deck name: String?, all: Bool) throws -> StatsSummary {
        try statsSummary(decks: all ? library.decks : [try resolveDeck(name)])
    }

    /// The stats of `decks`, the review log counted as it is read (never held in memory).
    func statsSummary(decks: [Deck]) throws -> StatsSummary {
        let store = try progress(forReading: true)
        let settings = store.settings
        let scheduler = try settings.makeScheduler(dayClock: dayClock(settings))
        let now = now()
        let tally = try store.statsTally(clock: dayClock(settings))
        return StatsSummary(
            tally: tally, states: store.state.cards, decks: decks, now: now, desiredRetention: settings.desiredRetention,
            retrievability: { scheduler.retrievability(of: $0, at: $1) })
    }
}

extension Console {
    /// Colours text in a stats renderer's tone.
    func paint(_ text: String, stats tone: GlossCore.Tone) -> String {
        switch tone {
        case .plain: text
        case .heading: paint(text, .heading)
        case .muted: paint(text, .dim)
        case .good: paint(text, .right)
        case .warning: paint(text, .warning)
        case .bad: paint(text, .wrong)
        case .accent: paint(text, .emphasis)
        case .heat(let level): level == 0 ? paint(text, .dim) : (level >= 3 ? paint(text, .right) : text)
        }
    }
}
