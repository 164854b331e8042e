/// Renders a `StatsSummary` as one self-contained HTML page: inline CSS, inline SVG charts
/// (heatmap, forecast, answers per day, retention over time, stability), no external URL.
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
        body += tile("New learned", "\(t.newLearned)", StatsFormat.duration(ms: t.timeSpentMs) + " spent")
        body += tile("Streak", "\(s.streaks.current) d", "longest \(s.streaks.longest) d")
        body += tile("Remembered now", StatsFormat.percent(s.averageRetrievability), "average retrievability")
        body += tile(
            "True retention 30 d", StatsFormat.percent(s.retention30.rate), "desired \(StatsFormat.percent(s.desiredRetention))")
        body += "</section>\n"

        body += "<section><h2>Activity, last 52 weeks</h2>\(SVGChart.heatmap(s.heatmap))</section>\n"
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
        body += "<section><h2>Retention over time</h2>\(SVGChart.retention(s.retentionByWeek, desired: s.desiredRetention))"
        body += "<table><tr><th>Period</th><th>True retention</th></tr>"
        for (label, figure) in [("7 days", s.retention7), ("30 days", s.retention30), ("365 days", s.retention365)]
            + s.retentionByInterval.map({ ("interval \($0.label)", $0.figure) })
        {
            body += "<tr><td>\(escapeHTML(label))</td><td>\(escapeHTML(StatsFormat.rate(figure)))</td></tr>"
        }
        body += "</table></section>\n"
        body +=
            "<section><h2>Stability distribution</h2>"
            + SVGChart.bars(
                s.stability.map { ($0.label, $0.count) }, title: "Cards by stability", cssClass: "stability", barWidth: 48)
            + "</section>\n"

        body +=
            "<section><h2>Cards</h2><table><tr><th>Deck</th><th>New</th><th>Learning</th><th>Review</th><th>Relearning</th><th>Mastered</th><th>Total</th></tr>"
        for d in s.decks + (s.decks.count > 1 ? [s.totals] : []) {
            body +=
                "<tr><td>\(escapeHTML(d.title))</td>"
                + [d.new, d.learning, d.review, d.relearning, d.mastered, d.total].map { "<td>\($0)</td>" }.joined() + "</tr>"
        }
        body += "</table></section>\n"
        if !s.hardest.isEmpty {
            body += "<section><h2>Hardest cards</h2><table><tr><th>Term</th><th>Facet</th><th>Lapses</th><th>Recall now</th></tr>"
            for c in s.hardest {
                body +=
                    "<tr><td>\(escapeHTML(c.term))</td><td>\(c.card.facet.rawValue)</td><td>\(c.lapses)</td><td>\(StatsFormat.percent(c.retrievability))</td></tr>"
            }
            body += "</table></section>\n"
        }
        if !s.confusedPairs.isEmpty {
            body += "<section><h2>Most confused</h2><ul>"
            for p in s.confusedPairs {
                body +=
                    "<li>You picked <em>\(escapeHTML(p.pickedTerm))</em> for <em>\(escapeHTML(p.askedTerm))</em> \(p.count) time\(p.count == 1 ? "" : "s").</li>"
            }
            body += "</ul></section>\n"
        }
        return page(body)
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
        .tile { background: #fff; border: 1px solid #e5e7eb; border-radius: 8px; padding: 0.7rem 1rem; min-width: 9rem; }
        .tile .label { font-size: 0.8rem; color: #6b7280; } .tile .big { font-size: 1.6rem; font-weight: 600; }
        table { border-collapse: collapse; margin-top: 0.6rem; } td, th { padding: 0.2rem 0.7rem; border-bottom: 1px solid #e5e7eb; text-align: right; }
        td:first-child, th:first-child { text-align: left; }
        svg { display: block; max-width: 100%; height: auto; } svg text { font-size: 10px; fill: #4b5563; }
        svg .value, svg .label { text-anchor: middle; } svg .end { text-anchor: end; }
        .bar { fill: #3b82f6; } .daily .bar { fill: #10b981; } .stability .bar { fill: #8b5cf6; }
        .h0 { fill: #ebedf0; } .h1 { fill: #9be9a8; } .h2 { fill: #40c463; } .h3 { fill: #30a14e; } .h4 { fill: #216e39; }
        .line { fill: none; stroke: #3b82f6; stroke-width: 2; } .dot { fill: #3b82f6; }
        .desired { stroke: #f59e0b; stroke-dasharray: 4 3; }
        </style>
        </head>
        <body>
        \(body)</body>
        </html>

        """
    }
}
