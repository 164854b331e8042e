/// Renders a `StatsSummary` as a Markdown report for notes.
public enum StatsMarkdown {
    public static func render(_ s: StatsSummary) -> String {
        var out: [String] = [
            "# gloss progress report", "", "_Study day \(s.today.day) (\(s.timeZone), day starts \(s.rolloverHour):00)._", "",
        ]
        if s.isEmpty {
            out.append("No answers yet. Start a session with `gloss study`; this report fills in after it.")
            return out.joined(separator: "\n") + "\n"
        }
        let t = s.today
        out += [
            "## Today", "",
            "- Answered: \(t.answers.reviews) (\(StatsFormat.percent(t.answers.rate)) right)",
            "- New seen: \(t.newSeen)",
            "- New learned: \(t.newLearned)",
            "- Time spent: \(StatsFormat.duration(ms: t.timeSpentMs))",
            "- Estimated time for the \(s.forecast.first?.count ?? 0) due today: "
                + (s.estimatedTodayMs.map { StatsFormat.duration(ms: $0) } ?? "n/a"),
            "- Streak: \(s.streaks.current) days (longest \(s.streaks.longest))", "",
        ]
        if let advice = s.advice { out += ["> **Advice:** \(advice.message)", ""] }
        out += [
            "## Cards", "", "_Mastered: stability above 21 days._", "",
            "| Deck | New | Learning | Review | Relearning | Mastered | Total |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        for d in s.decks + (s.decks.count > 1 ? [s.totals] : []) {
            out.append(
                "| \(cell(d.title)) | \(d.new) | \(d.learning) | \(d.review) | \(d.relearning) | \(d.mastered) | \(d.total) |")
        }
        out += [
            "", "## Retention", "",
            "Desired retention: \(StatsFormat.percent(s.desiredRetention)). Remembered now (average retrievability): \(StatsFormat.percent(s.averageRetrievability)).",
            "",
            "| Period | True retention |", "| --- | ---: |",
            "| 7 days | \(StatsFormat.rate(s.retention7)) |",
            "| 30 days | \(StatsFormat.rate(s.retention30)) |",
            "| 365 days | \(StatsFormat.rate(s.retention365)) |",
            "| young (all time) | \(StatsFormat.rate(s.youngRetention)) |",
            "| mature (all time) | \(StatsFormat.rate(s.matureRetention)) |", "",
            "| Interval | True retention |", "| --- | ---: |",
        ]
        for b in s.retentionByInterval { out.append("| \(b.label) | \(StatsFormat.rate(b.figure)) |") }
        out += ["", "### By hour of day", "", "| Hour | True retention |", "| --- | ---: |"]
        for h in s.retentionByHour where h.figure.reviews > 0 {
            out.append("| \(StatsFormat.hour(h.hour)) | \(StatsFormat.rate(h.figure)) |")
        }
        out += ["", "## Due in the next 14 days", "", "| Day | Due |", "| --- | ---: |"]
        for d in s.forecast { out.append("| \(d.day) | \(d.count) |") }
        out += ["", "## Answers and time in the last 30 days", "", "| Day | Answers | Time |", "| --- | ---: | ---: |"]
        for (a, t) in zip(s.answersPerDay, s.timePerDay) where a.count > 0 || t.count > 0 {
            out.append("| \(a.day) | \(a.count) | \(StatsFormat.duration(ms: t.count * 1000)) |")
        }
        out += ["", "```"]
        out += StatsText.columns(s.answersPerDay, height: 6) { text, _ in text }
        out += ["```", "", "## Ratings by card age", "", "| Age | Again | Hard | Good | Easy | Total |"]
        out.append("| --- | ---: | ---: | ---: | ---: | ---: |")
        for r in s.ratingsByAge { out.append("| \(r.age) | \(r.again) | \(r.hard) | \(r.good) | \(r.easy) | \(r.total) |") }
        for (title, buckets) in [
            ("Intervals (review cards)", s.intervals), ("Stability", s.stability), ("Difficulty", s.difficulty),
        ] {
            out += ["", "## \(title)", "", "| Range | Cards |", "| --- | ---: |"]
            for b in buckets { out.append("| \(b.label) | \(b.count) |") }
        }
        out += ["", "## Accuracy by question format", "", "| Format | Right |", "| --- | ---: |"]
        for f in s.accuracyByFormat { out.append("| \(f.format) | \(StatsFormat.rate(f.figure)) |") }
        out += ["", "## Activity, last 52 weeks", "", "```"]
        out += StatsText.heatmap(s.heatmap, width: 72) { text, _ in text }
        out.append("```")
        if !s.hardest.isEmpty {
            out += [
                "", "## Hardest cards", "",
                "| Term | Facet | Lapses, last \(StatsSummary.recentDays) days | Lapses | Difficulty | Last lapse |",
                "| --- | --- | ---: | ---: | ---: | --- |",
            ]
            for c in s.hardest {
                out.append(
                    "| \(cell(c.term)) | \(c.card.facet.rawValue) | \(c.recentLapses) | \(c.lapses) | "
                        + "\(c.difficulty.map { String(format: "%.1f", $0) } ?? "n/a") | \(c.lastLapse ?? "n/a") |")
            }
        }
        if !s.confusedPairs.isEmpty {
            out += ["", "## Most confused", ""]
            for p in s.confusedPairs {
                out.append(
                    "- You picked *\(inline(p.pickedTerm))* for *\(inline(p.askedTerm))* \(p.count) time\(p.count == 1 ? "" : "s")."
                )
            }
        }
        out += ["", "## What the figures mean", ""]
        for (figure, meaning) in StatsGlossary.definitions { out.append("- **\(figure)**: \(meaning)") }
        return out.joined(separator: "\n") + "\n"
    }

    /// Text safe inside a table cell: no pipes or line breaks.
    static func cell(_ text: String) -> String {
        inline(text).replacingOccurrences(of: "|", with: "\\|")
    }

    /// Text safe inside emphasis: Markdown punctuation escaped, one line.
    static func inline(_ text: String) -> String {
        var out = ""
        for ch in text.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ") {
            if "\\`*_[]<>#".contains(ch) { out.append("\\") }
            out.append(ch)
        }
        return out
    }
}
