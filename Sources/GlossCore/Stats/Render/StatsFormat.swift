import Foundation

/// Number formatting shared by the stats renderers, so every view prints the same text.
enum StatsFormat {
    /// `0.8765` → `87.7%`; nil → `n/a`.
    static func percent(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "n/a" }
        return String(format: "%.1f%%", value * 100)
    }

    /// `93_000` ms → `1m 33s`.
    static func duration(ms: Int) -> String {
        let seconds = max(ms, 0) / 1000
        if seconds < 60 { return "\(seconds)s" }
        if seconds < 3600 { return "\(seconds / 60)m \(seconds % 60)s" }
        return "\(seconds / 3600)h \(seconds % 3600 / 60)m"
    }

    /// `RateFigure` as `87.5% (7/8)` or `n/a (no reviews)`.
    static func rate(_ figure: RateFigure) -> String {
        guard figure.reviews > 0 else { return "n/a (no reviews)" }
        return "\(percent(figure.rate)) (\(figure.correct)/\(figure.reviews))"
    }

    /// Heat level 0–4 of `count` against the busiest day `maximum`.
    static func heat(_ count: Int, maximum: Int) -> Int {
        guard count > 0, maximum > 0 else { return 0 }
        return min(4, max(1, Int((Double(count) / Double(maximum) * 4).rounded(.up))))
    }

    /// `"yyyy-MM-dd"` → `"MM-dd"`.
    static func shortDay(_ day: String) -> String { String(day.suffix(5)) }

    /// `9` → `09h`.
    static func hour(_ hour: Int) -> String { (hour < 10 ? "0" : "") + "\(hour)h" }

    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
}
