import Foundation

extension WorkloadForecast {
    /// The forecast for a terminal: reviews and minutes a day by week as bars, the entries
    /// memorised at a few points, and the averages.
    ///
    /// ```
    /// week of      reviews/day                minutes/day
    /// 2026-12-02    41.3 ████████████▌          5.2 ████████████▌
    /// ```
    public func text(width: Int = 80) -> [String] {
        let weeks = stride(from: 0, to: days.count, by: 7).map { Array(days[$0..<min(days.count, $0 + 7)]) }
        let reviews = weeks.map { week in Double(week.reduce(0) { $0 + $1.reviews }) / Double(week.count) }
        let minutes = weeks.map { week in week.reduce(0) { $0 + $1.minutes } / Double(week.count) }
        let room = max(4, (width - 12 - 2 * 8) / 2 - 2)
        var lines = ["week of      " + pad("reviews/day", room + 8) + "minutes/day"]
        let maxReviews = reviews.max() ?? 0
        let maxMinutes = minutes.max() ?? 0
        for (w, week) in weeks.enumerated() {
            let left = number(reviews[w]) + " " + Self.bar(reviews[w], of: maxReviews, width: room)
            let right = number(minutes[w]) + " " + Self.bar(minutes[w], of: maxMinutes, width: room)
            lines.append((week.first?.date ?? "") + "  " + pad(left, room + 8) + right)
        }
        let points = [1, 30, 90, 180, 365, days.count].filter { $0 <= days.count }
        let memorised = Array(Set(points)).sorted().compactMap { n in
            days[n - 1].memorised.map { "after \(n) day\(n == 1 ? "" : "s") \(String(format: "%.0f", $0))" }
        }
        lines.append("memorised entries: " + memorised.joined(separator: " · "))
        lines.append(
            String(
                format: "on average %.1f answers and %.1f minutes a day (retention %.2f, %d new a day)",
                averageReviews, averageMinutes, retention, newPerDay))
        return lines
    }

    /// Desired retention against workload: one row per forecast, the one at `current` marked,
    /// with the reviews the daily limit leaves over at the end.
    public static func retentionTable(_ forecasts: [WorkloadForecast], current: Double) -> [String] {
        var lines = ["retention  answers/day  minutes/day  memorised at end  left over at end"]
        for f in forecasts {
            lines.append(
                String(
                    format: "%.2f       %11.1f  %11.1f  %16.0f  %16d", f.retention, f.averageReviews, f.averageMinutes,
                    f.memorisedAtEnd, f.days.last?.backlog ?? 0) + (abs(f.retention - current) < 1e-9 ? "  ← yours" : ""))
        }
        if forecasts.contains(where: { ($0.days.last?.backlog ?? 0) > 0 }) {
            lines.append("(left over: due reviews past the daily limit, reviews-per-day)")
        }
        return lines
    }

    /// A bar of eighth blocks, `value / maximum` of `width` cells.
    static func bar(_ value: Double, of maximum: Double, width: Int) -> String {
        guard maximum > 0, value > 0 else { return "" }
        let units = max(1, Int((value / maximum * Double(width * 8)).rounded()))
        let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        return String(repeating: "█", count: units / 8) + eighths[units % 8]
    }

    private func number(_ value: Double) -> String {
        let text = String(format: "%.1f", value)
        return String(repeating: " ", count: max(0, 7 - text.count)) + text
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }
}
