import Foundation

/// The scheduler's `DayClock`, memoised for a million lookups: study days, where a day starts
/// at the rollover hour local time (a review at 01:30 with rollover 4 counts for the day before).
///
/// Zone offsets and their changes fall on quarter hours, and the rollover is a whole local hour,
/// so every instant of one UTC quarter hour has the study day of the quarter's start: one
/// `DayClock` call per quarter hour seen, instead of a time-zone query per record. The quarters
/// seen are kept in a table of `slots` by the quarter's low bits (two years of quarters), each
/// slot holding the last quarter that fell there: a lookup is a load and a compare, not a hash.
struct StudyDays {
    let clock: DayClock
    private var slots: [Slot] = []
    private var lastQuarter = Int.min
    private var lastValue = (day: 0, hour: 0)

    private struct Slot {
        var quarter = Int.min
        var day = 0
        var hour = 0
    }

    private static let slotCount = 1 << 16

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
        if slots.isEmpty { slots = Array(repeating: Slot(), count: Self.slotCount) }
        let slot = quarter & (Self.slotCount - 1)
        let value: (day: Int, hour: Int)
        if slots[slot].quarter == quarter {
            value = (slots[slot].day, slots[slot].hour)
        } else {
            let start = Date(timeIntervalSince1970: Double(quarter) * 900)
            // One time-zone query: the day and the hour from the same offset.
            let offset = clock.timeZone.secondsFromGMT(for: start)
            // A zone whose offset is not whole quarter hours (`GMT+0507`, or a local mean time
            // of the past): the quarter does not share one study day; this instant is asked alone.
            guard offset % 900 == 0 else {
                return Self.dayAndHour(of: date, offset: clock.timeZone.secondsFromGMT(for: date), clock: clock)
            }
            value = Self.dayAndHour(of: start, offset: offset, clock: clock)
            slots[slot] = Slot(quarter: quarter, day: value.day, hour: value.hour)
        }
        (lastQuarter, lastValue) = (quarter, value)
        return value
    }

    /// The study day and local hour of `date`, at the zone's `offset` then.
    private static func dayAndHour(of date: Date, offset: Int, clock: DayClock) -> (day: Int, hour: Int) {
        let hour = Int(((date.timeIntervalSince1970 + Double(offset)) / 3600).rounded(.down)) % 24
        return (clock.day(of: date, offset: offset), hour < 0 ? hour + 24 : hour)
    }
}
