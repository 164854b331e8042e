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

    /// 150 entries, 10 new cards a day, at most 40 reviews a day, a break on days 30–43.
    /// The backlog (94 reviews due on the first day back, 2.4 days of the limit, and the
    /// lapses it makes come back the next day) is asked at 40 a day with new cards paused,
    /// and none waits from the seventh day back (docs/SCHEDULING.md).
    @Test func aFourteenDayBreakClearsWithinAWeekUnderTheCap() {
        var settings = LearnerSettings()
        settings.reviewsPerDay = 40
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
}
