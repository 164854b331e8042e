import Foundation
import GlossCore

/// ISO-8601 UTC text with microseconds, as the FSRS review-log format writes it:
/// `2024-03-29T20:32:32.250000+00:00`. Pure arithmetic, no formatter.
public enum Timestamp {
    public static func utc(_ date: Date) -> String {
        let micros = Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
        let perDay: Int64 = 86_400_000_000
        var days = micros / perDay
        var rest = micros % perDay
        if rest < 0 {
            days -= 1
            rest += perDay
        }
        let seconds = Int(rest / 1_000_000)
        let fraction = Int(rest % 1_000_000)
        return "\(CivilDay(Int(days)).description)T\(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60))."
            + six(fraction) + "+00:00"
    }

    /// Reads the text `utc(_:)` writes (and the same with `Z` or without a fraction).
    public static func parse(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let trimmed = text.hasSuffix("+00:00") ? String(text.dropLast(6)) + "Z" : text
        if let date = formatter.date(from: trimmed) {
            // ISO8601DateFormatter keeps milliseconds only; take the microseconds from the text.
            if let dot = trimmed.firstIndex(of: "."), let end = trimmed.firstIndex(of: "Z") {
                let digits = trimmed[trimmed.index(after: dot)..<end]
                let micros = (Double(String(digits.prefix(6)).padding(toLength: 6, withPad: "0", startingAt: 0)) ?? 0) / 1_000_000
                return Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down) + micros)
            }
            return date
        }
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: trimmed)
    }

    private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    private static func six(_ n: Int) -> String {
        let text = String(n)
        return String(repeating: "0", count: 6 - text.count) + text
    }
}
