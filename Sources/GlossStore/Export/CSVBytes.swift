import Foundation
import GlossCore

/// Hand-written CSV fields for the fast exports: bytes appended to one large buffer, no
/// library call per row. Only fields that can never need quoting (numbers, times) are written
/// this way; text goes through `CSVField.bytes(_:)`, which quotes as `CSVWriter` does.
extension [UInt8] {
    /// An integer in decimal, as `String(value)` writes it.
    mutating func appendDecimal(_ value: Int) {
        guard value > 0 else {
            if value == 0 { append(0x30) } else { append(contentsOf: String(value).utf8) }
            return
        }
        var divisor = 1
        while divisor <= value / 10 { divisor *= 10 }
        var v = value
        while divisor > 0 {
            append(UInt8(truncatingIfNeeded: 0x30 + v / divisor))
            v %= divisor
            divisor /= 10
        }
    }

    /// `date` as `ISOTime.format` writes it: `2024-03-29T20:32:32.250000+00:00`.
    mutating func appendISOTime(_ date: Date) {
        let micros = ISOTime.microseconds(date)
        var days = micros / 86_400_000_000
        var rest = micros % 86_400_000_000
        if rest < 0 {
            rest += 86_400_000_000
            days -= 1
        }
        let (y, m, d) = ISOTime.civilFromDays(Int(days))
        guard (0...9999).contains(y) else {
            append(contentsOf: ISOTime.format(date).utf8)
            return
        }
        let secs = Int(rest / 1_000_000)
        let us = Int(rest % 1_000_000)
        appendPadded(y, 4)
        append(0x2D)
        appendPadded(m, 2)
        append(0x2D)
        appendPadded(d, 2)
        append(0x54)
        appendPadded(secs / 3600, 2)
        append(0x3A)
        appendPadded(secs / 60 % 60, 2)
        append(0x3A)
        appendPadded(secs % 60, 2)
        append(0x2E)
        appendPadded(us, 6)
        append(contentsOf: "+00:00".utf8)
    }

    /// `value` (0 ≤ value < 10^width) with leading zeros to `width` digits.
    private mutating func appendPadded(_ value: Int, _ width: Int) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        var v = value
        while divisor > 0 {
            append(UInt8(truncatingIfNeeded: 0x30 + v / divisor))
            v %= divisor
            divisor /= 10
        }
    }
}
