import Foundation
import Testing

@testable import GlossCore

@Suite struct QueueTests {
    let clock = DayClock(timeZone: TimeZone(identifier: "UTC") ?? .current, rolloverHour: 4)
    let now = ISOTime.parse("2024-05-01T12:00:00Z") ?? Date(timeIntervalSince1970: 0)
    let fsrs = FSRSScheduler()

    func key(_ entry: String, _ facet: Facet = .recall) -> CardKey {
        CardKey(deck: DeckID("d"), entry: EntryID(entry), facet: facet)
    }

    func reviewState(daysAgo: Double, stability: Double, dueIn: Double) -> CardState {
        CardState(
            phase: .review, stability: stability, difficulty: 5, due: now + dueIn * 86_400,
            lastReview: now - daysAgo * 86_400, reps: 3)
    }

    func drain(_ q: inout StudyQueue, at t: Date) -> [CardKey] {
        var out: [CardKey] = []
        while let k = q.next(at: t) { out.append(k) }
        return out
    }

    @Test func reviewsMostOverdueFirstAndLimits() {
        var settings = LearnerSettings()
        settings.reviewsPerDay = 3
        settings.newPerDay = 0
        let cards: [(key: CardKey, state: CardState)] = [
            (key("a"), reviewState(daysAgo: 10, stability: 10, dueIn: 0)),  // R = 0.9
            (key("b"), reviewState(daysAgo: 30, stability: 5, dueIn: -25)),  // lowest R
            (key("c"), reviewState(daysAgo: 12, stability: 5, dueIn: -7)),
            (key("d"), reviewState(daysAgo: 2, stability: 5, dueIn: 3)),  // not due today
            (key("e"), reviewState(daysAgo: 20, stability: 12, dueIn: -8)),
        ]
        var q = StudyQueue(cards: cards, now: now, settings: settings, clock: clock, scheduler: fsrs)
        #expect(q.remaining.review == 3)
        #expect(drain(&q, at: now) == [key("b"), key("c"), key("e")])
        #expect(q.isFinished)
    }

    @Test func newCardsLimitedByTodaysCountAndInterleaved() {
        var settings = LearnerSettings()
        settings.newPerDay = 3
        var cards: [(key: CardKey, state: CardState)] = (0..<6).map {
            (key("r\($0)"), reviewState(daysAgo: 10, stability: Double(5 + $0), dueIn: -1))
        }
        cards += (0..<5).map { (key("n\($0)"), CardState.new) }
        var q = StudyQueue(
            cards: cards, now: now, settings: settings, today: DailyCounts(newStudied: 1), clock: clock, scheduler: fsrs)
        #expect(q.remaining.new == 2)
        let order = drain(&q, at: now).map(\.entry.rawValue)
        // 8 slots, 2 new: each new card at the middle of its half (slots 2 and 6).
        #expect(order == ["r0", "r1", "n0", "r2", "r3", "r4", "n1", "r5"])
    }

    @Test func learningCardsComeBackWhenDue() {
        var settings = LearnerSettings()
        settings.newPerDay = 2
        var q = StudyQueue(
            cards: [(key("a"), .new), (key("b"), .new)], now: now, settings: settings, clock: clock, scheduler: fsrs)
        let first = q.next(at: now)
        #expect(first == key("a"))
        let a1 = fsrs.review(.new, rating: .good, at: now, card: key("a"))  // due in 10 minutes
        q.answered(key("a"), state: a1, at: now)
        #expect(q.next(at: now + 5) == key("b"))
        q.answered(key("b"), state: fsrs.review(.new, rating: .easy, at: now + 5, card: key("b")), at: now + 5)
        // Nothing due yet, but a is within the 20-minute learn-ahead limit.
        #expect(q.nextLearningDue == now + 600)
        #expect(q.next(at: now + 10) == key("a"))
        q.answered(key("a"), state: fsrs.review(a1, rating: .good, at: now + 10, card: key("a")), at: now + 10)
        #expect(q.isFinished)
    }

    @Test func learningCardDueTomorrowLeavesTheSession() {
        var q = StudyQueue(
            cards: [(key("a"), CardState.new)], now: now, settings: LearnerSettings(), clock: clock, scheduler: fsrs)
        #expect(q.next(at: now) == key("a"))
        var late = CardState(phase: .learning, step: 1, due: now + 86_400, lastReview: now)
        late.stability = 1
        q.answered(key("a"), state: late, at: now)
        #expect(q.isFinished)
        #expect(q.next(at: now + 3600) == nil)
    }

    @Test func siblingsAreNotBackToBackWhenNotBuried() {
        var settings = LearnerSettings()
        settings.burySiblings = false
        settings.newPerDay = 6
        let cards: [(key: CardKey, state: CardState)] = [
            (key("x", .recall), .new), (key("x", .recognize), .new), (key("x", .relate), .new),
            (key("y", .recall), .new), (key("y", .recognize), .new), (key("z", .recall), .new),
        ]
        var q = StudyQueue(cards: cards, now: now, settings: settings, clock: clock, scheduler: fsrs)
        let order = drain(&q, at: now)
        #expect(order.count == 6)
        for (a, b) in zip(order, order.dropFirst()) {
            #expect(a.entry != b.entry, "\(a) then \(b)")
        }
    }

    @Test func dictionaryInitTreatsMissingAsNew() {
        var settings = LearnerSettings()
        settings.newPerDay = 1
        let states = [key("a"): reviewState(daysAgo: 5, stability: 2, dueIn: -2)]
        var q = StudyQueue(
            states: states, deckCards: [key("a"), key("b"), key("c")], now: now, settings: settings, clock: clock, scheduler: fsrs
        )
        #expect(q.remaining.new == 1 && q.remaining.review == 1)
        #expect(Set(drain(&q, at: now)) == [key("a"), key("b")])
    }

    @Test func aLearningCardDueInAMinuteWaitsAndIsNeverAskedTwiceInARow() {
        var settings = LearnerSettings()
        settings.newPerDay = 3
        var q = StudyQueue(
            cards: [(key("a"), .new), (key("b"), .new), (key("c"), .new)], now: now, settings: settings, clock: clock,
            scheduler: fsrs)
        let missed = CardState(
            phase: .learning, step: 0, stability: 0.2, difficulty: 6.4, due: now + 60, lastReview: now, reps: 1)
        #expect(q.next(at: now) == key("a"))
        q.answered(key("a"), state: missed, at: now)
        // Due in a minute: the other cards come first, even once the minute has passed for none of them.
        #expect(q.next(at: now + 5) == key("b"))
        var missedB = missed
        missedB.due = now + 65
        q.answered(key("b"), state: missedB, at: now + 5)
        #expect(q.next(at: now + 10) == key("c"))
        q.answered(key("c"), state: CardState(phase: .review, due: now + 86_400), at: now + 10)
        // Only learning cards are left: learn ahead, but not the one just asked while another waits.
        #expect(q.next(at: now + 15) == key("a"))
        var again = missed
        again.due = now + 62  // due before b, yet b comes first: a was just asked
        q.answered(key("a"), state: again, at: now + 15)
        #expect(q.next(at: now + 20) == key("b"))
    }
}
