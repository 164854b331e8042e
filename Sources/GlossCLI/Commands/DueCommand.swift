import ArgumentParser
import Foundation
import GlossCore
import GlossStore

/// `due`: one line for a shell prompt or a desktop notifier, "12 due · 3 new · about 4 min";
/// `--quiet` prints nothing and answers by exit status. Reads without the learner's lock, so
/// a prompt that calls it never waits for, nor blocks, a study session.
struct DueCommand: GlossCommand {
    static let configuration = CommandConfiguration(
        commandName: "due",
        abstract: "One line for a shell prompt or a notifier: what is due now and about how long it takes.",
        discussion: "With --quiet nothing is printed: the exit status is 0 when something is due, 1 when nothing is.")

    @Option(name: .long, help: "Only this deck (default: every deck).")
    var deck: String?

    @Flag(help: "Print nothing; exit 0 when cards are due or new, 1 when nothing is.")
    var quiet = false

    @OptionGroup var global: GlobalOptions

    /// The time an answer takes when the last two weeks have none to go by.
    static let defaultSecondsPerAnswer = 8.0

    func run(in session: Session) throws {
        let decks = try deck.map { [try session.resolveDeck($0)] } ?? session.library.decks
        let store = try session.progress(forReading: true)
        let now = session.now()
        let clock = session.dayClock(store.settings)
        let scheduler = try store.settings.makeScheduler(dayClock: clock)
        let cards = decks.flatMap { DeckCards.of($0).map(\.key) }
        let queue = try todayQueue(cards: cards, store: store, now: now, clock: clock, scheduler: scheduler)
        let left = queue.remaining
        let learningDue = cards.filter { key in
            guard let state = store.state.cards[key], state.phase == .learning || state.phase == .relearning else { return false }
            return (state.due ?? now) <= now
        }.count
        let due = left.review + min(learningDue, left.learning)
        if quiet {
            if due + left.new == 0 { throw ExitCode(ExitStatus.warnings.rawValue) }
            return
        }
        let recent = try store.records(since: now.addingTimeInterval(-14 * 86_400)).filter { $0.kind != .revoke }
        let seconds =
            recent.isEmpty
            ? Self.defaultSecondsPerAnswer
            : recent.map { min(max(Double($0.responseMs) / 1000, 0), 60) }.reduce(0, +) / Double(recent.count)
        session.console.line(
            Self.line(due: due, new: left.new, secondsPerAnswer: seconds, next: nextDue(cards, store, now), now: now))
    }

    /// "12 due · 3 new · about 4 min", or when nothing is: "nothing due · next in 3 h".
    static func line(due: Int, new: Int, secondsPerAnswer: Double, next: Date?, now: Date) -> String {
        guard due + new > 0 else {
            return "nothing due" + (next.map { " · next \(formatUntil($0, from: now))" } ?? "")
        }
        let minutes = max(1, Int((Double(due + new) * secondsPerAnswer / 60).rounded()))
        return "\(due) due · \(new) new · about \(minutes) min"
    }

    private func nextDue(_ cards: [CardKey], _ store: ProgressStore, _ now: Date) -> Date? {
        cards.compactMap { store.state.cards[$0]?.due }.filter { $0 > now }.min()
    }
}
