/// Renders a `StatsSummary` as one self-contained HTML page: inline CSS, inline SVG charts
/// (heatmap, forecast, answers and time per day, retention over time, intervals, stability, difficulty), no external URL.
public enum StatsHTML {
    public static func render(_ s: StatsSummary) -> String {
        var body =
            "<h1>gloss progress report</h1>\n<p class=\"muted\">Study day \(escapeHTML(s.today.day)) · \(escapeHTML(s.timeZone)) · day starts at \(s.rolloverHour):00</p>\n"
        if s.isEmpty {
            body +=
                "<section class=\"empty\"><h2>Welcome!</h2><p>No answers yet. Start a session with <code>gloss study</code>; your streak, retention and charts appear here after it.</p></section>\n"
            return page(body)
        }
        let t = s.today
        body += "<section class=\"tiles\">"
        body += tile(
            "Answered today", "\(t.answers.reviews)",
            t.answers.reviews > 0 ? "\(StatsFormat.percent(t.answers.rate)) right" : "nothing yet")
        body += tile("New learned", "\(t.newLearned)", "\(t.newSeen) new seen")
        body += tile("Time today", StatsFormat.duration(ms: t.timeSpentMs), "spent answering")
        body += tile(
            "Estimated time", s.estimatedTodayMs.map { StatsFormat.duration(ms: $0) } ?? "n/a",
            "for the \(s.forecast.first?.count ?? 0) due today")
        body += tile("Streak", "\(s.streaks.current) d", "longest \(s.streaks.longest) d")
        body += tile("Remembered now", StatsFormat.percent(s.averageRetrievability), "average retrievability")
        body += tile(
            "True retention 30 d", StatsFormat.percent(s.retention30.rate), "desired \(StatsFormat.percent(s.desiredRetention))")
        body += "</section>\n"
        if let advice = s.advice { body += "<p class=\"advice\">\(escapeHTML(advice.message))</p>\n" }

        body +=
            "<section><h2>Activity, last 52 weeks</h2><div class=\"scroll recent\">\(SVGChart.heatmap(s.heatmap))</div></section>\n"
        body += "<section><h2>Due in the next 14 days</h2>"
        if s.overdue > 0 { body += "<p class=\"muted\">\(s.overdue) overdue, counted today.</p>" }
        body +=
            SVGChart.bars(
                s.forecast.map { (StatsFormat.shortDay($0.day), $0.count) }, title: "Cards due per day", cssClass: "forecast")
            + "</section>\n"
        body +=
            "<section><h2>Answers in the last 30 days</h2>"
            + SVGChart.bars(
                s.answersPerDay.map { (StatsFormat.shortDay($0.day), $0.count) }, title: "Answers per day", cssClass: "daily")
            + "</section>\n"
        body +=
            "<section><h2>Time per day, last 30 days (minutes)</h2>"
            + SVGChart.bars(
                s.timePerDay.map { (StatsFormat.shortDay($0.day), ($0.count + 30) / 60) }, title: "Minutes answering per day",
                cssClass: "daily")
            + "</section>\n"
        body +=
            "<section><h2>Retention over time</h2>\(SVGChart.retention(s.retentionByWeek, desired: s.desiredRetention, firstDay: s.heatmap.first { $0.count > 0 }?.day))"
        body += "<div class=\"scroll\"><table><tr><th>Period</th><th>True retention</th></tr>"
        let periods = [
            ("7 days", s.retention7), ("30 days", s.retention30), ("365 days", s.retention365),
            ("young (all time)", s.youngRetention), ("mature (all time)", s.matureRetention),
        ]
        for (label, figure) in periods + s.retentionByInterval.map({ ("interval \($0.label)", $0.figure) }) {
            body += "<tr><td>\(escapeHTML(label))</td><td>\(escapeHTML(StatsFormat.rate(figure)))</td></tr>"
        }
        body += "</table></div></section>\n"
        let hours = s.retentionByHour.filter { $0.figure.reviews > 0 }
        if !hours.isEmpty {
            body +=
                "<section><h2>True retention by hour of day</h2>"
                + rateTable("Hour", hours.map { (StatsFormat.hour($0.hour), $0.figure) })
            body += "</section>\n"
        }
        body +=
            "<section><h2>Ratings by card age</h2><div class=\"scroll\"><table><tr><th>Age</th><th>Again</th><th>Hard</th><th>Good</th><th>Easy</th><th>Total</th></tr>"
        for r in s.ratingsByAge {
            body +=
                "<tr><td>\(escapeHTML(r.age))</td>"
                + [r.again, r.hard, r.good, r.easy, r.total].map { "<td>\($0)</td>" }.joined() + "</tr>"
        }
        body += "</table></div></section>\n"
        for (title, buckets, css) in [
            ("Intervals (review cards)", s.intervals, "intervals"), ("Stability", s.stability, "stability"),
            ("Difficulty (1 easiest, 10 hardest)", s.difficulty, "difficulty"),
        ] {
            body +=
                "<section><h2>\(escapeHTML(title))</h2>"
                + SVGChart.bars(buckets.map { ($0.label, $0.count) }, title: "Cards by \(css)", cssClass: css, barWidth: 48)
                + "</section>\n"
        }
        if !s.accuracyByFormat.isEmpty {
            body +=
                "<section><h2>Accuracy by question format</h2>"
                + rateTable("Format", s.accuracyByFormat.map { ($0.format, $0.figure) })
            body += "</section>\n"
        }

        body +=
            "<section><h2>Cards</h2><p class=\"muted\">Mastered: stability above 21 days.</p><div class=\"scroll\"><table><tr><th>Deck</th><th>New</th><th>Learning</th><th>Review</th><th>Relearning</th><th>Mastered</th><th>Total</th></tr>"
        for d in s.decks + (s.decks.count > 1 ? [s.totals] : []) {
            body +=
                "<tr><td>\(escapeHTML(d.title))</td>"
                + [d.new, d.learning, d.review, d.relearning, d.mastered, d.total].map { "<td>\($0)</td>" }.joined() + "</tr>"
        }
        body += "</table></div></section>\n"
        if !s.hardest.isEmpty {
            body +=
                "<section><h2>Hardest cards</h2><div class=\"scroll\"><table><tr><th>Term</th><th>Facet</th><th>Lapses, last \(StatsSummary.recentDays) days</th><th>Lapses</th><th>Difficulty</th><th>Last lapse</th></tr>"
            for c in s.hardest {
                let difficulty = c.difficulty.map { String(format: "%.1f", $0) } ?? "n/a"
                body +=
                    "<tr><td>\(escapeHTML(c.term))</td><td>\(c.card.facet.rawValue)</td><td>\(c.recentLapses)</td><td>\(c.lapses)</td><td>\(difficulty)</td><td>\(escapeHTML(c.lastLapse ?? "n/a"))</td></tr>"
            }
            body += "</table></div></section>\n"
        }
        if !s.confusedPairs.isEmpty {
            body += "<section><h2>Most confused</h2><ul>"
            for p in s.confusedPairs {
                body +=
                    "<li>You picked <em>\(escapeHTML(p.pickedTerm))</em> for <em>\(escapeHTML(p.askedTerm))</em> \(p.count) time\(p.count == 1 ? "" : "s").</li>"
            }
            body += "</ul></section>\n"
        }
        body += "<section><h2>What the figures mean</h2><dl>"
        for (figure, meaning) in StatsGlossary.definitions {
            body += "<dt>\(escapeHTML(figure))</dt><dd>\(escapeHTML(meaning))</dd>"
        }
        body += "</dl></section>\n"
        return page(body)
    }

    private static func rateTable(_ header: String, _ rows: [(String, RateFigure)]) -> String {
        var html = "<div class=\"scroll\"><table><tr><th>\(escapeHTML(header))</th><th>Right</th><th></th></tr>"
        for (label, figure) in rows {
            let width = Int(((figure.rate ?? 0) * 120).rounded())
            html +=
                "<tr><td>\(escapeHTML(label))</td><td>\(escapeHTML(StatsFormat.rate(figure)))</td><td><span class=\"meter\" style=\"width: \(width)px\"></span></td></tr>"
        }
        return html + "</table></div>"
    }

    private static func tile(_ label: String, _ value: String, _ note: String) -> String {
        "<div class=\"tile\"><div class=\"label\">\(escapeHTML(label))</div><div class=\"big\">\(escapeHTML(value))</div><div class=\"muted\">\(escapeHTML(note))</div></div>"
    }

    private static func page(_ body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>gloss progress report</title>
        <style>
        body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1d232a; background: #fbfbf8; }
        h1 { margin-bottom: 0.2rem; } h2 { font-size: 1.1rem; margin-top: 2rem; }
        .muted { color: #6b7280; font-size: 0.9rem; }
        .tiles { display: flex; flex-wrap: wrap; gap: 0.8rem; }
        .tile { background: #fff; border: 1px solid #e5e7eb; border-radius: 8px; padding: 0.7rem 1rem; flex: 1 1 7.5rem; max-width: 13rem; }
        .tile .label { font-size: 0.8rem; color: #6b7280; } .tile .big { font-size: 1.6rem; font-weight: 600; }
        table { border-collapse: collapse; margin-top: 0.6rem; } td, th { padding: 0.2rem 0.7rem; border-bottom: 1px solid #e5e7eb; text-align: right; }
        td:first-child, th:first-child { text-align: left; }
        svg { display: block; max-width: 100%; height: auto; } svg text { font-size: 10px; fill: #4b5563; }
        svg .value, svg .label { text-anchor: middle; } svg .end { text-anchor: end; }
        .bar { fill: #3b82f6; } .daily .bar { fill: #10b981; } .stability .bar { fill: #8b5cf6; }
        .h0 { fill: #ebedf0; } .h1 { fill: #9be9a8; } .h2 { fill: #40c463; } .h3 { fill: #30a14e; } .h4 { fill: #216e39; }
        .line { fill: none; stroke: #3b82f6; stroke-width: 2; } .dot { fill: #3b82f6; }
        .desired { stroke: #f59e0b; stroke-dasharray: 4 3; }
        .intervals .bar { fill: #0ea5e9; } .difficulty .bar { fill: #ef4444; } svg .month { font-size: 9px; }
        .advice { background: #fff7ed; border-left: 4px solid #f59e0b; padding: 0.6rem 0.9rem; }
        .scroll { overflow-x: auto; } .scroll svg.heatmap { max-width: none; direction: ltr; }
        .recent { direction: rtl; } /* a narrow screen shows the latest weeks first */ .meter { display: inline-block; height: 0.7rem; background: #3b82f6; border-radius: 2px; }
        dt { font-weight: 600; margin-top: 0.4rem; } dd { margin: 0 0 0 1rem; color: #374151; }
        </style>
        </head>
        <body>
        \(body)</body>
        </html>

        """
    }
}
