import Foundation

/// Small inline SVG charts for the HTML report; every label is escaped.
enum SVGChart {
    /// A vertical bar chart with a label under each bar and its value above.
    static func bars(_ rows: [(label: String, value: Int)], title: String, cssClass: String, barWidth: Double = 28) -> String {
        let gap = 6.0, height = 120.0, top = 18.0, bottom = 34.0
        let width = Double(rows.count) * (barWidth + gap) + gap
        let maximum = Double(max(rows.map(\.value).max() ?? 0, 1))
        var svg = open(width: width, height: height + top + bottom, title: title, cssClass: cssClass)
        for (i, row) in rows.enumerated() {
            let x = gap + Double(i) * (barWidth + gap)
            let h = Double(row.value) / maximum * height
            let y = top + height - h
            svg +=
                "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(barWidth))\" height=\"\(n(h))\" class=\"bar\"><title>\(escapeHTML(row.label)): \(row.value)</title></rect>"
            svg += "<text x=\"\(n(x + barWidth / 2))\" y=\"\(n(y - 4))\" class=\"value\">\(row.value)</text>"
            svg +=
                "<text x=\"\(n(x + barWidth / 2))\" y=\"\(n(top + height + 14))\" class=\"label\">\(escapeHTML(row.label))</text>"
        }
        return svg + "</svg>"
    }

    /// Week columns × weekday rows of squares, shaded by answers per day.
    static func heatmap(_ days: [DayCount]) -> String {
        let cell = 11.0, step = 13.0, left = 30.0, top = 16.0
        let weeks = (days.count + 6) / 7
        let maximum = days.map(\.count).max() ?? 0
        var svg = open(
            width: left + Double(weeks) * step + 4, height: top + 7 * step + 4, title: "Answers per day, last 52 weeks",
            cssClass: "heatmap")
        // A month's name over the first week column that holds its first day.
        for (i, day) in days.enumerated() where day.day.hasSuffix("-01") {
            let month = Int(day.day.dropFirst(5).prefix(2)) ?? 1
            svg +=
                "<text x=\"\(n(left + Double(i / 7) * step))\" y=\"10\" class=\"month\">\(StatsFormat.months[(month + 11) % 12])</text>"
        }
        for (row, name) in StatsFormat.weekdays.enumerated() where row % 2 == 0 {
            svg += "<text x=\"0\" y=\"\(n(top + Double(row) * step + 9))\" class=\"day\">\(name)</text>"
        }
        for (i, day) in days.enumerated() {
            let x = left + Double(i / 7) * step
            let y = top + Double(i % 7) * step
            let level = StatsFormat.heat(day.count, maximum: maximum)
            svg +=
                "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(cell))\" height=\"\(n(cell))\" rx=\"2\" class=\"h\(level)\"><title>\(escapeHTML(day.day)): \(day.count)</title></rect>"
        }
        return svg + "</svg>"
    }

    /// Weekly true retention as a line with dots, beside a dashed desired-retention line,
    /// from the week of the first answer (`firstDay`, `yyyy-MM-dd`) to this week: a month of
    /// data spans a month, not a year.
    static func retention(_ allWeeks: [WeekRetention], desired: Double, firstDay: String?) -> String {
        let first =
            allWeeks.indices.first { i in
                i + 1 == allWeeks.count || allWeeks[i + 1].weekStart > (firstDay ?? "9999")
            } ?? 0
        let weeks = Array(allWeeks[first...])
        let width = 560.0, height = 160.0, left = 36.0, top = 10.0, bottom = 24.0
        let plotWidth = width - left - 8
        let rates = weeks.compactMap(\.figure.rate)
        let low = max(0, min(rates.min() ?? desired, desired) - 0.05)
        let span = max(1 - low, 0.05)
        func y(_ rate: Double) -> Double { top + (1 - (rate - low) / span) * (height - top - bottom) }
        func x(_ i: Int) -> Double { left + plotWidth * Double(i) / Double(max(weeks.count - 1, 1)) }
        var svg = open(width: width, height: height, title: "True retention per week", cssClass: "retention")
        for tick in [low, (low + 1) / 2, 1.0] {
            svg += "<text x=\"0\" y=\"\(n(y(tick) + 4))\" class=\"axis\">\(Int((tick * 100).rounded()))%</text>"
        }
        svg +=
            "<line x1=\"\(n(left))\" y1=\"\(n(y(desired)))\" x2=\"\(n(width - 8))\" y2=\"\(n(y(desired)))\" class=\"desired\"><title>desired \(StatsFormat.percent(desired))</title></line>"
        var points: [String] = []
        for (i, week) in weeks.enumerated() {
            guard let rate = week.figure.rate else { continue }
            points.append("\(n(x(i))),\(n(y(rate)))")
            svg +=
                "<circle cx=\"\(n(x(i)))\" cy=\"\(n(y(rate)))\" r=\"3\" class=\"dot\"><title>week of \(escapeHTML(week.weekStart)): \(StatsFormat.rate(week.figure))</title></circle>"
        }
        if points.count > 1 { svg += "<polyline points=\"\(points.joined(separator: " "))\" class=\"line\"/>" }
        if let first = weeks.first, let last = weeks.last {
            svg += "<text x=\"\(n(left))\" y=\"\(n(height - 6))\" class=\"axis\">\(escapeHTML(first.weekStart))</text>"
            svg += "<text x=\"\(n(width - 8))\" y=\"\(n(height - 6))\" class=\"axis end\">\(escapeHTML(last.weekStart))</text>"
        }
        return svg + "</svg>"
    }

    private static func open(width: Double, height: Double, title: String, cssClass: String) -> String {
        "<svg class=\"\(cssClass)\" width=\"\(n(width))\" height=\"\(n(height))\" viewBox=\"0 0 \(n(width)) \(n(height))\" role=\"img\" aria-label=\"\(escapeHTML(title))\"><title>\(escapeHTML(title))</title>"
    }

    /// A coordinate with at most one decimal.
    static func n(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}

/// Text safe inside HTML elements and attribute values.
func escapeHTML(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.count)
    for ch in text {
        switch ch {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        default: out.append(ch)
        }
    }
    return out
}
