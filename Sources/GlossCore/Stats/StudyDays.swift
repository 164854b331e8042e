import Foundation

/// Maps instants to study days: the local date in a time zone, where a day starts at the
/// rollover hour (as in Anki), so a review at 01:30 with rollover 4 counts for the day before.
///
/// Stand-in until the scheduler's `DayClock` lands; it caches the zone's offset per UTC
/// quarter hour (offset changes fall on quarter hours), so a million lookups cost a few
/// thousand time-zone queries.
struct StudyDays {
    let timeZone: TimeZone
    let rolloverHour: Int
    private var offsets: [Int: Int] = [:]
    private var lastQuarter = Int.min
    private var lastOffset = 0

    init(timeZone: TimeZone, rolloverHour: Int) {
        self.timeZone = timeZone
        self.rolloverHour = min(max(rolloverHour, 0), 23)
    }

    /// The study day `date` belongs to.
    mutating func day(of date: Date) -> CivilDay {
        let t = date.timeIntervalSince1970
        let quarter = Int((t / 900).rounded(.down))
        let offset: Int
        if quarter == lastQuarter {
            offset = lastOffset
        } else if let cached = offsets[quarter] {
            offset = cached
        } else {
            offset = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(quarter) * 900))
            offsets[quarter] = offset
        }
        (lastQuarter, lastOffset) = (quarter, offset)
        let local = t + Double(offset - rolloverHour * 3600)
        return CivilDay(Int((local / 86_400).rounded(.down)))
    }
}
