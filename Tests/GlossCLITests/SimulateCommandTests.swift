import Foundation
import GlossCore
import GlossStore
import Testing

@testable import GlossCLI

/// `gloss simulate`: the workload forecast, one-shot and in the REPL, with its usage errors.
@Suite struct SimulateCommandTests {
    let now = "2026-01-01T09:00:00Z"

    func gloss(_ arguments: [String], input: String = "", in folder: URL) throws -> BinaryRunner.Output {
        try BinaryRunner.run(arguments + ["--learner", "ann"], input: input, in: folder)
    }

    struct Forecast: Decodable {
        struct Day: Decodable {
            var day: Int
            var date: String
            var reviews: Int
            var newCards: Int
            var minutes: Double
            var memorised: Double?
        }
        struct Row: Decodable {
            var retention: Double
            var averageMinutes: Double
        }
        var retention: Double
        var newPerDay: Int
        var days: [Day]
        var retentionTable: [Row]
    }

    func forecast(_ arguments: [String], in folder: URL) throws -> Forecast {
        let run = try gloss(["simulate", "--json", "--now", now] + arguments, in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        return try JSONDecoder().decode(Forecast.self, from: Data(run.stdout.utf8))
    }

    @Test func aNewLearnersForecastStartsTheDaysNewCardsAndTimesEachAnswer() throws {
        let folder = try BinaryRunner.shippedDeckWorkspace()
        // Flashcards: every answer takes the default 5 s, so minutes are answers × 5 s.
        _ = try gloss(["set", "flip", "on"], in: folder)
        let f = try forecast(["--days", "30", "--new-per-day", "4"], in: folder)
        #expect(f.days.count == 30)
        #expect(f.days.first?.date == "2026-01-01")
        #expect(f.newPerDay == 4)
        #expect(f.days.prefix(5).map(\.newCards) == [4, 4, 4, 4, 4])
        for day in f.days { #expect(abs(day.minutes - Double(day.reviews) * 5 / 60) < 1e-9) }
        #expect(f.days[0].reviews >= 4)
        #expect((f.days.last?.memorised ?? 0) > (f.days[0].memorised ?? 0))
        #expect(f.retentionTable.map(\.retention) == [0.80, 0.85, 0.90, 0.95])
        #expect(f.retentionTable[3].averageMinutes >= f.retentionTable[0].averageMinutes)
        // The setting is the default; --retention outside the table adds its row.
        #expect(try forecast(["--days", "3"], in: folder).days[0].newCards == 10)
        let own = try forecast(["--days", "3", "--retention", "0.87"], in: folder)
        #expect(own.retention == 0.87)
        #expect(own.retentionTable.map(\.retention) == [0.80, 0.85, 0.87, 0.90, 0.95])
    }

    @Test func theTextHasTheWeeksTheMemorisedAndTheRetentionTable() throws {
        let folder = try BinaryRunner.shippedDeckWorkspace()
        let run = try gloss(["simulate", "--days", "14", "--now", now], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0].hasPrefix("Forecast for ann: ") && lines[0].hasSuffix(" new) over 14 days."))
        #expect(lines[1] == "Answer times: the defaults (no format has 10 answers in your last 30 days).")
        #expect(lines[3].hasPrefix("week of      reviews/day"))
        #expect(lines[4].hasPrefix("2026-01-01 "))
        #expect(lines[5].hasPrefix("2026-01-08 "))
        #expect(lines[6].hasPrefix("memorised entries: after 1 day "))
        #expect(lines[7].hasPrefix("on average "))
        #expect(lines[9] == "retention  answers/day  minutes/day  memorised at end  left over at end")
        #expect(lines[12].hasPrefix("0.90 ") && lines[12].hasSuffix("← yours"))
        // The same seed gives the same forecast.
        #expect(try gloss(["simulate", "--days", "14", "--now", now], in: folder).stdout == run.stdout)
    }

    @Test func theLearnersOwnMedianAnswerTimeIsUsed() throws {
        let folder = try BinaryRunner.shippedDeckWorkspace()
        do {
            let store = try ProgressStore(folder: folder.appendingPathComponent("Progress"), learner: "ann")
            defer { try? store.close() }
            let card = CardKey(deck: "ai-safety", entry: "ai-safety", facet: .recognize)
            let yesterday = Date(timeIntervalSince1970: 1_767_171_600)  // 2025-12-31T09:00:00Z
            _ = try store.appendAll(
                (0..<11).map { i in
                    ReviewRecord(
                        seq: 0, kind: .practice, time: yesterday.addingTimeInterval(Double(i) * 60), card: card,
                        format: .choiceTerm, correct: true, rating: .good, responseMs: 2000 + 200 * i)
                })
        }
        let run = try gloss(["simulate", "--days", "7", "--now", now], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        // The median of 2.0, 2.2, … 4.0 s (the line wraps at 80 columns).
        #expect(
            run.stdout.split(separator: "\n")[1...2].joined(separator: " ")
                == "Answer times (your median over your last 30 days): choice-term 3.0 s; other formats the defaults.")
    }

    @Test func badValuesAreUsageErrors() throws {
        let folder = try BinaryRunner.shippedDeckWorkspace()
        for (arguments, message) in [
            (["--days", "0"], "Error: --days must be 1–3650, not 0"),
            (["--retention", "1.2"], "Error: --retention must be 0.70–0.99, not 1.2"),
            (["--new-per-day=-1"], "Error: --new-per-day must be 0–9999, not -1"),
        ] {
            let run = try gloss(["simulate"] + arguments, in: folder)
            #expect(run.status == 2)
            #expect(run.stdout == "")
            #expect(run.stderr.hasPrefix(message + "\n"), "\(run.stderr)")
        }
    }

    @Test func itRunsInTheREPLAndIsInItsHelp() throws {
        let folder = try BinaryRunner.shippedDeckWorkspace()
        let run = try gloss(["--now", now], input: "simulate --days 7\nhelp simulate\n", in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("over 7 days."))
        #expect(run.stdout.contains("--new-per-day"))
        #expect(REPL.commandNames.contains("simulate"))
    }
}
