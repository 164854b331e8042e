import Foundation
import Testing

/// `stats` of a simulated month agrees with a count made here, from the journal's JSON lines
/// alone (no GlossCore stats code): every section the issue lists.
@Suite(.serialized) struct MonthLearnerStatsTests {
    struct Answer {
        var kind: String
        var time: Date
        var card: String
        var format: String?
        var correct: Bool
        var rating: Int
        var ms: Int
        var before: [String: Any]?
        var after: [String: Any]?
    }

    /// A card state of the journal, `[phase, reps, lapses, step, stability, difficulty, due,
    /// lastReview, ease, intervalDays]` (trailing nulls left out), by name.
    static func state(_ value: Any?) -> [String: Any]? {
        guard let array = value as? [Any] else { return nil }
        let names = ["phase", "reps", "lapses", "step", "stability", "difficulty", "due", "lastReview", "ease", "intervalDays"]
        var state: [String: Any] = [:]
        for (name, item) in zip(names, array) where !(item is NSNull) { state[name] = item }
        return state
    }

    static func answers(_ journal: URL) throws -> [Answer] {
        let text = try String(contentsOf: journal, encoding: .utf8)
        let iso = ISO8601DateFormatter()
        iso.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let plain = ISO8601DateFormatter()
        var answers: [Answer] = []
        for line in text.split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let timeText = try #require(object["time"] as? String)
            let time = try #require(iso.date(from: timeText) ?? plain.date(from: timeText))
            // Journal version 2: the card is [deck, entry, facet], states are arrays.
            let key = try #require(object["card"] as? [String])
            let card = key.joined(separator: "/")
            answers.append(
                Answer(
                    kind: object["kind"] as? String ?? "review", time: time, card: card, format: object["format"] as? String,
                    correct: object["correct"] as? Bool ?? false, rating: object["rating"] as? Int ?? 0,
                    ms: object["ms"] as? Int ?? 0, before: Self.state(object["before"]), after: Self.state(object["after"])))
        }
        return answers
    }

    static let folder: URL = {
        let folder = (try? BinaryRunner.temporaryFolder()) ?? FileManager.default.temporaryDirectory
        try? MonthLearner.make(in: folder)
        return folder
    }()

    func gloss(_ arguments: [String]) throws -> BinaryRunner.Output {
        try BinaryRunner.run(
            ["--learner", "m", "--now", MonthLearner.now] + arguments, in: Self.folder,
            environment: ["TZ": "UTC", "COLUMNS": "80"])
    }

    func summary() throws -> [String: Any] {
        let out = try gloss(["export", "--format", "json", "-o", "-"])
        #expect(out.status == 0, "\(out.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
    }

    /// Study day of `time` (UTC, rollover 4).
    static func day(_ time: Date) -> Int { Int(((time.timeIntervalSince1970 - 4 * 3600) / 86_400).rounded(.down)) }
    static let today = day(ISO8601DateFormatter().date(from: MonthLearner.now) ?? Date())

    static func phase(_ state: [String: Any]?) -> String { state?["phase"] as? String ?? "new" }

    @Test func theMonthIsWhatTheIssueTried() throws {
        let answers = try Self.answers(Self.folder.appendingPathComponent("Progress/m.reviews.jsonl"))
        #expect(answers.count > 1500)
        #expect(Set(answers.map { Self.day($0.time) }).count == 26)
    }

    @Test func todayAndTimePerDayAgreeWithTheJournal() throws {
        let answers = try Self.answers(Self.folder.appendingPathComponent("Progress/m.reviews.jsonl"))
        let s = try summary()
        let todays = answers.filter { Self.day($0.time) == Self.today }
        let today = try #require(s["today"] as? [String: Any])
        let answered = try #require(today["answers"] as? [String: Any])
        #expect(answered["reviews"] as? Int == todays.count)
        #expect(answered["correct"] as? Int == todays.filter(\.correct).count)
        #expect(today["newSeen"] as? Int == todays.filter { Self.phase($0.before) == "new" }.count)
        let learned = todays.filter {
            ["new", "learning"].contains(Self.phase($0.before)) && Self.phase($0.after) == "review" && $0.correct
        }
        #expect(today["newLearned"] as? Int == learned.count)
        #expect(today["timeSpentMs"] as? Int == todays.reduce(0) { $0 + $1.ms })
        #expect(s["totalAnswers"] as? Int == answers.count)

        var seconds: [Int: Int] = [:]
        for a in answers { seconds[Self.day(a.time), default: 0] += a.ms }
        let perDay = try #require(s["timePerDay"] as? [[String: Any]])
        #expect(perDay.count == 30)
        for (i, row) in perDay.enumerated() {
            #expect(row["count"] as? Int == (seconds[Self.today - 29 + i] ?? 0) / 1000)
        }
        let text = try gloss(["stats"]).stdout
        let rate = String(format: "%.1f%%", Double(todays.filter(\.correct).count) / Double(todays.count) * 100)
        #expect(
            text.contains(
                "answered \(todays.count), \(rate) right, \(today["newSeen"] as? Int ?? -1) new seen, \(learned.count) new learned"
            ))
    }

    @Test func retentionRatingsHoursAndFormatsAgreeWithTheJournal() throws {
        let answers = try Self.answers(Self.folder.appendingPathComponent("Progress/m.reviews.jsonl"))
        let s = try summary()
        let reviews = answers.filter { $0.kind == "review" && Self.phase($0.before) == "review" }
        let recent = reviews.filter { Self.today - Self.day($0.time) < 30 }
        let r30 = try #require(s["retention30"] as? [String: Any])
        #expect(r30["reviews"] as? Int == recent.count)
        #expect(r30["correct"] as? Int == recent.filter(\.correct).count)

        // Young and mature: the scheduled interval before the answer, due minus last review.
        let iso = ISO8601DateFormatter()
        iso.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        func interval(_ state: [String: Any]?) -> Double {
            guard let due = (state?["due"] as? String).flatMap({ iso.date(from: $0) ?? ISO8601DateFormatter().date(from: $0) }),
                let last = (state?["lastReview"] as? String).flatMap({
                    iso.date(from: $0) ?? ISO8601DateFormatter().date(from: $0)
                })
            else { return 0 }
            return due.timeIntervalSince(last) / 86_400
        }
        let mature = reviews.filter { interval($0.before) >= 21 }
        let young = reviews.filter { interval($0.before) < 21 }
        #expect((s["youngRetention"] as? [String: Any])?["reviews"] as? Int == young.count)
        #expect((s["matureRetention"] as? [String: Any])?["reviews"] as? Int == mature.count)
        #expect((s["youngRetention"] as? [String: Any])?["correct"] as? Int == young.filter(\.correct).count)

        // Ratings by card age.
        func age(_ a: Answer) -> String {
            switch Self.phase(a.before) {
            case "new": "new"
            case "learning", "relearning": "learning"
            default: interval(a.before) >= 21 ? "mature" : "young"
            }
        }
        let rows = try #require(s["ratingsByAge"] as? [[String: Any]])
        #expect(rows.map { $0["age"] as? String } == ["new", "learning", "young", "mature"])
        for row in rows {
            let mine = answers.filter { $0.kind == "review" && age($0) == row["age"] as? String }
            for (name, value) in [("again", 1), ("hard", 2), ("good", 3), ("easy", 4)] {
                #expect(row[name] as? Int == mine.filter { $0.rating == value }.count, "\(row["age"] ?? "") \(name)")
            }
        }

        // True retention by hour (UTC here).
        let hours = try #require(s["retentionByHour"] as? [[String: Any]])
        for row in hours {
            let hour = try #require(row["hour"] as? Int)
            let mine = reviews.filter { Int($0.time.timeIntervalSince1970 / 3600) % 24 == hour }
            let figure = try #require(row["figure"] as? [String: Any])
            #expect(figure["reviews"] as? Int == mine.count, "hour \(hour)")
            #expect(figure["correct"] as? Int == mine.filter(\.correct).count, "hour \(hour)")
        }

        // Accuracy by format.
        let formats = try #require(s["accuracyByFormat"] as? [[String: Any]])
        #expect(Set(formats.compactMap { $0["format"] as? String }) == Set(answers.compactMap(\.format)))
        for row in formats {
            let mine = answers.filter { $0.format == row["format"] as? String }
            let figure = try #require(row["figure"] as? [String: Any])
            #expect(figure["reviews"] as? Int == mine.count)
            #expect(figure["correct"] as? Int == mine.filter(\.correct).count)
        }

        // The advice: a year's true retention far below 90% over more than 200 reviews.
        let all = reviews.filter { Self.today - Self.day($0.time) < 365 }
        let trueRetention = Double(all.filter(\.correct).count) / Double(all.count)
        #expect(all.count >= 200 && abs(trueRetention - 0.9) > 0.05)
        let advice = try #require(s["advice"] as? [String: Any])
        #expect(advice["reviews"] as? Int == all.count)
        let text = try gloss(["stats"]).stdout
        #expect(text.contains("gloss optimize"))
        #expect(text.contains(String(format: "True retention %.1f%% over %d reviews", trueRetention * 100, all.count)))
    }

    @Test func hardestAndConfusionsAgreeWithTheJournal() throws {
        let answers = try Self.answers(Self.folder.appendingPathComponent("Progress/m.reviews.jsonl"))
        let s = try summary()
        var recentLapses: [String: Int] = [:]
        for a in answers where a.kind == "review" && Self.phase(a.before) == "review" && !a.correct {
            if Self.today - Self.day(a.time) < 30 { recentLapses[a.card, default: 0] += 1 }
        }
        let hardest = try #require(s["hardest"] as? [[String: Any]])
        #expect(hardest.count == 10)
        let most = recentLapses.values.max() ?? 0
        #expect(hardest.first?["recentLapses"] as? Int == most)
        for card in hardest {
            let object = try #require(card["card"] as? [String: Any])
            let key = "\(object["deck"] ?? "")/\(object["entry"] ?? "")/\(object["facet"] ?? "")"
            #expect(card["recentLapses"] as? Int == recentLapses[key] ?? 0, "\(key)")
        }
        // Ranked by recent lapses.
        let counts = hardest.compactMap { $0["recentLapses"] as? Int }
        #expect(counts == counts.sorted(by: >))

        // Confusions: only from questions whose options are entries' names or definitions.
        let confusable = Set(["choice-term", "choice-definition", "typed", "matching"])
        let pairs = try #require(s["confusedPairs"] as? [[String: Any]])
        #expect(!pairs.isEmpty)
        let lines = try String(contentsOf: Self.folder.appendingPathComponent("Progress/m.reviews.jsonl"), encoding: .utf8)
        var counts2: [String: Int] = [:]
        for line in lines.split(separator: "\n") {
            let o = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            guard let picked = o["confused"] as? String, let format = o["format"] as? String, confusable.contains(format),
                let card = o["card"] as? [String], card.count == 3
            else { continue }
            counts2["\(card[1])>\(picked)", default: 0] += 1
        }
        for pair in pairs {
            let key = "\(pair["asked"] as? String ?? "")>\(pair["picked"] as? String ?? "")"
            #expect(pair["count"] as? Int == counts2[key], "\(key)")
        }
        #expect(pairs.first?["count"] as? Int == counts2.values.max())
    }

    @Test func theHTMLReportShowsEverySection() throws {
        let out = try gloss(["export", "--format", "html", "-o", "-"])
        #expect(out.status == 0)
        for heading in [
            "Time per day", "Ratings by card age", "Intervals (review cards)", "Stability", "Difficulty",
            "True retention by hour of day", "young (all time)", "mature (all time)", "Estimated time",
            "Accuracy by question format", "Hardest cards", "What the figures mean", "gloss optimize",
        ] {
            #expect(out.stdout.contains(heading), "missing \(heading)")
        }
        // The retention chart starts at the month's first week, not a year back.
        #expect(out.stdout.contains("class=\"axis\">2026-03-02</text>"))
    }

    @Test func theTerminalViewFitsEightyColumnsAndKeepsTheDeckTitle() throws {
        let text = try gloss(["stats"]).stdout
        for line in text.split(separator: "\n") { #expect(line.count <= 80, "too wide: \(line)") }
        #expect(text.contains("AI Safety"))
        for section in [
            "Time per day", "Ratings by card age", "Intervals", "Stability", "Difficulty", "True retention by hour of day",
            "young", "mature", "estimated time", "Accuracy by question format", "Hardest cards", "Most confused",
        ] {
            #expect(text.contains(section), "missing \(section)")
        }
    }
}
