import Foundation
import Testing

@testable import GlossCore

@Suite struct StatsRenderTests {
    let s = StatsFixture.summary(now: "2024-01-10T17:00:00Z")
    let empty = StatsFixture.summary(now: "2024-01-10T17:00:00Z", records: [], states: [:])

    /// Tag names in order, with closing tags as `/name`; void and self-closed tags left out.
    static func tags(_ html: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: "<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*?(/?)>")
        let void: Set<String> = ["meta", "br", "hr", "img", "link", "input"]
        return regex.matches(in: html, range: NSRange(html.startIndex..., in: html)).compactMap { match in
            let ns = html as NSString
            let name = ns.substring(with: match.range(at: 2)).lowercased()
            if void.contains(name) || ns.substring(with: match.range(at: 3)) == "/" { return nil }
            return (ns.substring(with: match.range(at: 1)) == "/" ? "/" : "") + name
        }
    }

    static func balanced(_ html: String) -> Bool {
        var stack: [String] = []
        for tag in tags(html) {
            if tag.hasPrefix("/") {
                guard stack.popLast() == String(tag.dropFirst()) else { return false }
            } else {
                stack.append(tag)
            }
        }
        return stack.isEmpty
    }

    @Test func balanceCheckerCatchesAnUnclosedTag() {
        #expect(Self.balanced("<p><em>x</em></p>"))
        #expect(!Self.balanced("<p><em>x</p>"))
    }

    @Test func htmlIsSelfContainedBalancedAndHasTheCharts() {
        let html = StatsHTML.render(s)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(Self.balanced(html))
        #expect(!html.contains("http://") && !html.contains("https://"))
        #expect(!html.contains("src=") && !html.contains("<script"))
        for chart in [
            "class=\"heatmap\"", "class=\"forecast\"", "class=\"retention\"", "class=\"stability\"", "class=\"daily\"",
            "class=\"intervals\"", "class=\"difficulty\"",
        ] {
            #expect(html.contains("<svg " + chart), "missing \(chart)")
        }
        // Heatmap, forecast, answers and time per day, retention, intervals, stability, difficulty.
        #expect(html.components(separatedBy: "<svg").count - 1 == 8)
        // Month labels over the heatmap: Feb 2023 to Jan 2024.
        #expect(html.contains("class=\"month\">Feb</text>") && html.contains("class=\"month\">Jan</text>"))
        // The retention chart starts at the week of the first answer (Jan 3), not a year back.
        #expect(html.contains("class=\"axis\">2024-01-01</text><text x=\"552\" y=\"154\" class=\"axis end\">2024-01-08</text>"))
        #expect(!html.contains("class=\"axis\">2023-01-16</text>"))
        #expect(html.contains("<dt>mastered</dt>"))
        #expect(html.contains("You picked <em>Inner Alignment</em> for <em>Mesa-Optimization</em> 2 times."))
        // The term with markup and quotes is escaped.
        var states = StatsFixture.states
        states[StatsFixture.key("c", .recognize)]?.lapses = 1
        let hard = StatsHTML.render(StatsFixture.summary(now: "2024-01-10T17:00:00Z", states: states))
        #expect(hard.contains("<td>Reward &lt;Hacking&gt;, &quot;quoted&quot;</td>"))
        #expect(!hard.contains("<Hacking>"))
        // 360 heatmap squares.
        #expect(html.components(separatedBy: "rx=\"2\" class=\"h").count - 1 == 360)
    }

    @Test func htmlEmptyStateIsAWelcome() {
        let html = StatsHTML.render(empty)
        #expect(Self.balanced(html))
        #expect(html.contains("Welcome!"))
        #expect(!html.contains("<svg"))
        #expect(!html.lowercased().contains("nan"))
    }

    @Test func terminalTextShowsEverySection() {
        let text = StatsText.render(s, width: 80) { text, _ in text }
        for section in [
            "Today (2024-01-10)", "Cards", "True retention (desired 90.0%)", "Due in the next 14 days (1 overdue, counted today)",
            "Answers in the last 30 days", "Activity, last 52 weeks", "Hardest cards", "Most confused",
        ] {
            #expect(text.contains(section), "missing \(section)")
        }
        #expect(text.contains("  answered 3, 66.7% right, 1 new seen, 0 new learned, 7s spent"))
        #expect(text.contains("  streak 3 days (longest 4)"))
        #expect(text.contains("  30 days   66.7% (2/3)"))
        #expect(text.contains("remembered now (average retrievability): 71.7%"))
        #expect(text.contains("  you picked Inner Alignment for Mesa-Optimization 2 times"))
        #expect(text.contains("  Wed "))
        #expect(!text.lowercased().contains("nan"))
        for line in text.split(separator: "\n") { #expect(line.count <= 80, "too wide: \(line)") }
    }

    @Test func terminalBarsScaleToTheWidestValue() {
        let lines = StatsText.bars([("a", 4), ("b", 2), ("c", 0)], width: 20, tone: .plain) { text, _ in text }
        // Room for 20 - 1 - 1 - 6 = 12 cells: 4 fills 12, 2 fills 6.
        #expect(lines == ["  a 4 " + String(repeating: "█", count: 12), "  b 2 " + String(repeating: "█", count: 6), "  c 0"])
    }

    @Test func paintIsCalledWithTones() {
        var tones: [Tone] = []
        _ = StatsText.render(s, width: 100) { text, tone in
            tones.append(tone)
            return text
        }
        #expect(tones.contains(.heading))
        #expect(tones.contains(.heat(4)))
        #expect(tones.contains(.heat(0)))
    }

    @Test func terminalEmptyStateIsFriendly() {
        let text = StatsText.render(empty, width: 80) { text, _ in text }
        #expect(text.hasPrefix("Welcome to gloss!\nNo answers yet"))
        #expect(text.contains("8 cards in 1 deck are waiting"))
    }

    @Test func markdownHasTablesAndEscapedTerms() {
        let md = StatsMarkdown.render(s)
        #expect(md.hasPrefix("# gloss progress report\n"))
        #expect(md.contains("| Safety | 5 | 1 | 2 | 0 | 1 | 8 |"))
        #expect(md.contains("| 7 days | 66.7% (2/3) |"))
        #expect(md.contains("- You picked *Inner Alignment* for *Mesa-Optimization* 2 times."))
        #expect(md.contains("| Mesa-Optimization | recall | 1 | 2 | 7.0 | 2024-01-08 |"))
        // Seq 9 rested 30 days (mature); seq 5 and 6 were young.
        #expect(md.contains("| young (all time) | 50.0% (1/2) |"))
        #expect(md.contains("| mature (all time) | 100.0% (1/1) |"))
        #expect(md.contains("| 03h | 0.0% (0/1) |"))
        #expect(md.contains("| new | 0 | 0 | 5 | 0 | 5 |"))
        #expect(md.contains("- **mastered**: cards whose stability"))
        #expect(StatsMarkdown.render(empty).contains("No answers yet."))
    }

    @Test func everyViewShowsTheSameFigures() throws {
        let text = StatsText.render(s, width: 100) { text, _ in text }
        let md = StatsMarkdown.render(s)
        let html = StatsHTML.render(s)
        let json = String(decoding: try StatsJSON.encode(s), as: UTF8.self)
        for view in [text, md, html] {
            #expect(view.contains("71.7%"))  // average retrievability
            #expect(view.contains("66.7% (2/3)") || view.contains("66.7%"))  // true retention
            #expect(view.contains("2024-01-10") || view.contains("01-10"))
        }
        #expect(json.contains("\"averageRetrievability\" : 0.7166666666666667"))
        #expect(json.contains("\"longest\" : 4"))
        #expect(text.contains("(longest 4)") && md.contains("(longest 4)") && html.contains("longest 4 d"))
    }
}
