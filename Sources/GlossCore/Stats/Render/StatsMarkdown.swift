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
            "- New learned: \(t.newLearned)",
            "- Time spent: \(StatsFormat.duration(ms: t.timeSpentMs))",
            "- Streak: \(s.streaks.current) days (longest \(s.streaks.longest))", "",
            "## Cards", "",
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
            "| 365 days | \(StatsFormat.rate(s.retention365)) |", "",
            "| Interval | True retention |", "| --- | ---: |",
        ]
        for b in s.retentionByInterval { out.append("| \(b.label) | \(StatsFormat.rate(b.figure)) |") }
        out += ["", "## Due in the next 14 days", "", "| Day | Due |", "| --- | ---: |"]
        for d in s.forecast { out.append("| \(d.day) | \(d.count) |") }
        out += ["", "## Answers in the last 30 days", "", "```"]
        out += StatsText.columns(s.answersPerDay, height: 6) { text, _ in text }
        out += ["```", "", "## Activity, last 52 weeks", "", "```"]
        out += StatsText.heatmap(s.heatmap, width: 72) { text, _ in text }
        out.append("```")
        if !s.hardest.isEmpty {
            out += ["", "## Hardest cards", "", "| Term | Facet | Lapses | Recall now |", "| --- | --- | ---: | ---: |"]
            for c in s.hardest {
                out.append(
                    "| \(cell(c.term)) | \(c.card.facet.rawValue) | \(c.lapses) | \(StatsFormat.percent(c.retrievability)) |")
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
