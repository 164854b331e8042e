import ArgumentParser
import Foundation
import GlossCore
import GlossStore

/// `study`: today's session — due reviews, learning cards, and new cards within the limit.
struct StudyCommand: GlossCommand {
    static let configuration = CommandConfiguration(
        commandName: "study",
        abstract: "Study what is due today in the current deck (or --all decks).",
        discussion: "During a question: ? hint · ! give up · s skip · u undo · e change the last rating · show · quit.")

    @Option(name: .long, help: "The deck (default: the current deck).")
    var deck: String?

    @Flag(help: "Study every deck.")
    var all = false

    @Flag(help: "Nothing due? Review cards due soonest anyway.")
    var ahead = false

    @Flag(help: "Classic flashcards: see the term, reveal the definition, rate yourself 1–4.")
    var flip = false

    @OptionGroup var global: GlobalOptions

    func run(in session: Session) throws {
        let decks = all ? session.library.decks : [try session.resolveDeck(deck)]
        guard decks.contains(where: { !$0.entries.isEmpty }) else {
            session.console.line("There is nothing to study: the deck has no entries.")
            return
        }
        try study(decks, store: try session.progress(), session: session)
    }

    private func study(_ decks: [Deck], store: ProgressStore, session: Session) throws {
        let console = session.console
        let now = session.now()
        let settings = store.settings
        let clock = session.dayClock(settings)
        let scheduler = try settings.makeScheduler(dayClock: clock)
        let cards = decks.flatMap { DeckCards.of($0).map(\.key) }
        let queue = try todayQueue(cards: cards, store: store, now: now, clock: clock, scheduler: scheduler)
        var upcoming: [CardKey] = []
        if ahead && queue.isFinished {
            upcoming = cards.compactMap { key in store.state.cards[key].flatMap { $0.due }.map { (key, $0) } }
                .filter { $0.1 > now }.sorted { $0.1 < $1.1 }.prefix(50).map(\.0)
        }
        var plan = QueuePlan(queue: queue, ahead: upcoming)
        let label = decks.count == 1 ? decks[0].id.rawValue : "\(decks.count) decks"
        guard plan.counts.left > 0 else {
            console.line("Nothing is due in \(label) right now.")
            if queue.buried > 0 {
                let cards = queue.buried == 1 ? "1 card waits" : "\(queue.buried) cards wait"
                console.line("\(cards) for tomorrow: another facet of the same entry was studied today (setting bury-siblings).")
            }
            console.line(dueOutlook(cards: cards, store: store, now: now, clock: clock))
            console.line("Try 'study --ahead' to review early, or 'quiz' for practice that leaves the schedule alone.")
            return
        }
        let total = plan.counts.left
        let runner = try StudyRunner(
            session: session, store: store, reader: session.answerReader(), decks: decks,
            mode: .study, flip: flip)
        let start = plan.counts
        let reviews = start.left - start.new - start.learning
        console.line(
            "Studying \(label): \(total) card\(total == 1 ? "" : "s") (\(start.new) new · \(start.learning) learning · "
                + "\(reviews) review\(reviews == 1 ? "" : "s")). Type ? for a hint, help for the keys."
        )
        if let waiting = Self.waitingLine(queue) { console.wrapped(waiting) }
        let ending = runner.run(plan: &plan) { plan in
            let counts = plan.statusCounts
            return "\(counts.left) left · \(counts.learning) learning · \(counts.new) new · \(label)"
        }
        store.saveSnapshot()  // a failure is said once, on exit: the answers are in the journal
        console.line()
        let summary = runner.summary
        let heading = ending == .finished ? "Done for now." : "Session saved."
        console.line(console.paint(heading, .emphasis) + " " + summary.scoreLine(elapsed: runner.elapsed))
        if summary.newLearned > 0 { console.line("New cards learned: \(summary.newLearned).") }
        let hardest = summary.hardest.prefix(3).map { "\($0.term) (\($0.misses) wrong)" }
        if !hardest.isEmpty { console.wrapped("Hardest: " + hardest.joined(separator: ", ") + ".") }
        console.wrapped(dueOutlook(cards: cards, store: store, now: session.now(), clock: clock))
    }
}

extension StudyCommand {
    /// What a backlog leaves for the next days, said before the session: "40 more reviews are
    /// due: they wait for the next days (at most 75 a day, backlog-spread and reviews-per-day);
    /// new cards pause until none waits." Nil when none waits, or under `reviews-per-day 0`.
    static func waitingLine(_ queue: StudyQueue) -> String? {
        guard queue.waitingReviews > 0, queue.dailyReviewLimit > 0 else { return nil }
        let n = queue.waitingReviews
        return "\(n) more review\(n == 1 ? " is" : "s are") due: \(n == 1 ? "it waits" : "they wait") for the next days "
            + "(at most \(queue.dailyReviewLimit) a day, backlog-spread and reviews-per-day)"
            + (queue.newPaused ? "; new cards pause until none waits." : ".")
    }
}

/// "Next review in 10 min; 14 due tomorrow." for the given cards.
func dueOutlook(cards: [CardKey], store: ProgressStore, now: Date, clock: DayClock) -> String {
    let dues = cards.compactMap { store.state.cards[$0]?.due }
    let tomorrowStart = clock.endOfDay(containing: now)
    let tomorrowEnd = clock.start(ofDay: clock.day(of: now) + 2)
    let dueTomorrow = dues.filter { $0 >= tomorrowStart && $0 < tomorrowEnd }.count
    let newLeft = cards.filter { store.state.cards[$0] == nil }.count
    var parts: [String] = []
    if let next = dues.filter({ $0 > now }).min() {
        parts.append("Next review \(formatUntil(next, from: now))")
    } else if dues.contains(where: { $0 <= now }) {
        parts.append("Some cards are due now")
    }
    parts.append("\(dueTomorrow) due tomorrow")
    if newLeft > 0 { parts.append("\(newLeft) new card\(newLeft == 1 ? "" : "s") not yet seen") }
    return parts.joined(separator: "; ") + "."
}

/// Today's queue of `cards`: what is due now and the new cards the day's limit still allows
/// (the answers already given today counted against the limits); suspended cards left out.
func todayQueue(
    cards: [CardKey], store: ProgressStore, now: Date, clock: DayClock, scheduler: some Scheduler
) throws -> StudyQueue {
    let today = try store.records(since: clock.start(ofDay: clock.day(of: now)))
    let suspended = store.state.suspended
    return StudyQueue(
        cards: cards.filter { !suspended.contains($0) }.map { ($0, store.card($0)) }, now: now, settings: store.settings,
        today: DailyCounts(today: today, state: store.card),
        clock: clock, scheduler: scheduler)
}
