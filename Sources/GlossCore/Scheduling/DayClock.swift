import Foundation

/// Study days: local days that start at a rollover hour (4 am by default, as Anki).
///
/// Pure: it never reads the clock; pass it the instants. A day is numbered as days since
/// 1970-01-01 of the local date, shifted back by the rollover hour.
///
/// ```swift
/// let clock = DayClock(timeZone: TimeZone(identifier: "Europe/Paris")!, rolloverHour: 4)
/// clock.day(of: now) == clock.day(of: earlier)   // same study day?
/// clock.endOfDay(containing: now)                // next 4 am, local
/// ```
public struct DayClock: Hashable, Sendable {
    public var timeZone: TimeZone
    /// 0...23; values outside are clamped.
    public var rolloverHour: Int

    public init(timeZone: TimeZone, rolloverHour: Int = 4) {
        self.timeZone = timeZone
        self.rolloverHour = min(max(rolloverHour, 0), 23)
    }

    /// The study day containing `date`.
    public func day(of date: Date) -> Int {
        day(of: date, offset: timeZone.secondsFromGMT(for: date))
    }

    /// `day(of:)`, with the zone's offset at `date` known (seconds east of UTC).
    func day(of date: Date, offset: Int) -> Int {
        let local = date.timeIntervalSince1970 + Double(offset) - Double(rolloverHour * 3600)
        let d = (local / 86_400).rounded(.down)
        return d.isFinite ? Int(max(min(d, 1e12), -1e12)) : 0
    }

    /// The instant study day `day` starts (the rollover hour, local time).
    public func start(ofDay day: Int) -> Date {
        let local = Double(day) * 86_400 + Double(rolloverHour * 3600)
        var t = local - Double(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: local)))
        // Re-read the offset at the found instant (DST changes between the guess and it).
        t = local - Double(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: t)))
        return Date(timeIntervalSince1970: t)
    }

    /// When the study day containing `date` ends (the next day's start).
    public func endOfDay(containing date: Date) -> Date { start(ofDay: day(of: date) + 1) }

    /// Whole study days from `from`'s day to `to`'s day (negative when `to` is earlier).
    public func days(from: Date, to: Date) -> Int { day(of: to) - day(of: from) }
}
