import Foundation
import Testing

@testable import GlossCore

/// Study counts elapsed time in study days (as Anki); replay keeps py-fsrs's 24-hour spans.
@Suite struct DayCountingTests {
    let utc = TimeZone(identifier: "UTC") ?? .current
    var clock: DayClock { DayClock(timeZone: utc, rolloverHour: 4) }
    let monday = ISOTime.parse("2026-03-02T09:05:00Z") ?? Date(timeIntervalSince1970: 0)
    let key = CardKey(deck: "d", entry: "e", facet: .recall)

    func reviewed(_ scheduler: FSRSScheduler) -> CardState {
        CardState(phase: .review, stability: 3, difficulty: 5, due: monday + 86_400, lastReview: monday, reps: 3)
    }

    @Test func aCardDueTomorrowAskedEarlierTomorrowTakesTheLongTermPath() {
        let study = FSRSScheduler(dayClock: clock)
        let tuesday = monday + 86_400 - 300  // 09:00, five minutes before the 24 hours are up
        let state = reviewed(study)
        let after = study.review(state, rating: .good, at: tuesday, fuzzSeed: 0)
        let c = study.constants
        let r = c.retrievability(elapsedDays: 1, stability: 3)
        #expect(after.stability == c.nextStability(difficulty: 5, stability: 3, retrievability: r, rating: .good))
        #expect(study.elapsedDays(from: monday, to: tuesday) == 1)
        // py-fsrs's rule (replay) sees less than a day: the short-term update.
        let replay = FSRSScheduler()
        #expect(replay.elapsedDays(from: monday, to: tuesday) == 0)
        #expect(replay.review(state, rating: .good, at: tuesday, fuzzSeed: 0).stability == c.shortTermStability(3, rating: .good))
        #expect((after.stability ?? 0) > 2 * (c.shortTermStability(3, rating: .good)))
    }

    @Test func studyingEarlierOrLaterTheSameDayGivesTheSameIntervals() {
        let study = FSRSScheduler(dayClock: clock)
        let state = reviewed(study)
        let times = [-35.0, -10, 0, 20, 40].map { minutes in monday + 3 * 86_400 + minutes * 60 }
        let afters = times.map { study.review(state, rating: .good, at: $0, fuzzSeed: 0) }
        #expect(Set(afters.map(\.stability)).count == 1)
        let days = zip(afters, times).map { after, t in ((after.due ?? t).timeIntervalSince(t) / 86_400).rounded() }
        #expect(Set(days).count == 1)
        #expect(Set(times.map { study.retrievability(of: state, at: $0) }).count == 1)
    }

    @Test func theRolloverHourNotMidnightStartsTheDay() {
        let study = FSRSScheduler(dayClock: clock)
        let late = ISOTime.parse("2026-03-02T23:30:00Z") ?? monday
        #expect(study.elapsedDays(from: late, to: late + 3 * 3600) == 0)  // 02:30, before the 4 am rollover
        #expect(study.elapsedDays(from: late, to: late + 5 * 3600) == 1)  // 04:30: a new study day
    }

    @Test func aMovingClockNeverSendsANextDayReviewDownTheShortTermPath() {
        var reviews: [SimulatedReview] = []
        let report = StudySimulation(deck: SimulationDeck.make(entries: 40), days: 30, seed: 4).run { reviews.append($0) }
        #expect(report.reviewAnswers > 100)
        #expect(report.nextDayShortTerm == 0)
        // Every review answered one study day after the last has grown its stability.
        let nextDay = reviews.filter {
            $0.before.phase == .review && $0.rating == .good
                && clock.days(from: $0.before.lastReview ?? $0.time, to: $0.time) == 1
        }
        #expect(!nextDay.isEmpty)
        #expect(nextDay.allSatisfy { ($0.after.stability ?? 0) > 1.5 * ($0.before.stability ?? 0) })
    }

    @Test func replayKeepsPyFSRSsRule() throws {
        #expect(try Replay.scheduler(steps: .none, retention: 0.9, parameters: []).dayClock == nil)
    }
}
