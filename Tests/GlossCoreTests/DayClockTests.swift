import Foundation
import Testing

@testable import GlossCore

@Suite struct DayClockTests {
    func utc(_ text: String) throws -> Date { try #require(ISOTime.parse(text)) }

    @Test func rolloverAtFourInUTC() throws {
        let clock = DayClock(timeZone: try #require(TimeZone(identifier: "UTC")))
        #expect(clock.day(of: try utc("2024-03-10T03:59:59Z")) == clock.day(of: try utc("2024-03-09T04:00:00Z")))
        #expect(clock.day(of: try utc("2024-03-10T04:00:00Z")) == clock.day(of: try utc("2024-03-10T03:59:59Z")) + 1)
        #expect(clock.endOfDay(containing: try utc("2024-03-10T12:00:00Z")) == (try utc("2024-03-11T04:00:00Z")))
        #expect(clock.endOfDay(containing: try utc("2024-03-10T02:00:00Z")) == (try utc("2024-03-10T04:00:00Z")))
    }

    @Test func localTimeZoneAndDST() throws {
        let clock = DayClock(timeZone: try #require(TimeZone(identifier: "America/New_York")), rolloverHour: 4)
        // 2024-03-10 is the spring-forward day in New York (UTC−5 → UTC−4).
        #expect(clock.endOfDay(containing: try utc("2024-03-09T15:00:00Z")) == (try utc("2024-03-10T08:00:00Z")))
        #expect(clock.endOfDay(containing: try utc("2024-03-10T15:00:00Z")) == (try utc("2024-03-11T08:00:00Z")))
        #expect(clock.start(ofDay: clock.day(of: try utc("2024-07-01T12:00:00Z"))) == (try utc("2024-07-01T08:00:00Z")))
        // 03:30 local is before the rollover: still the previous study day.
        #expect(clock.days(from: try utc("2024-07-01T07:30:00Z"), to: try utc("2024-07-01T08:30:00Z")) == 1)
    }

    @Test func midnightRolloverAndClamp() throws {
        let clock = DayClock(timeZone: try #require(TimeZone(identifier: "Asia/Tokyo")), rolloverHour: 0)
        #expect(clock.endOfDay(containing: try utc("2024-01-01T14:59:00Z")) == (try utc("2024-01-01T15:00:00Z")))
        #expect(DayClock(timeZone: clock.timeZone, rolloverHour: 99).rolloverHour == 23)
    }
}
