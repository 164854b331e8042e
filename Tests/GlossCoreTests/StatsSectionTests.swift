import Foundation
import Testing

@testable import GlossCore

/// Every section of the terminal view on the fixed learner of `StatsFixture` (`now` fixed),
/// exactly, at 80 columns; and the pieces that fit it to the width.
@Suite struct StatsSectionTests {
    let text = StatsText.render(StatsFixture.summary(now: "2024-01-10T17:00:00Z"), width: 80) { text, _ in text }

    /// The section whose first line is `heading`, up to the next blank line.
    func section(_ heading: String) -> String? {
        text.components(separatedBy: "\n\n").first { $0.hasPrefix(heading + "\n") }
    }

    @Test(arguments: [
        (
            "Today (2024-01-10)",
            """
            Today (2024-01-10)
              answered 3, 66.7% right, 1 new seen, 0 new learned, 7s spent
              estimated time for the 2 due today: 1s
              streak 3 days (longest 4)
            """
        ),
        (
            "Cards (mastered: stability above 21 days)",
            """
            Cards (mastered: stability above 21 days)
              deck    new  learning  review  relearning  mastered  total
              Safety    5         1       2           0         1      8
            """
        ),
        (
            "True retention (desired 90.0%)",
            """
            True retention (desired 90.0%)
              7 days    66.7% (2/3)
              30 days   66.7% (2/3)
              365 days  66.7% (2/3)
              young     50.0% (1/2)
              mature    100.0% (1/1)
              by interval: 1-6d 100.0% 7-20d 0.0% 21-89d 100.0%
              remembered now (average retrievability): 71.7%
            """
        ),
        (
            "True retention by hour of day",
            """
            True retention by hour of day
              03h ··························································· 0.0% (0/1)
              09h ███████████████████████████████████████████████████████████ 100.0% (1/1)
              10h ███████████████████████████████████████████████████████████ 100.0% (1/1)
            """
        ),
        (
            "Ratings by card age",
            """
            Ratings by card age
                        again  hard  good  easy  total  again %
              new           0     0     5     0      5     0.0%
              learning      0     0     0     0      0      n/a
              young         1     0     1     0      2    50.0%
              mature        0     0     0     1      1     0.0%
            """
        ),
        (
            "Hardest cards (lapses in the last 30 days, then difficulty)",
            """
            Hardest cards (lapses in the last 30 days, then difficulty)
              Mesa-Optimization (recall): 1 lapse in 30 days (2 in all), difficulty 7.0
            """
        ),
        (
            "Difficulty (1 easiest, 10 hardest)",
            """
            Difficulty (1 easiest, 10 hardest)
              1-2  0
              2-3  0
              3-4  0
              4-5  1 █████████████████████████████████████████████████████████████████████
              5-6  0
              6-7  1 █████████████████████████████████████████████████████████████████████
              7-8  1 █████████████████████████████████████████████████████████████████████
              8-9  0
              9-10 0
            """
        ),
    ])
    func sectionIsExact(heading: String, expected: String) {
        #expect(section(heading) == expected)
    }

    @Test func theHeatmapNamesTheMonthsOverTheirFirstWeeks() throws {
        let lines = try #require(section("Activity, last 52 weeks")).components(separatedBy: "\n")
        // Weeks start 2023-01-16: Feb 1 is in week 2, Jan 1 2024 in week 50; columns start at 6.
        let months = Array(lines[1])
        #expect(String(months[8..<11]) == "Feb")
        #expect(String(months[56..<59]) == "Jan")
        #expect(lines[2].hasPrefix("  Mon "))
    }

    @Test func timePerDayWithLessThanAMinuteADayShowsOnlyTheTotal() {
        #expect(
            section("Time per day, last 30 days (minutes)")
                == "Time per day, last 30 days (minutes)\n  7s in all, 7s per day studied")
    }

    @Test func aLongDeckTitleIsNeverCutAtEightyColumns() {
        var summary = StatsFixture.summary(now: "2024-01-10T17:00:00Z")
        summary.decks[0].title = "AI Safety and Machine Learning, with the Alignment Glossary"
        let lines = StatsText.cardsTable(summary, width: 80) { text, _ in text }
        #expect(
            lines == [
                "  deck  new  learning  review  relearning  mastered  total",
                "  AI Safety and Machine Learning, with the Alignment Glossary",
                "          5         1       2           0         1      8",
            ])
        let short = StatsText.cardsTable(StatsFixture.summary(now: "2024-01-10T17:00:00Z"), width: 80) { text, _ in text }
        #expect(short[1] == "  Safety    5         1       2           0         1      8")
    }

    @Test(arguments: [40, 60, 80, 120])
    func everyLineFitsTheWidth(width: Int) {
        let text = StatsText.render(StatsFixture.summary(now: "2024-01-10T17:00:00Z"), width: width) { text, _ in text }
        for line in text.split(separator: "\n") { #expect(line.count <= width, "too wide at \(width): \(line)") }
    }

    @Test func theAdviceNeedsTwoHundredReviewsAndMoreThanFivePoints() {
        #expect(RetentionAdvice.check(RateFigure(reviews: 199, correct: 100), desired: 0.9) == nil)
        #expect(RetentionAdvice.check(RateFigure(reviews: 200, correct: 170), desired: 0.9) == nil)  // 5 points
        #expect(RetentionAdvice.check(RateFigure(reviews: 200, correct: 189), desired: 0.9) == nil)
        let low = RetentionAdvice.check(RateFigure(reviews: 1041, correct: 769), desired: 0.9)
        #expect(
            low?.message
                == "True retention 73.9% over 1041 reviews is 16.1 points below the desired 90.0%: run `gloss optimize` to fit the scheduler to your answers."
        )
        let high = RetentionAdvice.check(RateFigure(reviews: 300, correct: 299), desired: 0.9)
        #expect(high?.message.contains("9.7 points above the desired 90.0%") == true)
        // The fixture has 3 reviews: no advice.
        #expect(StatsFixture.summary(now: "2024-01-10T17:00:00Z").advice == nil)
    }

    @Test func newLearnedCountsCardsThatReachTheReviewPhaseRight() {
        let key = StatsFixture.key("b", .recognize)
        let t = StatsFixture.utc
        let learning = CardState(phase: .learning, step: 0, lastReview: t("2024-01-10T14:00:00Z"), reps: 1)
        let review = CardState(phase: .review, stability: 3, lastReview: t("2024-01-10T14:10:00Z"), reps: 2)
        let records = [
            // Wrong first answer: seen, still learning.
            ReviewRecord(seq: 1, time: t("2024-01-10T14:00:00Z"), card: key, correct: false, rating: .again, after: learning),
            // Right from learning to review: learned.
            ReviewRecord(
                seq: 2, time: t("2024-01-10T14:10:00Z"), card: key, correct: true, rating: .good, before: learning, after: review),
            // A lapse later is not a second learning.
            ReviewRecord(
                seq: 3, time: t("2024-01-10T15:00:00Z"), card: key, correct: false, rating: .again, before: review,
                after: CardState(phase: .relearning, step: 0, reps: 3, lapses: 1)),
        ]
        let s = StatsFixture.summary(now: "2024-01-10T17:00:00Z", records: records)
        #expect(s.today.newSeen == 1)
        #expect(s.today.newLearned == 1)
        #expect(s.ratingsByAge.map(\.total) == [1, 1, 1, 0])
        // An undo of the learning answer takes it back.
        let undone = StatsFixture.summary(now: "2024-01-10T17:00:00Z", records: records + [records[1].revocation(seq: 4)])
        #expect(undone.today.newLearned == 0)
    }

    @Test func hardestIsByRecentLapsesThenDifficultyNotByRecallNow() {
        let t = StatsFixture.utc
        func lapse(_ seq: Int, _ entry: EntryID, _ day: String) -> ReviewRecord {
            ReviewRecord(
                seq: seq, time: t(day), card: StatsFixture.key(entry, .recall), correct: false, rating: .again,
                before: StatsFixture.reviewState(stability: 10, lastReview: "2023-11-01T00:00:00Z"))
        }
        // b: two lapses today (relearned, so recall now is high); c: one, long ago; a: one recent.
        let records = [
            lapse(1, "b", "2024-01-10T14:00:00Z"), lapse(2, "b", "2024-01-10T15:00:00Z"),
            lapse(3, "c", "2023-11-20T15:00:00Z"), lapse(4, "a", "2024-01-05T15:00:00Z"),
        ]
        var states: [CardKey: CardState] = [:]
        for (entry, difficulty) in [("a", 5.0), ("b", 4.0), ("c", 9.0)] as [(EntryID, Double)] {
            states[StatsFixture.key(entry, .recall)] = CardState(
                phase: .review, stability: 30, difficulty: difficulty, due: t("2024-02-01T00:00:00Z"),
                lastReview: t("2024-01-10T16:00:00Z"), reps: 5, lapses: entry == "b" ? 2 : 1)
        }
        let s = StatsFixture.summary(now: "2024-01-10T17:00:00Z", records: records, states: states)
        #expect(s.hardest.map(\.card.entry) == ["b", "a", "c"])
        #expect(s.hardest.map(\.recentLapses) == [2, 1, 0])
        #expect(s.hardest.first?.lastLapse == "2024-01-10")
    }

    @Test func columnsUseOneCellPerDayWhenTwoDoNotFit() {
        let days = (0..<30).map { DayCount(day: "2024-01-\($0 < 9 ? "0" : "")\($0 + 1)", count: $0) }
        let wide = StatsText.columns(days, height: 2, width: 80) { text, _ in text }
        let narrow = StatsText.columns(days, height: 2, width: 40) { text, _ in text }
        #expect(wide.allSatisfy { $0.count <= 80 } && wide[0].count == 2 + 2 + 1 + 60)
        #expect(narrow.allSatisfy { $0.count <= 40 })
        #expect(narrow[0].count == 2 + 2 + 1 + 30)
    }
}
