import Foundation

/// The journal half of `StatsSummary`: what the answers add up to, per deck and study day,
/// counted one record at a time, so a log of a million answers is never held in memory.
///
/// ```swift
/// var tally = StatsTally(clock: clock)
/// for record in journal { tally.add(record) }
/// let summary = StatsSummary(tally: tally, states: states, decks: decks, now: now, ...)
/// ```
/// It does not depend on the present: "today", "the last 7 days" and the heatmap are read
/// from the days when a summary is made, so a tally can be saved and brought up to date with
/// the answers that came after it (`lastSeq`). Tallies of consecutive parts of one journal
/// merge (`merge(_:)`), so parts can be counted side by side. An undo takes its answer back
/// by subtraction: the `revoke` record carries the undone answer's time, card, correctness,
/// response time and confusion, and its `after` is the undone answer's `before` (nil for a
/// practice answer), which is all the tally counted.
public struct StatsTally: Sendable {
    /// The study days the answers are counted in.
    public let clock: DayClock
    /// The highest answer number counted (0 for none).
    public private(set) var lastSeq = 0
    /// Per deck, per study day.
    public private(set) var days: [DeckID: [Int: DayFigures]] = [:]
    /// Confusion counts, `asked` → `picked`, per deck, by the one rule (`ConfusionCounts`).
    public private(set) var confusions = ConfusionCounts()
    /// Per deck, the all-time split by card age, hour, format, and each card's lapse days.
    public var breakdown: [DeckID: AnswerBreakdown] {
        guard let runDeck else { return breakdowns }
        var all = breakdowns
        all[runDeck, default: AnswerBreakdown()].add(runBreakdown)
        return all
    }
    private var breakdowns: [DeckID: AnswerBreakdown] = [:]

    private var memo: StudyDays
    /// The figures of the run of records on one deck and day, not yet added to `days`
    /// (kept as plain properties so they are updated in place).
    private var runDeck: DeckID?
    private var runDay = 0
    private var runFigures = DayFigures()
    private var runBreakdown = AnswerBreakdown()

    /// An empty tally for the study days of `clock`.
    public init(clock: DayClock) {
        self.clock = clock
        memo = StudyDays(clock: clock)
    }

    /// A tally of saved days and confusion counts (a stats cache).
    public init(
        clock: DayClock, lastSeq: Int, days: [DeckID: [Int: DayFigures]], breakdown: [DeckID: AnswerBreakdown] = [:],
        confusions: Confusions
    ) {
        self.init(clock: clock)
        self.lastSeq = lastSeq
        self.days = days
        self.breakdowns = breakdown
        self.confusions = ConfusionCounts(confusions)
    }

    /// Counts one journal record: an answer adds, a revocation subtracts the answer it undoes.
    /// A re-rating (an answer with `revokes`) replaces an answer counted already with one
    /// that counts the same (time, card, correctness, response time, `before`): it adds nothing.
    public mutating func add(_ record: ReviewRecord) {
        confusions.add(record)
        switch record.kind {
        case .review where record.revokes != nil, .practice where record.revokes != nil: break
        case .review: count(record, kind: .review, before: record.before, after: record.after, times: 1)
        case .practice: count(record, kind: .practice, before: record.before, after: nil, times: 1)
        case .revoke:
            count(
                record, kind: record.after == nil ? .practice : .review, before: record.after, after: record.before, times: -1)
        case .suspend, .unsuspend: break
        }
        lastSeq = max(lastSeq, record.seq)
    }

    private mutating func count(
        _ record: ReviewRecord, kind: ReviewRecord.Kind, before: CardState?, after: CardState?, times: Int
    ) {
        let (day, hour) = memo.dayAndHour(of: record.time)
        let deck = record.card.deck
        if runDeck != nil && (runDay != day || runDeck != deck) { flush() }
        if runDeck == nil {
            runDeck = deck
            runDay = day
        }
        // The study days since the card's last review, by the memo too (its quarter was seen
        // when that review was counted): two time-zone queries a review were a tenth of a count.
        var elapsedDays: Int?
        if kind == .review, before?.phase == .review, let last = before?.lastReview {
            elapsedDays = day - memo.dayAndHour(of: last).day
        }
        runFigures.count(record, kind: kind, before: before, after: after, times: times, elapsedDays: elapsedDays)
        runBreakdown.count(record, kind: kind, before: before, day: day, hour: hour, times: times)

    }

    private mutating func flush() {
        guard let deck = runDeck else { return }
        days[deck, default: [:]][runDay, default: DayFigures()].add(runFigures)
        breakdowns[deck, default: AnswerBreakdown()].add(runBreakdown)
        runDeck = nil
        runFigures.clear()
        runBreakdown.clear()
    }

    /// Adds the tally of the records that follow this one's in the same journal.
    public mutating func merge(_ later: StatsTally) {
        var later = later
        flush()
        later.flush()
        for (deck, laterDays) in later.days {
            days[deck, default: [:]].merge(laterDays) { a, b in
                var sum = a
                sum.add(b)
                return sum
            }
        }
        confusions.merge(later.confusions)
        breakdowns.merge(later.breakdowns) { a, b in
            var sum = a
            sum.add(b)
            return sum
        }
        lastSeq = max(lastSeq, later.lastSeq)
    }

    /// Every day's figures with the run in progress added.
    public func settled() -> StatsTally {
        var tally = self
        tally.flush()
        return tally
    }
}

/// What one deck's answers of one study day add up to.
public struct DayFigures: Hashable, Sendable {
    /// Every answer (reviews and practice).
    public var answers = RateFigure()
    /// Sum of response times, in milliseconds.
    public var timeSpentMs = 0
    /// Scheduled answers to cards seen for the first time.
    public var newSeen = 0
    /// Cards that left their first learning steps for the review phase with a right answer
    /// (each card once: a lapse later goes to relearning, not learning).
    public var newLearned = 0
    /// Scheduled reviews of cards in the review phase (true retention).
    public var reviews = RateFigure()
    /// `reviews` by study days since the card's previous review, in `StatsSummary.intervalBuckets()`.
    public var byInterval = [RateFigure](repeating: RateFigure(), count: StatsSummary.intervalBuckets().count)

    public init() {}

    /// True when nothing counts (every answer of the day was undone).
    public var isEmpty: Bool { answers.reviews == 0 }

    mutating func count(
        _ record: ReviewRecord, kind: ReviewRecord.Kind, before: CardState?, after: CardState?, times: Int,
        elapsedDays: Int?
    ) {
        answers.add(record.correct, times: times)
        timeSpentMs += max(record.responseMs, 0) * times
        guard kind == .review else { return }
        let phase = before?.phase ?? .new
        if phase == .new { newSeen += times }
        if Self.learnsNewCard(before: before, after: after, correct: record.correct) { newLearned += times }
        guard before?.phase == .review else { return }
        reviews.add(record.correct, times: times)
        if let elapsedDays {
            // Study days from its last review, as the scheduler counts them: yesterday's card is one day old.
            let days = Double(elapsedDays)
            let buckets = StatsSummary.intervalStarts
            byInterval[buckets.lastIndex(where: { days >= $0 }) ?? 0].add(record.correct, times: times)
        }
    }

    /// Whether an answer learned a new card: it left its first learning steps (or skipped them)
    /// for the review phase with a right answer. A lapse later goes to relearning, so a card
    /// is learned once.
    public static func learnsNewCard(before: CardState?, after: CardState?, correct: Bool) -> Bool {
        let phase = before?.phase ?? .new
        return (phase == .new || phase == .learning) && after?.phase == .review && correct
    }

    /// Back to zero, keeping the storage.
    mutating func clear() {
        answers = RateFigure()
        timeSpentMs = 0
        newSeen = 0
        newLearned = 0
        reviews = RateFigure()
        for i in byInterval.indices { byInterval[i] = RateFigure() }
    }

    mutating func add(_ other: DayFigures) {
        answers.add(other.answers)
        timeSpentMs += other.timeSpentMs
        newSeen += other.newSeen
        newLearned += other.newLearned
        reviews.add(other.reviews)
        for i in byInterval.indices where i < other.byInterval.count { byInterval[i].add(other.byInterval[i]) }
    }
}

extension RateFigure {
    mutating func add(_ right: Bool, times: Int) {
        reviews += times
        if right { correct += times }
    }

    mutating func add(_ other: RateFigure) {
        reviews += other.reviews
        correct += other.correct
    }
}
