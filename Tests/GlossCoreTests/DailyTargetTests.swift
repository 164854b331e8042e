import Foundation
import Testing

@testable import GlossCore

/// `daily-target`: new cards fill the day up to a number of answers, after the due cards.
@Suite struct DailyTargetTests {
    let clock = DayClock(timeZone: TimeZone(identifier: "UTC") ?? .current, rolloverHour: 4)
    let now = ISOTime.parse("2024-05-01T12:00:00Z") ?? Date(timeIntervalSince1970: 0)
    let fsrs = FSRSScheduler()

    func key(_ entry: String) -> CardKey { CardKey(deck: DeckID("d"), entry: EntryID(entry), facet: .recall) }

    /// Five due reviews, one learning card due today, eight new cards.
    var cards: [(key: CardKey, state: CardState)] {
        let reviews = (0..<5).map { i in
            (
                key("r\(i)"),
                CardState(
                    phase: .review, stability: 10, difficulty: 5, due: now - 86_400, lastReview: now - 11 * 86_400,
                    reps: 3)
            )
        }
        let learning = (key("l"), CardState(phase: .learning, step: 1, due: now + 600, lastReview: now - 60, reps: 1))
        return reviews + [learning] + (0..<8).map { (key("n\($0)"), CardState.new) }
    }

    func queue(target: Int, today: DailyCounts = DailyCounts()) -> StudyQueue {
        var settings = LearnerSettings()
        settings.newPerDay = 6
        settings.dailyTarget = target
        settings.burySiblings = false
        return StudyQueue(cards: cards, now: now, settings: settings, today: today, clock: clock, scheduler: fsrs)
    }

    @Test func newCardsFillUpToTheTarget() {
        // 5 reviews and 1 learning card leave room for 3 new cards under a target of 9.
        #expect(queue(target: 9).remaining.new == 3)
        #expect(queue(target: 9).remaining.review == 5)
        // Never more than new-per-day, and none when the due cards fill the day.
        #expect(queue(target: 100).remaining.new == 6)
        #expect(queue(target: 6).remaining.new == 0)
        #expect(queue(target: 3).remaining.review == 5, "due reviews are never cut by the target")
        #expect(!queue(target: 3).newPaused)
        // Off.
        #expect(queue(target: 0).remaining.new == 6)
    }

    @Test func answersGivenTodayCountFirst() {
        #expect(queue(target: 12, today: DailyCounts(newStudied: 1, reviewsDone: 2)).remaining.new == 3)
        #expect(queue(target: 11, today: DailyCounts(newStudied: 5, reviewsDone: 0)).remaining.new == 0)
    }

    @Test func dailyTargetIsASetting() throws {
        var settings = LearnerSettings()
        #expect(Setting.dailyTarget.value(in: settings) == "0")
        try Setting.dailyTarget.apply("70", to: &settings)
        #expect(settings.dailyTarget == 70)
        #expect(throws: CoreError.settings(.invalid(.dailyTarget, value: "-1"))) {
            try Setting.dailyTarget.apply("-1", to: &settings)
        }
        let old = try JSONDecoder().decode(LearnerSettings.self, from: Data("{}".utf8))
        #expect(old.dailyTarget == 0)
    }
}
