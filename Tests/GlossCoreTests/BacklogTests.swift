import Foundation
import Testing

@testable import GlossCore

/// More reviews due than the daily limit: the order they are asked in, new cards pausing,
/// and (on the simulated learner) a 14-day break's backlog spread over the next days.
@Suite struct BacklogTests {
    let clock = DayClock(timeZone: TimeZone(identifier: "UTC") ?? .current, rolloverHour: 4)
    let now = ISOTime.parse("2024-05-01T12:00:00Z") ?? Date(timeIntervalSince1970: 0)
    let fsrs = FSRSScheduler()

    func key(_ entry: String) -> CardKey { CardKey(deck: DeckID("d"), entry: EntryID(entry), facet: .recall) }

    func review(stability: Double, daysAgo: Double, interval: Double) -> CardState {
        CardState(
            phase: .review, stability: stability, difficulty: 5, due: now - (daysAgo - interval) * 86_400,
            lastReview: now - daysAgo * 86_400, reps: 3)
    }

    /// Five due reviews (elapsed ÷ stability: a 10, b 0.5, c 2, d 1.5, e 1.33; elapsed ÷
    /// interval: a 10, b 1.67, c 2, d 1.5, e 1.33) and two new cards.
    var cards: [(key: CardKey, state: CardState)] {
        [
            (key("a"), review(stability: 1, daysAgo: 10, interval: 1)),
            (key("b"), review(stability: 100, daysAgo: 50, interval: 30)),
            (key("c"), review(stability: 5, daysAgo: 10, interval: 5)),
            (key("d"), review(stability: 20, daysAgo: 30, interval: 20)),
            (key("e"), review(stability: 3, daysAgo: 4, interval: 3)),
            (key("n1"), .new), (key("n2"), .new),
        ]
    }

    func asked(_ settings: LearnerSettings) -> (keys: [String], queue: StudyQueue) {
        var queue = StudyQueue(cards: cards, now: now, settings: settings, clock: clock, scheduler: fsrs)
        var out: [String] = []
        var copy = queue
        while let key = copy.next(at: now) { out.append(key.entry.rawValue) }
        queue = StudyQueue(cards: cards, now: now, settings: settings, clock: clock, scheduler: fsrs)
        return (out, queue)
    }

    func settings(cap: Int, order: BacklogOrder = .weakestFirst, new: BacklogNewCards = .pause) -> LearnerSettings {
        var settings = LearnerSettings()
        settings.reviewsPerDay = cap
        settings.newPerDay = 2
        settings.backlogOrder = order
        settings.newOnBacklog = new
        return settings
    }

    @Test func eachOrderTakesItsFirstThree() {
        #expect(asked(settings(cap: 3, order: .weakestFirst)).keys == ["a", "c", "d"])
        #expect(asked(settings(cap: 3, order: .strongestFirst)).keys == ["b", "e", "d"])
        #expect(asked(settings(cap: 3, order: .mostOverdue)).keys == ["a", "c", "b"])
    }

    @Test func newCardsPauseOnABacklogUnlessKept() {
        let paused = asked(settings(cap: 3))
        #expect(paused.queue.newPaused)
        #expect(paused.queue.waitingReviews == 2)
        #expect(paused.queue.remaining.new == 0)
        let kept = asked(settings(cap: 3, new: .keep))
        #expect(!kept.queue.newPaused)
        #expect(kept.keys == ["a", "n1", "c", "d", "n2"])
        // Within the limit there is no backlog: all five, the new cards among them.
        let within = asked(settings(cap: 5))
        #expect(!within.queue.newPaused)
        #expect(within.queue.waitingReviews == 0)
        #expect(within.keys == ["a", "c", "n1", "d", "e", "n2", "b"])
    }

    @Test func noReviewsADayIsNoBacklog() {
        let queue = asked(settings(cap: 0)).queue
        #expect(!queue.newPaused)
        #expect(queue.waitingReviews == 5)
        #expect(queue.remaining.new == 2)
        #expect(queue.remaining.review == 0)
    }

    @Test func reviewsDoneTodayCountAgainstTheLimit() {
        let queue = StudyQueue(
            cards: cards, now: now, settings: settings(cap: 6), today: DailyCounts(reviewsDone: 2), clock: clock,
            scheduler: fsrs)
        #expect(queue.waitingReviews == 1)
        #expect(queue.newPaused)
        #expect(queue.remaining.review == 4)
    }

    /// 24 review cards with 4-day intervals, all overdue (oldest interval first), and 4 new
    /// cards a day: a usual load of 24 / 4 + 4 = 10.
    func spreadCards() -> [(key: CardKey, state: CardState)] {
        (0..<24).map { (key("r\($0)"), review(stability: 4, daysAgo: Double(30 - $0), interval: 4)) }
            + (0..<4).map { (key("n\($0)"), CardState.new) }
    }

    func spreadQueue(spread: Double, cap: Int = 200, done: Int = 0) -> StudyQueue {
        var settings = LearnerSettings()
        settings.reviewsPerDay = cap
        settings.newPerDay = 4
        settings.backlogSpread = spread
        settings.burySiblings = false
        return StudyQueue(
            cards: spreadCards(), now: now, settings: settings, today: DailyCounts(reviewsDone: done), clock: clock,
            scheduler: fsrs)
    }

    @Test func theBacklogAllowanceIsTheSpreadTimesTheUsualLoad() {
        let queue = spreadQueue(spread: 1.5)
        #expect(queue.usualLoad == 10)
        #expect(queue.dailyReviewLimit == 15)
        #expect(queue.remaining.review == 15)
        #expect(queue.waitingReviews == 9)
        #expect(queue.newPaused)
        // The weakest (longest overdue) first: r0 … r14.
        var copy = queue
        var asked: [String] = []
        while let key = copy.next(at: now) { asked.append(key.entry.rawValue) }
        #expect(asked == (0..<15).map { "r\($0)" })
        #expect(spreadQueue(spread: 2).remaining.review == 20)
        // Reviews done today count against it; reviews-per-day stays the hard cap.
        #expect(spreadQueue(spread: 1.5, done: 5).remaining.review == 10)
        #expect(spreadQueue(spread: 1.5, cap: 12).remaining.review == 12)
        #expect(spreadQueue(spread: 1.5, cap: 12).dailyReviewLimit == 12)
        // Off: reviews-per-day alone, every due review today and the new cards with them.
        let off = spreadQueue(spread: 0)
        #expect(off.remaining.review == 24)
        #expect(off.remaining.new == 4)
        #expect(!off.newPaused)
        #expect(off.dailyReviewLimit == 200)
    }

    @Test func theAllowanceHasAFloorAndIsOffAtZero() {
        #expect(BacklogSpread.allowance(usualLoad: 20, spread: 1.5) == 30)
        #expect(BacklogSpread.allowance(usualLoad: 20.1, spread: 1.5) == 31)
        #expect(BacklogSpread.allowance(usualLoad: 2, spread: 1.5) == BacklogSpread.minimumAllowance)
        #expect(BacklogSpread.allowance(usualLoad: 20, spread: 0) == nil)
        let reviewed = CardState(
            phase: .review, stability: 4, due: now + 4 * 86_400, lastReview: now, reps: 2)
        #expect(BacklogSpread.dailyRate(of: reviewed) == 0.25)
        var sameDay = reviewed
        sameDay.due = now + 3600
        #expect(BacklogSpread.dailyRate(of: sameDay) == 1)
        #expect(BacklogSpread.dailyRate(of: .new) == 0)
    }

    /// With burying, an entry counts the chance that one of its cards is due on a day: cards
    /// every 2 and every 4 days are 1 − ½ · ¾ = 0.625 reviews a day, not 0.75.
    @Test func siblingsCountOnceADayWhenBuried() {
        let recognize = CardKey(deck: DeckID("d"), entry: EntryID("a"), facet: .recognize)
        let cards = [
            (key("a"), review(stability: 2, daysAgo: 2, interval: 2)),
            (recognize, review(stability: 4, daysAgo: 4, interval: 4)),
            (key("b"), review(stability: 4, daysAgo: 1, interval: 4)),
        ]
        var settings = LearnerSettings()
        settings.newPerDay = 3
        let buried = StudyQueue(cards: cards, now: now, settings: settings, clock: clock, scheduler: fsrs)
        #expect(buried.usualLoad == 0.625 + 0.25 + 3)
        settings.burySiblings = false
        let apart = StudyQueue(cards: cards, now: now, settings: settings, clock: clock, scheduler: fsrs)
        #expect(apart.usualLoad == 0.5 + 0.25 + 0.25 + 3)
    }

    @Test func backlogSpreadIsSetShownAndRefused() throws {
        var settings = LearnerSettings()
        #expect(Setting.backlogSpread.value(in: settings) == "1.25")
        try Setting.backlogSpread.apply("2", to: &settings)
        #expect(settings.backlogSpread == 2)
        try Setting.backlogSpread.apply("off", to: &settings)
        #expect(settings.backlogSpread == 0)
        #expect(Setting.backlogSpread.value(in: settings) == "off")
        #expect(throws: CoreError.settings(.invalid(.backlogSpread, value: "0.5"))) {
            try Setting.backlogSpread.apply("0.5", to: &settings)
        }
        #expect(
            CoreError.settings(.invalid(.backlogSpread, value: "0.5")).description
                == "'0.5' is not a valid backlog-spread: expected times the usual daily load a day asks of a backlog "
                + "(the rest waits), 1–10 or off")
        settings.backlogSpread = 0.5
        #expect(throws: CoreError.settings(.invalid(.backlogSpread, value: "0.5"))) { try settings.validate() }
        // A file written before the setting reads the default.
        let old = try JSONDecoder().decode(LearnerSettings.self, from: Data("{}".utf8))
        #expect(old.backlogSpread == BacklogSpread.defaultSpread)
    }

    /// 150 entries, 10 new cards a day, at most 40 reviews a day and no spread, a break on
    /// days 30–43. The backlog (94 reviews due on the first day back, 2.4 days of the limit, and the
    /// lapses it makes come back the next day) is asked at 40 a day with new cards paused,
    /// and none waits from the seventh day back (docs/SCHEDULING.md).
    @Test func aFourteenDayBreakClearsWithinAWeekUnderTheCap() {
        var settings = LearnerSettings()
        settings.reviewsPerDay = 40
        settings.backlogSpread = 0
        var simulation = StudySimulation(deck: SimulationDeck.make(entries: 150), settings: settings, days: 56, seed: 2)
        simulation.breakDays = 30..<44
        let daily = simulation.run().daily
        #expect(daily.count == 56)
        #expect(daily.allSatisfy { $0.reviews <= 40 })
        #expect(daily[30..<44].allSatisfy { $0.answers == 0 })
        let first = daily[44]
        #expect(first.waitingReviews > 40, "the break left a backlog of more than a day's limit")
        #expect(first.newPaused)
        #expect(first.reviews == 40)
        let cleared = daily[44...].firstIndex { $0.waitingReviews == 0 } ?? daily.count
        #expect(
            cleared - 44 <= 6,
            "backlog still waiting on day \(cleared): \(daily[40...].map { "\($0.answers)/\($0.reviews)/\($0.waitingReviews)" })")
        // Once it is gone, new cards come back.
        #expect(daily[cleared...].prefix(3).allSatisfy { !$0.newPaused })
        #expect(daily[44..<cleared].allSatisfy { $0.newPaused })
    }

    /// The default spread on the same learner and break (reviews-per-day 200): no day over
    /// the cap, none over its allowance, none over 1.5× the mean of the 7 days before the
    /// break, new cards paused while reviews wait, and none waits from the sixth day back.
    @Test func aFourteenDayBreakIsSpreadAtTheUsualLoad() {
        var simulation = StudySimulation(deck: SimulationDeck.make(entries: 150), days: 60, seed: 2)
        simulation.breakDays = 30..<44
        let daily = simulation.run().daily
        let usual = Double(daily[23..<30].map(\.answers).reduce(0, +)) / 7
        let series = daily[28...].map { "\($0.answers)/\($0.reviews)/\($0.waitingReviews)/\($0.reviewLimit)" }
        #expect(daily.allSatisfy { $0.reviews <= 200 && $0.reviews <= $0.reviewLimit })
        #expect(daily[44].waitingReviews > 0, "the break left a backlog")
        #expect(daily[44].reviews == daily[44].reviewLimit)
        #expect(daily[44].reviewLimit == Int((1.25 * daily[44].usualLoad).rounded(.up)))
        #expect(daily[44...].allSatisfy { Double($0.answers) <= 1.5 * usual }, "\(usual): \(series)")
        let cleared = daily[44...].firstIndex { $0.waitingReviews == 0 } ?? daily.count
        #expect(cleared - 44 <= 5, "\(series)")
        #expect(daily[44..<cleared].allSatisfy { $0.newPaused })
        #expect(daily[cleared...].prefix(3).allSatisfy { !$0.newPaused })
    }
}
