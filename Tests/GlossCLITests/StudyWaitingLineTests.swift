import Foundation
import GlossCore
import Testing

@testable import GlossCLI

/// What `study` says before a session when a backlog leaves reviews for the next days.
@Suite struct StudyWaitingLineTests {
    let clock = DayClock(timeZone: TimeZone(identifier: "UTC") ?? .current, rolloverHour: 4)
    let now = Date(timeIntervalSince1970: 1_767_258_000)

    func queue(reviews: Int, news: Int, settings: LearnerSettings) -> StudyQueue {
        let due = (0..<reviews).map { i in
            (
                CardKey(deck: DeckID("d"), entry: EntryID("r\(i)"), facet: .recall),
                CardState(
                    phase: .review, stability: 4, difficulty: 5, due: now - 86_400, lastReview: now - 5 * 86_400, reps: 2)
            )
        }
        let new = (0..<news).map { (CardKey(deck: DeckID("d"), entry: EntryID("n\($0)"), facet: .recall), CardState.new) }
        return StudyQueue(cards: due + new, now: now, settings: settings, clock: clock, scheduler: FSRSScheduler())
    }

    @Test func aBacklogSaysHowManyWaitAndTheLimit() {
        var settings = LearnerSettings()
        settings.newPerDay = 2
        // 40 cards every 4 days and 2 new a day: a usual load of 12, an allowance of 15.
        #expect(
            StudyCommand.waitingLine(queue(reviews: 40, news: 3, settings: settings))
                == "25 more reviews are due: they wait for the next days (at most 15 a day, backlog-spread and "
                + "reviews-per-day); new cards pause until none waits.")
        settings.newOnBacklog = .keep
        settings.reviewsPerDay = 12
        // 13 due at a usual load of 13 / 4 + 2 = 5.25: the allowance is its floor, 10, under the cap of 12.
        #expect(
            StudyCommand.waitingLine(queue(reviews: 13, news: 3, settings: settings))
                == "3 more reviews are due: they wait for the next days (at most 10 a day, backlog-spread and reviews-per-day).")
        settings.backlogSpread = 0
        #expect(
            StudyCommand.waitingLine(queue(reviews: 13, news: 3, settings: settings))
                == "1 more review is due: it waits for the next days (at most 12 a day, backlog-spread and reviews-per-day).")
        #expect(StudyCommand.waitingLine(queue(reviews: 12, news: 3, settings: settings)) == nil)
        settings.reviewsPerDay = 0
        #expect(StudyCommand.waitingLine(queue(reviews: 12, news: 3, settings: settings)) == nil)
    }
}
