import Foundation
import GlossCore

/// Hand-written CSV fields for the fast exports: bytes appended to one large buffer, no
/// library call per row. Only fields that can never need quoting (numbers, times) are written
/// this way; text goes through `CSVField.bytes(_:)`, which quotes as `CSVWriter` does.
extension [UInt8] {
    /// An integer in decimal, as `String(value)` writes it.
    mutating func appendDecimal(_ value: Int) {
        guard value >= 0 else {
            append(contentsOf: String(value).utf8)
            return
        }
        let digits = DecimalDigits.count(value)
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: digits) { buffer in
            DecimalDigits.write(value, width: digits, into: buffer, at: 0)
            append(contentsOf: UnsafeBufferPointer(buffer))
        }
    }

    /// `date` as `ISOTime.format` writes it: `2024-03-29T20:32:32.250000+00:00`.
    mutating func appendISOTime(_ date: Date) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { buffer in
            guard let count = Self.writeISOTime(date, into: buffer) else {
                append(contentsOf: ISOTime.format(date).utf8)
                return
            }
            append(contentsOf: UnsafeBufferPointer(rebasing: buffer[0..<count]))
        }
    }

    /// `,rating,time,milliseconds` and a line end, as `appendDecimal` and `appendISOTime`
    /// write them, in one append (a reviews export row after its card id).
    mutating func appendReviewTail(rating: Int, time: Date, milliseconds: Int) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 96) { buffer in
            guard (0...9).contains(rating), (0..<1_000_000_000_000).contains(milliseconds),
                let timeCount = Self.writeISOTime(time, into: UnsafeMutableBufferPointer(rebasing: buffer[3..<35]))
            else {
                append(0x2C)
                appendDecimal(rating)
                append(0x2C)
                appendISOTime(time)
                append(0x2C)
                appendDecimal(milliseconds)
                append(0x0A)
                return
            }
            buffer[0] = 0x2C
            buffer[1] = UInt8(truncatingIfNeeded: 0x30 + rating)
            buffer[2] = 0x2C
            var end = 3 + timeCount
            buffer[end] = 0x2C
            end += 1
            let digits = DecimalDigits.count(milliseconds)
            DecimalDigits.write(milliseconds, width: digits, into: buffer, at: end)
            end += digits
            buffer[end] = 0x0A
            append(contentsOf: UnsafeBufferPointer(rebasing: buffer[0...end]))
        }
    }

    /// Writes `ISOTime.format(date)` into the first 32 bytes of `out` and answers 32; nil for a
    /// year outside 0...9999 (which `ISOTime.format` writes otherwise).
    private static func writeISOTime(_ date: Date, into out: UnsafeMutableBufferPointer<UInt8>) -> Int? {
        let micros = ISOTime.microseconds(date)
        var days = micros / 86_400_000_000
        var rest = micros % 86_400_000_000
        if rest < 0 {
            rest += 86_400_000_000
            days -= 1
        }
        let (y, m, d) = ISOTime.civilFromDays(Int(days))
        guard (0...9999).contains(y), out.count >= 32 else { return nil }
        return UTCTimeBytes.write(
            year: y, month: m, day: d, secondOfDay: Int(rest / 1_000_000), fraction: Int(rest % 1_000_000),
            fractionDigits: 6, suffix: "+00:00", into: out)
    }
}
