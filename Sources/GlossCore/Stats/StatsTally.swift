import Foundation

/// The journal half of `StatsSummary`: every figure that comes from the answers, counted one
/// record at a time, so a log of a million answers never has to be held in memory.
///
/// ```swift
/// var tally = StatsTally(clock: clock, now: now, decks: decks.map(\.id))
/// for record in journal { tally.add(record) }
/// let summary = StatsSummary(tally: tally, states: states, decks: decks, desiredRetention: 0.9, ...)
/// ```
/// Tallies of consecutive parts of one journal merge (`merge(_:)`), so parts can be counted
/// side by side. An undo takes its answer back by subtraction: the `revoke` record carries the
/// undone answer's time, card, correctness, response time and confusion, and its `after` is
/// the undone answer's `before` (nil for a practice answer), which is all the tally counted.
public struct StatsTally: Sendable {
    /// Today's study day number and the first day of the heatmap.
    let today: Int
    let heatStart: Int
    let wanted: Set<DeckID>
    private(set) var clock: StudyDays

    var totalAnswers = 0
    /// Answers per study day (all time), for study days and streaks.
    var answersByDay: [Int: Int] = [:]
    /// Answers per day of the heatmap, `heatStart` first.
    var perDay: [Int]
    var weekly: [RateFigure]
    var todayFigures: TodayFigures
    var retention7 = RateFigure()
    var retention30 = RateFigure()
    var retention365 = RateFigure()
    var byInterval = StatsSummary.intervalBuckets()
    var confusions: [PairKey: Int] = [:]

    private var lastDeck: DeckID?
    private var lastDeckWanted = false
    /// Answers of the run of records on `runDay` not yet added to `answersByDay`.
    private var runDay = Int.min
    private var runCount = 0

    /// An empty tally for the study days of `clock` as of `now`, counting only `decks`.
    public init(clock: DayClock, now: Date, decks: [DeckID]) {
        var days = StudyDays(clock: clock)
        today = days.day(of: now).number
        heatStart = today - CivilDay(today).weekday - 51 * 7
        wanted = Set(decks)
        self.clock = days
        perDay = [Int](repeating: 0, count: today - heatStart + 1)
        weekly = [RateFigure](repeating: RateFigure(), count: 52)
        todayFigures = TodayFigures(day: CivilDay(today).description)
    }

    /// Counts one journal record: an answer adds, a revocation subtracts the answer it undoes.
    public mutating func add(_ record: ReviewRecord) {
        if record.card.deck != lastDeck {
            lastDeck = record.card.deck
            lastDeckWanted = wanted.contains(record.card.deck)
        }
        guard lastDeckWanted else { return }
        switch record.kind {
        case .review: count(record, kind: .review, before: record.before, times: 1)
        case .practice: count(record, kind: .practice, before: record.before, times: 1)
        case .revoke: count(record, kind: record.after == nil ? .practice : .review, before: record.after, times: -1)
        }
    }

    private mutating func count(_ record: ReviewRecord, kind: ReviewRecord.Kind, before: CardState?, times: Int) {
        let correct = record.correct
        let day = clock.day(of: record.time).number
        totalAnswers += times
        if day != runDay {
            flushRun()
            runDay = day
        }
        runCount += times
        if day >= heatStart && day <= today { perDay[day - heatStart] += times }
        if day == today {
            todayFigures.answers.add(correct, times: times)
            todayFigures.timeSpentMs += max(record.responseMs, 0) * times
            if kind == .review && (before?.phase ?? .new) == .new { todayFigures.newLearned += times }
        }
        if let picked = record.confusedWith {
            confusions[PairKey(deck: record.card.deck, asked: record.card.entry, picked: picked), default: 0] += times
        }
        guard kind == .review, before?.phase == .review else { return }
        let age = today - day
        if age < 7 { retention7.add(correct, times: times) }
        if age < 30 { retention30.add(correct, times: times) }
        if age < 365 { retention365.add(correct, times: times) }
        if day >= heatStart && day <= today { weekly[(day - heatStart) / 7].add(correct, times: times) }
        if let last = before?.lastReview {
            let days = record.time.timeIntervalSince(last) / 86_400
            byInterval[byInterval.lastIndex(where: { days >= $0.fromDays }) ?? 0].figure.add(correct, times: times)
        }
    }

    private mutating func flushRun() {
        guard runCount != 0 else { return }
        let total = answersByDay[runDay, default: 0] + runCount
        answersByDay[runDay] = total == 0 ? nil : total
        runCount = 0
    }

    /// Adds the tally of the records that follow this one's in the same journal.
    public mutating func merge(_ later: StatsTally) {
        var later = later
        flushRun()
        later.flushRun()
        totalAnswers += later.totalAnswers
        answersByDay.merge(later.answersByDay) { $0 + $1 }
        answersByDay = answersByDay.filter { $0.value != 0 }
        for i in perDay.indices { perDay[i] += later.perDay[i] }
        for i in weekly.indices { weekly[i].add(later.weekly[i]) }
        todayFigures.answers.add(later.todayFigures.answers)
        todayFigures.newLearned += later.todayFigures.newLearned
        todayFigures.timeSpentMs += later.todayFigures.timeSpentMs
        retention7.add(later.retention7)
        retention30.add(later.retention30)
        retention365.add(later.retention365)
        for i in byInterval.indices { byInterval[i].figure.add(later.byInterval[i].figure) }
        confusions.merge(later.confusions) { $0 + $1 }
    }

    /// Study days with at least one answer, oldest first.
    func studyDays() -> [Int] {
        var tally = self
        tally.flushRun()
        return tally.answersByDay.compactMap { $0.value > 0 ? $0.key : nil }.sorted()
    }

    struct PairKey: Hashable, Sendable {
        var deck: DeckID
        var asked: EntryID
        var picked: EntryID
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
