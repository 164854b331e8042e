import Foundation
import Testing

@testable import GlossCore

@Suite struct StatsSummaryTests {
    // Jan 10, 12:00 in New York.
    let s = StatsFixture.summary(now: "2024-01-10T17:00:00Z")

    @Test func todayCountsAnswersOfTheStudyDayWithoutRevokedOnes() {
        #expect(s.today.day == "2024-01-10")
        #expect(s.today.answers == RateFigure(reviews: 3, correct: 2))
        // The first answer to c/recognize left it in learning: seen, not learned.
        #expect(s.today.newSeen == 1)
        #expect(s.today.newLearned == 0)
        #expect(s.today.timeSpentMs == 7500)
        #expect(s.totalAnswers == 10)
    }

    @Test func streaksUseTheRolloverHourAndBreakOnAGapDay() {
        // Days Jan 3, 4, 5, 6 | gap on 7 | 8, 9, 10.
        #expect(s.studyDays == 7)
        #expect(s.streaks == Streaks(current: 3, longest: 4, studiedToday: true))
    }

    @Test func streakStaysAliveUntilTheEndOfTheNextDay() {
        // Jan 11, 03:59 local is still study day Jan 10; 12:00 is Jan 11 with nothing done yet.
        #expect(StatsFixture.summary(now: "2024-01-11T08:59:00Z").streaks == Streaks(current: 3, longest: 4, studiedToday: true))
        #expect(StatsFixture.summary(now: "2024-01-11T17:00:00Z").streaks == Streaks(current: 3, longest: 4, studiedToday: false))
        #expect(StatsFixture.summary(now: "2024-01-12T17:00:00Z").streaks == Streaks(current: 0, longest: 4, studiedToday: false))
    }

    @Test func withoutRolloverTheEarlyMorningReviewsMoveToTheirCalendarDay() {
        // Rollover 0: the 03:00 and 03:30 answers move to Jan 5 and Jan 9: runs {3}, {5, 6}, {8, 9, 10}.
        let midnight = StatsFixture.summary(now: "2024-01-10T17:00:00Z", rollover: 0)
        #expect(midnight.studyDays == 6)
        #expect(midnight.streaks == Streaks(current: 3, longest: 3, studiedToday: true))
    }

    @Test func timeZoneDecidesTheStudyDay() {
        // Tokyo (UTC+9), rollover 4: Jan 4, 5, 6, 8, 9, 10, 10 (the 14:00Z answers are at 23:00 local).
        let tokyo = StatsFixture.summary(now: "2024-01-10T17:00:00Z", timeZone: StatsFixture.tokyo)
        #expect(tokyo.timeZone == "Asia/Tokyo")
        #expect(tokyo.today.day == "2024-01-10")
        #expect(tokyo.today.answers.reviews == 4)
        #expect(tokyo.streaks == Streaks(current: 3, longest: 3, studiedToday: true))
    }

    @Test func cardsByPhaseAndMastered() {
        var expected = DeckCounts(deck: "d", title: "Safety")
        (expected.new, expected.learning, expected.review, expected.relearning, expected.mastered) = (5, 1, 2, 0, 1)
        #expect(s.decks == [expected])
        #expect(s.totals.total == 8)
        #expect(s.totals.mastered == 1)
    }

    @Test func trueRetentionCountsReviewPhaseAnswersOnly() {
        #expect(s.retention7 == RateFigure(reviews: 3, correct: 2))
        #expect(s.retention30 == RateFigure(reviews: 3, correct: 2))
        #expect(s.retention365 == RateFigure(reviews: 3, correct: 2))
        #expect(
            s.retentionByInterval.map(\.figure) == [
                RateFigure(), RateFigure(reviews: 1, correct: 1), RateFigure(reviews: 1, correct: 0),
                RateFigure(reviews: 1, correct: 1), RateFigure(),
            ])
        #expect(s.retentionByWeek.count == 52)
        #expect(s.retentionByWeek.last == WeekRetention(weekStart: "2024-01-08", figure: RateFigure(reviews: 3, correct: 2)))
    }

    @Test func retrievabilityForecastAndStability() {
        #expect(abs((s.averageRetrievability ?? 0) - (0.95 + 0.7 + 0.5) / 3) < 1e-12)
        #expect(s.overdue == 1)
        #expect(s.forecast.count == 14)
        #expect(s.forecast.prefix(3).map(\.count) == [2, 0, 1])
        #expect(s.forecast.first?.day == "2024-01-10")
        #expect(s.forecast.last?.day == "2024-01-23")
        #expect(s.stability.map(\.count) == [0, 1, 1, 0, 1, 0, 0])
    }

    @Test func dailyCountsAndHeatmap() {
        #expect(s.answersPerDay.count == 30)
        #expect(s.answersPerDay.suffix(8).map(\.count) == [1, 1, 1, 1, 0, 2, 1, 3])
        // 2024-01-10 is a Wednesday: the heatmap starts on the Monday 51 weeks before Jan 8.
        #expect(s.heatmap.first?.day == "2023-01-16")
        #expect(s.heatmap.count == 51 * 7 + 3)
        #expect(s.heatmap.last == DayCount(day: "2024-01-10", count: 3))
        #expect(s.heatmap.map(\.count).reduce(0, +) == 10)
    }

    @Test func hardestAndConfused() {
        // Only cards with lapses: c/recognize's low recall now does not make it hard.
        #expect(s.hardest.map(\.card) == [StatsFixture.key("a", .recall)])
        #expect(s.hardest.first?.lapses == 2)
        #expect(s.hardest.first?.recentLapses == 1)
        #expect(s.hardest.first?.lastLapse == "2024-01-08")
        #expect(s.hardest.first?.difficulty == 7)
        #expect(
            s.confusedPairs == [
                ConfusedPair(
                    deck: "d", asked: "a", askedTerm: "Mesa-Optimization", picked: "b", pickedTerm: "Inner Alignment", count: 2)
            ])
    }

    @Test func emptyLogGivesNilsNotNaN() throws {
        let empty = StatsFixture.summary(now: "2024-01-10T17:00:00Z", records: [], states: [:])
        #expect(empty.isEmpty)
        #expect(empty.totals.new == 8)
        #expect(empty.retention7.rate == nil)
        #expect(empty.averageRetrievability == nil)
        #expect(empty.streaks == Streaks())
        #expect(empty.hardest.isEmpty && empty.confusedPairs.isEmpty)
        let json = String(decoding: try StatsJSON.encode(empty), as: UTF8.self)
        #expect(!json.lowercased().contains("nan"))
        #expect(!json.contains("\"rate\""))
    }

    @Test func jsonRoundTripsWithAVersion() throws {
        let data = try StatsJSON.encode(s)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"version\" : 2"))
        #expect(text.contains("\"rate\" : 0.6666666666666666"))
        #expect(try StatsJSON.decode(data) == s)
    }

    @Test func civilDayMatchesFoundation() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let formatter = DateFormatter()
        formatter.calendar = calendar
        formatter.timeZone = calendar.timeZone
        formatter.dateFormat = "yyyy-MM-dd"
        for number in [-100_000, -1, 0, 1, 11_016, 19_722, 19_782, 60_000, 2_932_896] {
            #expect(CivilDay(number).description == formatter.string(from: Date(timeIntervalSince1970: Double(number) * 86_400)))
            #expect(
                CivilDay(number).weekday
                    == (calendar.component(.weekday, from: Date(timeIntervalSince1970: Double(number) * 86_400)) + 5) % 7)
        }
    }

    @Test func aRetrievabilityThatIsNotANumberIsLeftOut() throws {
        let odd = StatsSummary(
            records: StatsFixture.records, states: StatsFixture.states, decks: [StatsFixture.deck],
            now: StatsFixture.utc("2024-01-10T17:00:00Z"), timeZone: StatsFixture.ny, rolloverHour: 4,
            desiredRetention: 0.9, retrievability: { state, _ in state.stability == 5 ? .nan : 0.8 })
        #expect(odd.averageRetrievability == 0.8)
        #expect(odd.hardest.first?.retrievability == nil)
        #expect(try StatsJSON.decode(StatsJSON.encode(odd)) == odd)
    }
}
