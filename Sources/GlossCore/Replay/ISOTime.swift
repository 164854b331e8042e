import Foundation

/// ISO-8601 timestamps as FSRS review logs write them, exact to the microsecond.
///
/// ```swift
/// ISOTime.parse("2024-03-29T20:32:32.250000+00:00")  // a Date
/// ISOTime.format(date)                                 // "2024-03-29T20:32:32.250000+00:00"
/// ```
public enum ISOTime {
    /// Parses `YYYY-MM-DD[T ]HH:MM[:SS[.fraction]][Z|±HH[:]MM]`; no offset means UTC. Nil when malformed.
    public static func parse(_ text: some StringProtocol) -> Date? {
        guard let micros = parseMicroseconds(text) else { return nil }
        return Date(timeIntervalSince1970: Double(micros) / 1_000_000)
    }

    /// Like ``parse(_:)`` but as whole microseconds since 1970 (UTC).
    public static func parseMicroseconds(_ text: some StringProtocol) -> Int64? {
        var s = String(text)
        return s.withUTF8 { parseMicroseconds(utf8: $0) }
    }

    public static func parseMicroseconds(utf8 b: UnsafeBufferPointer<UInt8>) -> Int64? {
        if let canonical = canonicalMicroseconds(b) { return canonical }
        return generalMicroseconds(b)
    }

    /// The form gloss writes, `YYYY-MM-DDTHH:MM:SS.mmmZ`, read at fixed positions (the
    /// journal's hot path); nil for any other text, which the general reader then takes.
    @inline(__always) static func canonicalMicroseconds(_ b: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard b.count == 24, b[4] == 45, b[7] == 45, b[10] == 84, b[13] == 58, b[16] == 58, b[19] == 46, b[23] == 90
        else { return nil }
        var bad = false
        @inline(__always) func digits(_ at: Int, _ count: Int) -> Int {
            var v = 0
            for k in at..<(at + count) {
                let d = Int(b[k]) &- 48
                if d < 0 || d > 9 { bad = true }
                v = v &* 10 &+ d
            }
            return v
        }
        let year = digits(0, 4), month = digits(5, 2), day = digits(8, 2)
        let hour = digits(11, 2), minute = digits(14, 2), second = digits(17, 2), ms = digits(20, 3)
        guard !bad, (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year), hour < 24, minute < 60,
            second < 61
        else { return nil }
        let seconds =
            Int64(daysFromCivil(year: year, month: month, day: day)) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        return seconds * 1_000_000 + Int64(ms) * 1000
    }

    static func generalMicroseconds(_ b: UnsafeBufferPointer<UInt8>) -> Int64? {
        var i = 0
        func number(_ count: Int) -> Int? {
            guard i + count <= b.count else { return nil }
            var v = 0
            for k in i..<(i + count) {
                let c = b[k]
                guard c >= 48, c <= 57 else { return nil }
                v = v * 10 + Int(c - 48)
            }
            i += count
            return v
        }
        func expect(_ c: UInt8) -> Bool {
            guard i < b.count, b[i] == c else { return false }
            i += 1
            return true
        }
        guard let year = number(4), expect(45), let month = number(2), expect(45), let day = number(2),
            (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year),
            i < b.count, b[i] == 84 || b[i] == 116 || b[i] == 32
        else { return nil }
        i += 1
        guard let hour = number(2), expect(58), let minute = number(2), hour < 24, minute < 60
        else { return nil }
        var second = 0
        var micros = 0
        if expect(58) {
            guard let s = number(2), s < 61 else { return nil }
            second = s
            if i < b.count, b[i] == 46 || b[i] == 44 {
                i += 1
                var digits = 0
                while i < b.count, b[i] >= 48, b[i] <= 57 {
                    if digits < 6 { micros = micros * 10 + Int(b[i] - 48) }
                    digits += 1
                    i += 1
                }
                guard digits > 0 else { return nil }
                for _ in digits..<max(digits, 6) { micros *= 10 }
            }
        }
        var offsetSeconds = 0
        if i < b.count {
            if b[i] == 90 || b[i] == 122 {
                i += 1
            } else if b[i] == 43 || b[i] == 45 {
                let sign = b[i] == 45 ? -1 : 1
                i += 1
                guard let oh = number(2), oh < 24 else { return nil }
                _ = expect(58)
                let om = number(2) ?? 0
                guard om < 60 else { return nil }
                offsetSeconds = sign * (oh * 3600 + om * 60)
            } else {
                return nil
            }
        }
        guard i == b.count else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second - offsetSeconds)
        return seconds * 1_000_000 + Int64(micros)
    }

    /// `2024-03-29T20:32:32.250000+00:00` (UTC, microseconds), as Python's `isoformat()` writes it.
    public static func format(_ date: Date) -> String {
        let micros = microseconds(date)
        var days = micros / 86_400_000_000
        var rest = micros % 86_400_000_000
        if rest < 0 {
            rest += 86_400_000_000
            days -= 1
        }
        let (y, m, d) = civilFromDays(Int(days))
        let secs = Int(rest / 1_000_000)
        let us = Int(rest % 1_000_000)
        func pad(_ v: Int, _ n: Int) -> String {
            let s = String(v)
            return s.count >= n ? s : String(repeating: "0", count: n - s.count) + s
        }
        let time = "\(pad(secs / 3600, 2)):\(pad(secs / 60 % 60, 2)):\(pad(secs % 60, 2))"
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))T\(time).\(pad(us, 6))+00:00"
    }

    /// A date as whole microseconds since 1970, rounded to nearest (how py-fsrs datetimes count).
    @inlinable public static func microseconds(_ date: Date) -> Int64 {
        let v = (date.timeIntervalSince1970 * 1_000_000).rounded()
        guard v.isFinite, abs(v) < 9.2e18 else { return v < 0 ? Int64.min / 2 : Int64.max / 2 }
        return Int64(v)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
    public static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Year, month (1–12) and day (1–31) of a count of days since 1970-01-01.
    public static func civilFromDays(_ z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
