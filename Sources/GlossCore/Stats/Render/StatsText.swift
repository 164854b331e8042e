/// Renders a `StatsSummary` for the terminal: sections, Unicode bar charts and a heatmap.
///
/// ```swift
/// let text = StatsText.render(summary, width: 80) { text, tone in
///     tone == .heading ? text.bold : text   // or `{ text, _ in text }` without colour
/// }
/// ```
public enum StatsText {
    public static func render(_ s: StatsSummary, width: Int, paint: (String, Tone) -> String) -> String {
        let width = max(width, 40)
        var out: [String] = []
        func heading(_ text: String) {
            if !out.isEmpty { out.append("") }
            out.append(paint(text, .heading))
        }

        if s.isEmpty {
            out.append(paint("Welcome to gloss!", .heading))
            out.append("No answers yet, so there is nothing to chart.")
            if s.totals.total > 0 {
                out.append(
                    "\(s.totals.total) cards in \(s.decks.count) deck\(s.decks.count == 1 ? "" : "s") are waiting: start with `gloss study`."
                )
            } else {
                out.append("Add a deck, then start with `gloss study`.")
            }
            out.append(paint("Your streak, retention and charts appear here after your first session.", .muted))
            return out.joined(separator: "\n") + "\n"
        }

        heading("Today (\(s.today.day))")
        let t = s.today
        let right = t.answers.reviews > 0 ? ", \(StatsFormat.percent(t.answers.rate)) right" : ""
        out.append(
            "  answered \(t.answers.reviews)\(right), \(t.newLearned) new learned, \(StatsFormat.duration(ms: t.timeSpentMs)) spent"
        )
        let streakTone: Tone = s.streaks.current > 0 ? .good : .muted
        out.append(
            "  streak " + paint("\(s.streaks.current) day\(s.streaks.current == 1 ? "" : "s")", streakTone)
                + " (longest \(s.streaks.longest))"
                + (s.streaks.current > 0 && !s.streaks.studiedToday ? paint("  study today to keep it", .warning) : ""))

        heading("Cards")
        let nameWidth = min(max(s.decks.map(\.title.count).max() ?? 5, 5), max(width - 70, 8))
        func cardsRow(_ name: String, _ c: DeckCounts) -> String {
            let cells = [c.new, c.learning, c.review, c.relearning, c.mastered, c.total].map { leftPad(String($0), 11) }
            return "  " + rightPad(clip(name, nameWidth), nameWidth) + cells.joined()
        }
        out.append(
            paint(
                "  " + rightPad("deck", nameWidth)
                    + ["new", "learning", "review", "relearning", "mastered", "total"].map { leftPad($0, 11) }.joined(), .muted))
        for deck in s.decks { out.append(cardsRow(deck.title, deck)) }
        if s.decks.count > 1 { out.append(cardsRow("all", s.totals)) }

        heading("True retention (desired \(StatsFormat.percent(s.desiredRetention)))")
        for (label, figure) in [("7 days", s.retention7), ("30 days", s.retention30), ("365 days", s.retention365)] {
            let tone: Tone = figure.rate.map { $0 >= s.desiredRetention ? .good : .warning } ?? .muted
            out.append("  " + rightPad(label, 10) + paint(StatsFormat.rate(figure), tone))
        }
        let buckets = s.retentionByInterval.filter { $0.figure.reviews > 0 }
        if !buckets.isEmpty {
            out.append(
                paint("  by interval:", .muted) + " "
                    + buckets.map { "\($0.label) \(StatsFormat.percent($0.figure.rate))" }.joined(separator: "  "))
        }
        out.append("  remembered now (average retrievability): " + paint(StatsFormat.percent(s.averageRetrievability), .accent))

        heading("Due in the next 14 days" + (s.overdue > 0 ? " (\(s.overdue) overdue, counted today)" : ""))
        out += bars(s.forecast.map { (StatsFormat.shortDay($0.day), $0.count) }, width: width, tone: .accent, paint: paint)

        heading("Answers in the last 30 days")
        out += columns(s.answersPerDay, height: 6, paint: paint)

        heading("Activity, last 52 weeks")
        out += heatmap(s.heatmap, width: width, paint: paint)

        if !s.hardest.isEmpty {
            heading("Hardest cards")
            for card in s.hardest {
                out.append(
                    "  \(clip(card.term, 40)) (\(card.card.facet.rawValue)): \(card.lapses) lapse\(card.lapses == 1 ? "" : "s"), "
                        + "recall now " + paint(StatsFormat.percent(card.retrievability), .bad))
            }
        }
        if !s.confusedPairs.isEmpty {
            heading("Most confused")
            for pair in s.confusedPairs {
                out.append(
                    "  you picked " + paint(pair.pickedTerm, .bad) + " for " + paint(pair.askedTerm, .good)
                        + " \(pair.count) time\(pair.count == 1 ? "" : "s")")
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// Horizontal bars, one per labelled value, scaled to the widest value.
    static func bars(_ rows: [(String, Int)], width: Int, tone: Tone, paint: (String, Tone) -> String) -> [String] {
        let maximum = rows.map(\.1).max() ?? 0
        let labelWidth = rows.map(\.0.count).max() ?? 0
        let numberWidth = String(maximum).count
        let room = max(width - labelWidth - numberWidth - 6, 4)
        let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        return rows.map { label, value in
            var bar = ""
            if maximum > 0 && value > 0 {
                let units = max(Int((Double(value) / Double(maximum) * Double(room * 8)).rounded()), 1)
                bar = String(repeating: "█", count: units / 8) + eighths[units % 8]
            }
            let line = "  " + rightPad(label, labelWidth) + " " + leftPad(String(value), numberWidth)
            return bar.isEmpty ? line : line + " " + paint(bar, tone)
        }
    }

    /// A vertical bar chart, one 2-cell column per day, `height` rows of eighth blocks.
    static func columns(_ days: [DayCount], height: Int, paint: (String, Tone) -> String) -> [String] {
        let maximum = days.map(\.count).max() ?? 0
        let blocks = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
        let axis = String(maximum).count
        var lines: [String] = []
        for row in (0..<height).reversed() {
            var line = "  " + leftPad(row == height - 1 ? String(maximum) : row == 0 ? "0" : "", axis) + " "
            for day in days {
                let eighths = maximum > 0 ? Int((Double(day.count) / Double(maximum) * Double(height * 8)).rounded()) : 0
                let filled = max(min(eighths - row * 8, 8), day.count > 0 && row == 0 ? 1 : 0)
                line += paint(String(repeating: blocks[max(filled, 0)], count: 2), .good)
            }
            lines.append(line)
        }
        let first = days.first.map { StatsFormat.shortDay($0.day) } ?? ""
        let last = days.last.map { StatsFormat.shortDay($0.day) } ?? ""
        let gap = max(days.count * 2 - first.count - last.count, 1)
        lines.append(
            paint("  " + String(repeating: " ", count: axis + 1) + first + String(repeating: " ", count: gap) + last, .muted))
        return lines
    }

    /// Week columns × weekday rows of shades ` ░▒▓█`, the newest weeks that fit the width.
    static func heatmap(_ days: [DayCount], width: Int, paint: (String, Tone) -> String) -> [String] {
        let maximum = days.map(\.count).max() ?? 0
        let weeks = stride(from: 0, to: days.count, by: 7).map { Array(days[$0..<min($0 + 7, days.count)]) }
        let shown = weeks.suffix(max(min(weeks.count, width - 8), 1))
        let shades = ["·", "░", "▒", "▓", "█"]
        var lines: [String] = []
        for weekday in 0..<7 {
            var line = "  " + StatsFormat.weekdays[weekday] + " "
            for week in shown {
                if weekday < week.count {
                    let level = StatsFormat.heat(week[weekday].count, maximum: maximum)
                    line += paint(shades[level], .heat(level))
                } else {
                    line += " "
                }
            }
            lines.append(line)
        }
        lines.append(
            paint(
                "  \(shown.first?.first?.day ?? "") … \(days.last?.day ?? "")   less " + shades.joined()
                    + " more (busiest day \(maximum))", .muted))
        return lines
    }
}

func leftPad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
}

func rightPad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
}

func clip(_ text: String, _ width: Int) -> String {
    let flat = text.replacingOccurrences(of: "\n", with: " ")
    return flat.count <= width ? flat : String(flat.prefix(max(width - 1, 0))) + "…"
}
