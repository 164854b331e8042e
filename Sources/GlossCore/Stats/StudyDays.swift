import Foundation

/// The scheduler's `DayClock`, memoised for a million lookups: study days, where a day starts
/// at the rollover hour local time (a review at 01:30 with rollover 4 counts for the day before).
///
/// Zone offsets and their changes fall on quarter hours, and the rollover is a whole local hour,
/// so every instant of one UTC quarter hour has the study day of the quarter's start: one
/// `DayClock` call per quarter hour seen, instead of a time-zone query per record.
struct StudyDays {
    let clock: DayClock
    private var days: [Int: Int] = [:]
    private var lastQuarter = Int.min
    private var lastDay = 0

    init(clock: DayClock) { self.clock = clock }

    init(timeZone: TimeZone, rolloverHour: Int) {
        self.init(clock: DayClock(timeZone: timeZone, rolloverHour: rolloverHour))
    }

    var rolloverHour: Int { clock.rolloverHour }

    /// The study day `date` belongs to (same as `clock.day(of: date)`).
    mutating func day(of date: Date) -> CivilDay {
        let seconds = date.timeIntervalSince1970
        guard seconds.isFinite, abs(seconds) < 1e14 else { return CivilDay(clock.day(of: date)) }
        let quarter = Int((seconds / 900).rounded(.down))
        if quarter == lastQuarter { return CivilDay(lastDay) }
        let day: Int
        if let cached = days[quarter] {
            day = cached
        } else {
            day = clock.day(of: Date(timeIntervalSince1970: Double(quarter) * 900))
            days[quarter] = day
        }
        (lastQuarter, lastDay) = (quarter, day)
        return CivilDay(day)
    }
}
