/// Writes whole numbers as ASCII digits into bytes: the one digit writer behind the progress
/// files' integers and times, the exports' and `CivilDay`'s text.
public enum DecimalDigits {
    /// How many digits `value` (0 or more) has.
    @inlinable public static func count(_ value: Int) -> Int {
        var digits = 1
        var rest = value
        while rest >= 10 {
            rest /= 10
            digits += 1
        }
        return digits
    }

    /// Writes `value` (0 ≤ value < 10^width) with leading zeros as `width` digits at `start`.
    @inlinable public static func write(
        _ value: Int, width: Int, into out: UnsafeMutableBufferPointer<UInt8>, at start: Int
    ) {
        // A plain loop: a `stride` here cost more than the digits.
        var v = value
        var i = start + width
        while i > start {
            i -= 1
            out[i] = UInt8(truncatingIfNeeded: 0x30 + v % 10)
            v /= 10
        }
    }
}
