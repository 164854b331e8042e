import Foundation

/// The scheduler's `DayClock`, memoised for a million lookups: study days, where a day starts
/// at the rollover hour local time (a review at 01:30 with rollover 4 counts for the day before).
///
/// Zone offsets and their changes fall on quarter hours, and the rollover is a whole local hour,
/// so every instant of one UTC quarter hour has the study day of the quarter's start: one
/// `DayClock` call per quarter hour seen, instead of a time-zone query per record.
struct StudyDays {
    let clock: DayClock
    private var values: [Int: (day: Int, hour: Int)] = [:]
    private var lastQuarter = Int.min
    private var lastValue = (day: 0, hour: 0)

    init(clock: DayClock) { self.clock = clock }

    init(timeZone: TimeZone, rolloverHour: Int) {
        self.init(clock: DayClock(timeZone: timeZone, rolloverHour: rolloverHour))
    }

    var rolloverHour: Int { clock.rolloverHour }

    /// The study day `date` belongs to (same as `clock.day(of: date)`).
    mutating func day(of date: Date) -> CivilDay { CivilDay(dayAndHour(of: date).day) }

    /// The study day `date` belongs to and its local hour of day (0–23).
    mutating func dayAndHour(of date: Date) -> (day: Int, hour: Int) {
        let seconds = date.timeIntervalSince1970
        guard seconds.isFinite, abs(seconds) < 1e14 else { return (clock.day(of: date), 0) }
        let quarter = Int((seconds / 900).rounded(.down))
        if quarter == lastQuarter { return lastValue }
        let value: (day: Int, hour: Int)
        if let cached = values[quarter] {
            value = cached
        } else {
            let start = Date(timeIntervalSince1970: Double(quarter) * 900)
            let local = Double(quarter) * 900 + Double(clock.timeZone.secondsFromGMT(for: start))
            let hour = Int((local / 3600).rounded(.down)) % 24
            value = (clock.day(of: start), hour < 0 ? hour + 24 : hour)
            values[quarter] = value
        }
        (lastQuarter, lastValue) = (quarter, value)
        return value
    }
}
