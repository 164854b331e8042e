import Foundation
import Testing

@testable import GlossCore

@Suite struct SiblingBuryingTests {
    let clock = DayClock(timeZone: TimeZone(identifier: "UTC") ?? .current, rolloverHour: 4)
    let now = ISOTime.parse("2024-05-01T09:00:00Z") ?? Date(timeIntervalSince1970: 0)
    let fsrs = FSRSScheduler(dayClock: DayClock(timeZone: TimeZone(identifier: "UTC") ?? .current, rolloverHour: 4))

    func key(_ entry: String, _ facet: Facet) -> CardKey { CardKey(deck: "d", entry: EntryID(entry), facet: facet) }

    func review(daysAgo: Double, stability: Double) -> CardState {
        CardState(
            phase: .review, stability: stability, difficulty: 5, due: now - 3600, lastReview: now - daysAgo * 86_400, reps: 3)
    }

    func drain(_ q: inout StudyQueue, answering: (CardKey) -> CardState = { _ in CardState(phase: .review) }) -> [CardKey] {
        var out: [CardKey] = []
        while let k = q.next(at: now) {
            out.append(k)
            q.answered(k, state: answering(k), at: now)
        }
        return out
    }

    @Test func newFacetsOfAnEntryComeOneADayRecognizeFirst() {
        let deck = [key("x", .recognize), key("x", .recall), key("x", .relate), key("y", .recognize), key("y", .recall)]
        var q = StudyQueue(states: [:], deckCards: deck, now: now, settings: LearnerSettings(), clock: clock, scheduler: fsrs)
        #expect(drain(&q) == [key("x", .recognize), key("y", .recognize)])
        // Next day: recognize is a review not due yet, so recall is the new facet.
        let tomorrow = now + 86_400
        var introduced = CardState(phase: .review, stability: 3, difficulty: 5, due: tomorrow + 2 * 86_400, lastReview: now)
        introduced.reps = 2
        var next = StudyQueue(
            states: [key("x", .recognize): introduced, key("y", .recognize): introduced], deckCards: deck, now: tomorrow,
            settings: LearnerSettings(), clock: clock, scheduler: fsrs)
        var asked: [CardKey] = []
        while let k = next.next(at: tomorrow) { asked.append(k) }
        #expect(asked == [key("x", .recall), key("y", .recall)])
    }

    @Test func twoDueSiblingsGiveTheWeakerOneAndBuryTheOther() {
        let states = [
            key("x", .recognize): review(daysAgo: 4, stability: 10), key("x", .recall): review(daysAgo: 9, stability: 3),
        ]
        var q = StudyQueue(
            states: states, deckCards: Array(states.keys), now: now, settings: LearnerSettings(), clock: clock, scheduler: fsrs)
        #expect(q.buried == 1)
        #expect(drain(&q) == [key("x", .recall)])
    }

    @Test func anEntryAnsweredEarlierTodayWaitsForTomorrow() {
        var answered = review(daysAgo: 0, stability: 3)
        answered.lastReview = now - 1800
        answered.due = now + 3 * 86_400
        let states = [key("x", .recognize): answered, key("x", .recall): review(daysAgo: 9, stability: 3)]
        var q = StudyQueue(
            states: states, deckCards: [key("x", .recognize), key("x", .recall), key("y", .recognize)], now: now,
            settings: LearnerSettings(), clock: clock, scheduler: fsrs)
        #expect(drain(&q) == [key("y", .recognize)])
    }

    @Test func answeringBuriesTheSiblingsLeftInTheSession() {
        var settings = LearnerSettings()
        settings.newPerDay = 0
        // Relearning cards of two facets, both due (left from yesterday): only one is asked.
        var relearning = CardState(
            phase: .relearning, step: 0, stability: 1, difficulty: 6, due: now - 60, lastReview: now - 86_400)
        relearning.reps = 4
        let states = [key("x", .recall): relearning, key("x", .relate): relearning]
        var q = StudyQueue(
            states: states, deckCards: [key("x", .recall), key("x", .relate)], now: now, settings: settings, clock: clock,
            scheduler: fsrs)
        #expect(drain(&q).count == 1)
    }

    @Test func withBuryingOffEveryFacetIsAsked() {
        var settings = LearnerSettings()
        settings.burySiblings = false
        let deck = [key("x", .recognize), key("x", .recall), key("x", .relate)]
        var q = StudyQueue(states: [:], deckCards: deck, now: now, settings: settings, clock: clock, scheduler: fsrs)
        #expect(Set(drain(&q)) == Set(deck))
    }

    @Test func aOneEntryDeckStillStudiesOneFacetADay() {
        let deck = [key("x", .recognize), key("x", .recall)]
        var q = StudyQueue(states: [:], deckCards: deck, now: now, settings: LearnerSettings(), clock: clock, scheduler: fsrs)
        #expect(drain(&q) == [key("x", .recognize)])
        #expect(q.isFinished)
    }

    @Test func aSimulatedQuarterHasNoSameDaySiblings() {
        let report = StudySimulation(deck: SimulationDeck.make(entries: 40), days: 30, seed: 6).run()
        #expect(report.answers > 200)
        #expect(report.sameDaySiblings == 0)
        var settings = LearnerSettings()
        settings.burySiblings = false
        #expect(
            StudySimulation(deck: SimulationDeck.make(entries: 40), settings: settings, days: 30, seed: 6).run().sameDaySiblings
                > 50)
    }
}
