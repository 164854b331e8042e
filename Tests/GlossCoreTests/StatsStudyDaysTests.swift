import Foundation
import Testing

@testable import GlossCore

@Suite struct StatsStudyDaysTests {
    func day(_ utc: String, _ zone: String, rollover: Int = 4) -> String {
        var clock = StudyDays(timeZone: TimeZone(identifier: zone)!, rolloverHour: rollover)
        return clock.day(of: StatsFixture.utc(utc)).description
    }

    @Test(arguments: [
        // New York springs forward on 2024-03-10 at 02:00 EST → 03:00 EDT.
        ("2024-03-10T07:30:00Z", "America/New_York", "2024-03-09"),  // 03:30 EDT, before the 04:00 rollover
        ("2024-03-10T08:00:00Z", "America/New_York", "2024-03-10"),  // 04:00 EDT exactly
        ("2024-03-10T08:30:00Z", "America/New_York", "2024-03-10"),
        // ... and falls back on 2024-11-03 at 02:00 EDT → 01:00 EST.
        ("2024-11-03T08:30:00Z", "America/New_York", "2024-11-02"),  // 03:30 EST
        ("2024-11-03T09:00:00Z", "America/New_York", "2024-11-03"),  // 04:00 EST
        // India is UTC+5:30: 04:00 local is 22:30 UTC the day before.
        ("2024-01-09T22:29:00Z", "Asia/Kolkata", "2024-01-09"),
        ("2024-01-09T22:30:00Z", "Asia/Kolkata", "2024-01-10"),
        // Kathmandu is UTC+5:45.
        ("2024-01-09T22:14:00Z", "Asia/Kathmandu", "2024-01-09"),
        ("2024-01-09T22:15:00Z", "Asia/Kathmandu", "2024-01-10"),
        ("2024-01-09T03:59:59Z", "UTC", "2024-01-08"),
        ("2024-01-09T04:00:00Z", "UTC", "2024-01-09"),
    ])
    func studyDayStartsAtTheRolloverHourLocalTime(utc: String, zone: String, expected: String) {
        #expect(day(utc, zone) == expected)
    }

    @Test func rolloverZeroIsTheCalendarDay() {
        #expect(day("2024-01-09T23:59:59Z", "UTC", rollover: 0) == "2024-01-09")
        #expect(day("2024-01-10T00:00:00Z", "UTC", rollover: 0) == "2024-01-10")
    }

    @Test func rolloverHourIsClampedToTheDay() {
        #expect(StudyDays(timeZone: .gmt, rolloverHour: 30).rolloverHour == 23)
        #expect(StudyDays(timeZone: .gmt, rolloverHour: -2).rolloverHour == 0)
    }

    @Test func memoisedDaysAgreeWithTheSchedulersDayClock() {
        var rng = SplitMix64(seed: 11)
        for zone in [
            "America/New_York", "Asia/Kolkata", "Asia/Kathmandu", "Australia/Lord_Howe", "Europe/Paris", "UTC", "GMT+0507",
        ] {
            for rollover in [0, 4, 23] {
                let clock = DayClock(timeZone: TimeZone(identifier: zone)!, rolloverHour: rollover)
                var days = StudyDays(clock: clock)
                for _ in 0..<2000 {
                    let date = Date(
                        timeIntervalSince1970: Double.random(in: 1_600_000_000...1_800_000_000, using: &rng).rounded())
                    #expect(days.day(of: date).number == clock.day(of: date), "\(zone) \(rollover) \(date)")
                }
            }
        }
    }
}

/// A review's interval bucket counts the study days since the card's last review as the
/// scheduler's clock does, across offset changes and the rollover hour (the tally reads both
/// days from its memo).
@Suite struct StatsIntervalDaysTests {
    @Test func reviewsFallInTheBucketOfTheClocksDays() throws {
        var rng = SplitMix64(seed: 21)
        for zone in ["America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu", "UTC", "GMT+0507"] {
            let clock = DayClock(timeZone: try #require(TimeZone(identifier: zone)), rolloverHour: 4)
            for _ in 0..<300 {
                let last = Date(timeIntervalSince1970: Double.random(in: 1_700_000_000...1_720_000_000, using: &rng).rounded())
                let time = last.addingTimeInterval(Double.random(in: 0...(200 * 86_400), using: &rng).rounded())
                var tally = StatsTally(clock: clock)
                tally.add(
                    ReviewRecord(
                        seq: 1, time: time, card: StatsFixture.key("a", .recall), correct: true, rating: .good,
                        before: CardState(phase: .review, stability: 3, difficulty: 5, lastReview: last, reps: 2)))
                let figures = try #require(tally.settled().days[DeckID("d")]?[clock.day(of: time)])
                let days = Double(clock.days(from: last, to: time))
                let expected = StatsSummary.intervalStarts.lastIndex(where: { days >= $0 }) ?? 0
                #expect(figures.byInterval[expected].reviews == 1, "\(zone) \(last) \(time)")
                #expect(figures.byInterval.map(\.reviews).reduce(0, +) == 1)
            }
        }
    }
}

/// Before 1972 Liberia kept UTC−0:44:30: its quarter hours straddle two study days, and each
/// instant is asked alone.
@Suite struct StudyDaysOddOffsetTests {
    @Test func aPastOffsetOfSecondsGivesTheClocksDays() throws {
        let clock = DayClock(timeZone: try #require(TimeZone(identifier: "Africa/Monrovia")), rolloverHour: 4)
        var days = StudyDays(clock: clock)
        var rng = SplitMix64(seed: 4)
        for _ in 0..<2000 {
            let date = Date(timeIntervalSince1970: Double.random(in: 0...63_000_000, using: &rng).rounded())
            #expect(days.day(of: date).number == clock.day(of: date), "\(date)")
        }
    }
}
