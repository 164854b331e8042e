/// A calendar day as a count of days since 1970-01-01, with its `yyyy-MM-dd` text.
///
/// Pure arithmetic (proleptic Gregorian), so turning a million day numbers into text
/// needs no `Calendar`. `CivilDay(0).description == "1970-01-01"`.
public struct CivilDay: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public var number: Int

    public init(_ number: Int) { self.number = number }

    public var year: Int { components.year }
    public var month: Int { components.month }
    public var day: Int { components.day }

    /// Day of the week, Monday = 0 … Sunday = 6 (1970-01-01 was a Thursday).
    public var weekday: Int { ((number % 7) + 7 + 3) % 7 }

    /// Year, month (1–12) and day (1–31).
    public var components: (year: Int, month: Int, day: Int) {
        let (year, month, day) = ISOTime.civilFromDays(number)
        return (year, month, day)
    }

    public var description: String {
        let c = components
        guard (0...9999).contains(c.year) else { return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))" }
        // Ten bytes written in place: a stats summary names every day it counts.
        return String(unsafeUninitializedCapacity: 10) { out in
            DecimalDigits.write(c.year, width: 4, into: out, at: 0)
            DecimalDigits.write(c.month, width: 2, into: out, at: 5)
            DecimalDigits.write(c.day, width: 2, into: out, at: 8)
            out[4] = 0x2D
            out[7] = 0x2D
            return 10
        }
    }

    public static func < (lhs: CivilDay, rhs: CivilDay) -> Bool { lhs.number < rhs.number }
}

/// `n` in decimal, left-padded with zeros to `width` digits.
func pad(_ n: Int, _ width: Int) -> String {
    let text = String(n)
    return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
}
