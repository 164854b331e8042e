import Foundation

/// Whole microseconds, the resolution of Python's datetime, so gloss's time arithmetic
/// (step intervals, elapsed days) agrees with py-fsrs to the microsecond.
enum Micros {
    static let perDay: Int64 = 86_400_000_000

    @inlinable static func of(_ date: Date) -> Int64 { ISOTime.microseconds(date) }

    @inlinable static func date(_ micros: Int64) -> Date {
        Date(timeIntervalSince1970: Double(micros) / 1_000_000)
    }

    /// Seconds (as steps are stored) to microseconds, rounded as `timedelta(seconds=)` does.
    @inlinable static func fromSeconds(_ seconds: Double) -> Int64 {
        let v = (seconds * 1_000_000).rounded(.toNearestOrEven)
        guard v.isFinite else { return 0 }
        return Int64(max(0, min(v, 3.0e17)))
    }

    /// Whole days between two instants, floored as `timedelta.days` is (negative when `to` < `from`).
    @inlinable static func wholeDays(from: Int64, to: Int64) -> Int64 {
        let d = to &- from
        return d >= 0 ? d / perDay : -((-d + perDay - 1) / perDay)
    }
}
