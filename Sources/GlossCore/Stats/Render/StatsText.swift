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
            for line in wrap(text, width: width + 2) { out.append(paint(String(line.dropFirst(2)), .heading)) }
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

        heading(clip("Today (\(s.today.day))", width))
        let t = s.today
        let right = t.answers.reviews > 0 ? ", \(StatsFormat.percent(t.answers.rate)) right" : ""
        out += wrap(
            "answered \(t.answers.reviews)\(right), \(t.newSeen) new seen, \(t.newLearned) new learned, "
                + "\(StatsFormat.duration(ms: t.timeSpentMs)) spent", width: width)
        if let estimate = s.estimatedTodayMs {
            out.append(
                "  estimated time for the \(s.forecast.first?.count ?? 0) due today: \(StatsFormat.duration(ms: estimate))")
        }
        let streakTone: Tone = s.streaks.current > 0 ? .good : .muted
        out.append(
            "  streak " + paint("\(s.streaks.current) day\(s.streaks.current == 1 ? "" : "s")", streakTone)
                + " (longest \(s.streaks.longest))"
                + (s.streaks.current > 0 && !s.streaks.studiedToday ? paint("  study today to keep it", .warning) : ""))
        if let advice = s.advice { out += wrap(advice.message, width: width).map { paint($0, .warning) } }

        heading("Cards (mastered: stability above 21 days)")
        out += cardsTable(s, width: width, paint: paint)

        heading("True retention (desired \(StatsFormat.percent(s.desiredRetention)))")
        let periods = [
            ("7 days", s.retention7), ("30 days", s.retention30), ("365 days", s.retention365),
            ("young", s.youngRetention), ("mature", s.matureRetention),
        ]
        for (label, figure) in periods {
            let tone: Tone = figure.rate.map { $0 >= s.desiredRetention ? .good : .warning } ?? .muted
            out.append("  " + rightPad(label, 10) + paint(StatsFormat.rate(figure), tone))
        }
        let buckets = s.retentionByInterval.filter { $0.figure.reviews > 0 }
        if !buckets.isEmpty {
            out += wrap(
                "by interval: " + buckets.map { "\($0.label) \(StatsFormat.percent($0.figure.rate))" }.joined(separator: "  "),
                width: width)
        }
        out += wrap("remembered now (average retrievability): " + StatsFormat.percent(s.averageRetrievability), width: width)

        let hours = s.retentionByHour.filter { $0.figure.reviews > 0 }
        if !hours.isEmpty {
            heading("True retention by hour of day")
            out += rateBars(hours.map { (StatsFormat.hour($0.hour), $0.figure) }, width: width, paint: paint)
        }

        heading("Due in the next 14 days" + (s.overdue > 0 ? " (\(s.overdue) overdue, counted today)" : ""))
        out += bars(s.forecast.map { (StatsFormat.shortDay($0.day), $0.count) }, width: width, tone: .accent, paint: paint)

        heading("Answers in the last 30 days")
        out += columns(s.answersPerDay, height: 6, width: width, paint: paint)

        heading("Time per day, last 30 days (minutes)")
        let minutes = s.timePerDay.map { DayCount(day: $0.day, count: ($0.count + 30) / 60) }
        if minutes.contains(where: { $0.count > 0 }) { out += columns(minutes, height: 4, width: width, paint: paint) }
        let total = s.timePerDay.reduce(0) { $0 + $1.count }
        let active = s.timePerDay.filter { $0.count > 0 }.count
        out.append(
            paint(
                "  \(StatsFormat.duration(ms: total * 1000)) in all"
                    + (active > 0 ? ", \(StatsFormat.duration(ms: total * 1000 / active)) per day studied" : ""), .muted))

        if s.ratingsByAge.contains(where: { $0.total > 0 }) {
            heading("Ratings by card age")
            out += ratingsTable(s.ratingsByAge, width: width, paint: paint)
        }

        heading("Intervals (review cards)")
        out += bars(s.intervals.map { ($0.label, $0.count) }, width: width, tone: .accent, paint: paint)
        heading("Stability")
        out += bars(s.stability.map { ($0.label, $0.count) }, width: width, tone: .accent, paint: paint)
        if s.difficulty.contains(where: { $0.count > 0 }) {
            heading("Difficulty (1 easiest, 10 hardest)")
            out += bars(s.difficulty.map { ($0.label, $0.count) }, width: width, tone: .accent, paint: paint)
        }

        if !s.accuracyByFormat.isEmpty {
            heading("Accuracy by question format")
            out += rateBars(s.accuracyByFormat.map { ($0.format, $0.figure) }, width: width, paint: paint)
        }

        heading("Activity, last 52 weeks")
        out += heatmap(s.heatmap, width: width, paint: paint)

        if !s.hardest.isEmpty {
            heading("Hardest cards (lapses in the last \(StatsSummary.recentDays) days, then difficulty)")
            for card in s.hardest {
                let facts = hardFacts(card)
                let name = "\(card.term) (\(card.card.facet.rawValue))"
                if name.count + facts.count + 4 <= width {
                    out.append("  " + name + ": " + paint(facts, .bad))
                } else {
                    out.append("  " + clip(name, width - 3) + ":")
                    out += wrap(facts, width: width - 2).map { "  " + paint($0, .bad) }
                }
            }
        }
        if !s.confusedPairs.isEmpty {
            heading("Most confused")
            for pair in s.confusedPairs {
                let times = " \(pair.count) time\(pair.count == 1 ? "" : "s")"
                let room = max((width - 19 - times.count) / 2, 4)
                out.append(
                    "  you picked " + paint(clip(pair.pickedTerm, room), .bad) + " for "
                        + paint(clip(pair.askedTerm, room), .good)
                        + times)
            }
        }
        out.append("")
        out += wrap("'help stats' says what every figure means.", width: width + 2).map { paint(String($0.dropFirst(2)), .muted) }
        return out.joined(separator: "\n") + "\n"
    }

    /// "3 lapses in 30 days (12 in all), difficulty 8.2": the facts that make a card hard.
    static func hardFacts(_ card: HardCard) -> String {
        var text = "\(card.recentLapses) lapse\(card.recentLapses == 1 ? "" : "s") in \(StatsSummary.recentDays) days"
        text += " (\(card.lapses) in all)"
        if let d = card.difficulty { text += ", difficulty " + String(format: "%.1f", d) }
        return text
    }

    /// The cards table; a deck title too long for the row gets a line of its own.
    static func cardsTable(_ s: StatsSummary, width: Int, paint: (String, Tone) -> String) -> [String] {
        let headers = ["new", "learning", "review", "relearning", "mastered", "total"]
        let rows = s.decks.map { ($0.title, $0) } + (s.decks.count > 1 ? [("all", s.totals)] : [])
        let cellWidths = headers.indices.map { i in
            max(headers[i].count, rows.map { String(cells($0.1)[i]).count }.max() ?? 0) + 2
        }
        let numbers = cellWidths.reduce(0, +)
        guard width - 2 - numbers >= 4 else {
            // Too narrow for the table: one deck a paragraph.
            return rows.flatMap { name, counts in
                wrap(name, width: width)
                    + wrap(zip(cells(counts), headers).map { "\($0) \($1)" }.joined(separator: ", "), width: width - 2)
                    .map { "  " + $0 }
            }
        }
        let room = width - 2 - numbers
        // A title too long for the row goes on a line of its own; the others set the column.
        let nameWidth = max(rows.map(\.0.count).filter { $0 <= room }.max() ?? 4, 4)
        var lines = [
            paint("  " + rightPad("deck", nameWidth) + zip(headers, cellWidths).map { leftPad($0, $1) }.joined(), .muted)
        ]
        for (name, counts) in rows {
            let numbersText = zip(cells(counts), cellWidths).map { leftPad(String($0), $1) }.joined()
            if name.count > nameWidth {
                lines += wrap(name, width: width)
                lines.append("  " + String(repeating: " ", count: nameWidth) + numbersText)
            } else {
                lines.append("  " + rightPad(name, nameWidth) + numbersText)
            }
        }
        return lines
    }

    private static func cells(_ c: DeckCounts) -> [Int] { [c.new, c.learning, c.review, c.relearning, c.mastered, c.total] }

    /// Again / hard / good / easy counts per card age, with the share of again.
    static func ratingsTable(_ rows: [RatingsByAge], width: Int = 80, paint: (String, Tone) -> String) -> [String] {
        var headers = ["", "again", "hard", "good", "easy", "total", "again %"]
        var values = rows.map { r -> [String] in
            [
                r.age, String(r.again), String(r.hard), String(r.good), String(r.easy), String(r.total),
                r.total > 0 ? StatsFormat.percent(Double(r.again) / Double(r.total)) : "n/a",
            ]
        }
        var widths = headers.indices.map { i in max(headers[i].count, values.map { $0[i].count }.max() ?? 0) }
        var gap = "  "
        if 2 + widths.reduce(0, +) + 2 * (widths.count - 1) > width {
            // Narrow: no share column, one space between columns.
            (headers, widths, gap) = (Array(headers.dropLast()), Array(widths.dropLast()), " ")
            values = values.map { Array($0.dropLast()) }
        }
        func row(_ cells: [String]) -> String {
            "  " + rightPad(cells[0], widths[0])
                + cells.indices.dropFirst().map { gap + leftPad(cells[$0], widths[$0]) }.joined()
        }
        return [paint(row(headers), .muted)] + values.map(row)
    }

    /// One bar per rate, scaled to 100%, with the rate and its counts.
    static func rateBars(_ rows: [(String, RateFigure)], width: Int, paint: (String, Tone) -> String) -> [String] {
        let labelWidth = rows.map(\.0.count).max() ?? 0
        let texts = rows.map { StatsFormat.rate($0.1) }
        let textWidth = texts.map(\.count).max() ?? 0
        let room = max(width - labelWidth - textWidth - 6, 4)
        return zip(rows, texts).map { row, text in
            let units = Int(((row.1.rate ?? 0) * Double(room)).rounded())
            let bar = String(repeating: "█", count: units) + String(repeating: "·", count: room - units)
            return "  " + rightPad(row.0, labelWidth) + " " + paint(bar, .accent) + " " + text
        }
    }

    /// `text` wrapped to `width` after a two-space indent, at spaces.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && line.count + 1 + word.count > width - 2 {
                lines.append("  " + line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append("  " + line) }
        return lines
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

    /// A vertical bar chart, one 2-cell column per day (1 cell when the width is short),
    /// `height` rows of eighth blocks.
    static func columns(_ days: [DayCount], height: Int, width: Int = 80, paint: (String, Tone) -> String) -> [String] {
        let maximum = days.map(\.count).max() ?? 0
        let blocks = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
        let axis = String(maximum).count
        let cell = 3 + axis + 2 * days.count <= width ? 2 : 1
        let shown = days.suffix(max(min(days.count, (width - 3 - axis) / cell), 1))
        var lines: [String] = []
        for row in (0..<height).reversed() {
            var line = "  " + leftPad(row == height - 1 ? String(maximum) : row == 0 ? "0" : "", axis) + " "
            for day in shown {
                let eighths = maximum > 0 ? Int((Double(day.count) / Double(maximum) * Double(height * 8)).rounded()) : 0
                let filled = max(min(eighths - row * 8, 8), day.count > 0 && row == 0 ? 1 : 0)
                line += paint(String(repeating: blocks[max(filled, 0)], count: cell), .good)
            }
            lines.append(line)
        }
        let first = shown.first.map { StatsFormat.shortDay($0.day) } ?? ""
        let last = shown.last.map { StatsFormat.shortDay($0.day) } ?? ""
        let gap = max(shown.count * cell - first.count - last.count, 1)
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
        // Month names over the week columns that hold a month's first day, where they fit.
        var months = [Character](repeating: " ", count: max(min(shown.count + 3, width - 6), shown.count))
        for (column, week) in shown.enumerated() {
            guard let first = week.first(where: { $0.day.hasSuffix("-01") }), let month = Int(first.day.dropFirst(5).prefix(2)),
                column == 0 || months[column - 1] == " "
            else { continue }
            let name = Array(StatsFormat.months[(month + 11) % 12])
            guard column + name.count <= months.count, months[column..<(column + name.count)].allSatisfy({ $0 == " " })
            else { continue }
            months.replaceSubrange(column..<(column + name.count), with: name)
        }
        var lines = [paint(String("      " + String(months)).trimmingTrailingSpaces, .muted)]
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
        let legend =
            "\(shown.first?.first?.day ?? "") … \(days.last?.day ?? "")   less " + shades.joined()
            + " more (busiest day \(maximum))"
        lines += wrap(legend, width: width).map { paint($0, .muted) }
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

extension String {
    /// The text without the spaces at its end.
    fileprivate var trimmingTrailingSpaces: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
