import Foundation
import Testing

@testable import GlossCore

/// `WorkloadSimulation`: the forecast behind `gloss simulate`, on tiny literal learners.
@Suite struct WorkloadSimulationTests {
    let utc = TimeZone(secondsFromGMT: 0) ?? .current
    /// 2026-01-10 09:00 UTC.
    let now = Date(timeIntervalSince1970: 1_768_035_600)
    let day = 86_400.0

    func key(_ entry: String, _ facet: Facet) -> CardKey { CardKey(deck: "d", entry: EntryID(entry), facet: facet) }

    /// A card reviewed `ago` days before now, due `dueIn` days from now, that its learner
    /// will not forget within the forecast (stability 10,000 days).
    func known(ago: Double, dueIn: Double) -> CardState {
        CardState(
            phase: .review, stability: 10_000, difficulty: 5, due: now.addingTimeInterval(dueIn * day),
            lastReview: now.addingTimeInterval(-ago * day), reps: 3)
    }

    /// `count` review cards with a 20-day memory, all due now.
    func dueToday(_ count: Int) -> [(key: CardKey, state: CardState)] {
        (0..<count).map { i in
            (
                key("e\(i)", .recognize),
                CardState(
                    phase: .review, stability: 20, difficulty: 5, due: now, lastReview: now.addingTimeInterval(-20 * day),
                    reps: 3)
            )
        }
    }

    func simulation(_ cards: [(key: CardKey, state: CardState)], settings: LearnerSettings = LearnerSettings())
        -> WorkloadSimulation
    {
        var sim = WorkloadSimulation(cards: cards, settings: settings, now: now, clock: DayClock(timeZone: utc))
        sim.days = 10
        sim.newPerDay = 0
        for format in QuestionFormat.allCases { sim.secondsPerAnswer[format] = 12 }
        return sim
    }

    @Test func theDueCardsAreTheDaysReviewsAndMinutesAreReviewsTimesTheAnswerTime() throws {
        let cards = [
            (key("a", .recognize), known(ago: 1, dueIn: 0)),
            (key("a", .recall), known(ago: 3, dueIn: -2)),  // overdue: asked today
            (key("a", .relate), known(ago: 1, dueIn: 0.1)),  // due later today
            (key("b", .recognize), known(ago: 4, dueIn: 5)),
            (key("b", .recall), known(ago: 4, dueIn: 5.2)),
        ]
        let forecast = try simulation(cards).run()
        #expect(forecast.days.count == 10)
        #expect(forecast.days.map(\.reviews) == [3, 0, 0, 0, 0, 2, 0, 0, 0, 0])
        for d in forecast.days { #expect(d.minutes == Double(d.reviews) * 12 / 60) }
        #expect(forecast.days.map(\.date).prefix(2) == ["2026-01-10", "2026-01-11"])
        // Memorised after today's session: entry a's three cards were just answered (R = 1,
        // a third each); entry b's two are 4 days old (half each).
        let w = LearnerSettings.defaultFSRSParameters
        let rB = FSRS.retrievability(elapsedDays: 4.0, stability: 10_000.0, w: w)
        #expect(abs((forecast.days[0].memorised ?? 0) - (1 + rB)) < 1e-12)
        #expect((forecast.days[0].memorised ?? 2) < 2)
        #expect(abs(forecast.averageMinutes - 5 * 0.2 / 10) < 1e-12)
    }

    @Test func theForecastBalancesTheLoadAsTheStudyDoes() throws {
        // 400 cards all due today with a 20-day memory: their next reviews spread over the
        // fuzz range, more evenly with the load balancer on (the default) than off.
        let cards = dueToday(400)
        var settings = LearnerSettings()
        settings.reviewsPerDay = 9999
        settings.backlogSpread = 0
        func peak(_ settings: LearnerSettings) throws -> Int {
            var sim = simulation(cards, settings: settings)
            sim.days = 40
            // Days 0-4 hold the lapses coming back; the good answers fall due from day 5.
            return try sim.run().days.dropFirst(5).map(\.reviews).max() ?? 0
        }
        let balanced = try peak(settings)
        settings.loadBalance = false
        let plain = try peak(settings)
        #expect(balanced < plain, "peak day \(balanced) with the balancer, \(plain) without")
    }

    @Test func theForecastSpreadsABacklogAsTheStudyDoes() throws {
        // 400 review cards every 20 days, all due, and 10 new cards a day: a usual load of
        // 20 + 10, so a day asks ⌈1.25 × 30⌉ = 38 reviews and no new card while reviews wait.
        let reviews = dueToday(400)
        let news = (0..<30).map { (key("n\($0)", .recall), CardState.new) }
        var sim = simulation(reviews + news)
        sim.newPerDay = 10
        sim.days = 30
        var forecast = try sim.run()
        #expect(forecast.days[0].reviews == 38)
        #expect(forecast.days[0].backlog == 362)
        #expect(forecast.days[0].newCards == 0)
        let waiting = forecast.days.firstIndex { $0.backlog == 0 } ?? forecast.days.count
        #expect(waiting > 5)
        #expect(forecast.days[..<waiting].allSatisfy { $0.newCards == 0 })
        #expect(forecast.days[waiting].newCards == 10)
        sim.settings.backlogSpread = 0
        forecast = try sim.run()
        #expect(forecast.days[0].reviews == 200)
        #expect(forecast.days[0].backlog == 200)
    }

    @Test func reviewsOverTheDailyLimitWaitForTheNextDay() throws {
        var settings = LearnerSettings()
        settings.reviewsPerDay = 2
        let cards = (0..<5).map { (key("e\($0)", .recognize), known(ago: 2, dueIn: 0)) }
        let forecast = try simulation(cards, settings: settings).run()
        #expect(forecast.days.prefix(4).map(\.reviews) == [2, 2, 1, 0])
        #expect(forecast.days.prefix(4).map(\.backlog) == [3, 1, 0, 0])
    }

    @Test func newCardsComeAtNewPerDayThroughTheirLearningSteps() throws {
        let settings = LearnerSettings()
        var sim = simulation((0..<5).map { (key("n\($0)", .recall), CardState.new) }, settings: settings)
        sim.newPerDay = 2
        let forecast = try sim.run()
        #expect(forecast.days.prefix(4).map(\.newCards) == [2, 2, 1, 0])
        // A presented card is known at once: good at every step until it graduates.
        let scheduler = try FSRSScheduler(settings: settings)
        var state = CardState.new
        var answers = 0
        while state.phase != .review {
            state = scheduler.review(state, rating: .good, at: now, fuzzSeed: 1)
            answers += 1
        }
        #expect(answers == 2)
        #expect(forecast.days[0].reviews == 2 * answers)
        #expect(forecast.days[2].reviews >= answers)
    }

    @Test func theSameSeedGivesTheSameForecastAndHigherRetentionCostsMore() throws {
        var cards: [(key: CardKey, state: CardState)] = []
        for i in 0..<300 {
            var state = CardState.new
            if i < 200 {
                state = CardState(
                    phase: .review, stability: Double(1 + i % 30), difficulty: 5,
                    due: now.addingTimeInterval(Double(i % 7) * day),
                    lastReview: now.addingTimeInterval(-Double(i % 30) * day), reps: 2)
            }
            cards.append((key("e\(i)", .recognize), state))
        }
        var sim = simulation(cards)
        sim.days = 120
        sim.newPerDay = 5
        let table = try sim.retentionTable([0.80, 0.95])
        #expect(try sim.retentionTable([0.80, 0.95]) == table)
        // Side by side, the same figures.
        let both = try sim.runWithTable([0.80, 0.95])
        #expect(both.table == table)
        #expect(try both.forecast == sim.run())
        #expect(both.forecast.days.allSatisfy { $0.memorised != nil })
        #expect(table.map(\.retention) == [0.80, 0.95])
        #expect(table[1].averageReviews > table[0].averageReviews)
        #expect(table[1].memorisedAtEnd > table[0].memorisedAtEnd)
        #expect(table.allSatisfy { $0.days.reduce(0) { $0 + $1.newCards } == 100 })
        // The table counts memorised entries on the last day only; the forecast every day.
        #expect(table[0].days.dropLast().allSatisfy { $0.memorised == nil } && table[0].days.last?.memorised != nil)
        var daily = sim
        daily.settings.desiredRetention = 0.80
        let forecast = try daily.run()
        #expect(forecast.days.allSatisfy { $0.memorised != nil })
        #expect(forecast.memorisedAtEnd == table[0].memorisedAtEnd)
        #expect(forecast.days.map(\.reviews) == table[0].days.map(\.reviews))
    }

    @Test func theBacklogCutKeepsTheLowestRetrievabilities() {
        var rng = SplitMix64(seed: 9)
        for n in [0, 1, 2, 5, 50, 1000] {
            let items = (0..<n).map { i in Candidate(r: Double(Int.random(in: 0..<20, using: &rng)) / 20, card: Int32(i)) }
            for k in [0, 1, 3, n / 2, n, n + 1] {
                var cut = items
                let taken = Candidate.lowest(k, of: &cut)
                #expect(taken == min(k, n))
                #expect(cut[..<taken].sorted(by: <) == Array(items.sorted(by: <).prefix(taken)))
                #expect(cut.sorted(by: <) == items.sorted(by: <))
            }
        }
    }

    @Test func theFormatLadderPicksTheAnswerTime() throws {
        // Stability past the typed threshold: recognize is asked typed (20 s), else as a choice (5 s).
        var sim = simulation([
            (key("a", .recognize), known(ago: 1, dueIn: 0)),
            (
                key("b", .recognize),
                CardState(
                    phase: .review, stability: 3, difficulty: 5, due: now, lastReview: now.addingTimeInterval(-day), reps: 1)
            ),
        ])
        sim.secondsPerAnswer = [.typed: 20, .choiceTerm: 5]
        sim.days = 1
        let forecast = try sim.run()
        #expect(forecast.days[0].reviews == 2)
        #expect(forecast.days[0].minutes == 25.0 / 60)
        #expect(sim.seconds(for: .cloze) == LearnerModel().medianSeconds(for: .cloze))
    }

    @Test func theTextShowsWeeksMemorisedAndTheRetentionTable() throws {
        let days = (0..<14).map { d in
            WorkloadForecast.Day(
                day: d, date: "2026-01-\(10 + d)", reviews: d < 7 ? 10 : 20, newCards: 0, minutes: d < 7 ? 1 : 2,
                memorised: Double(d), backlog: 0)
        }
        let forecast = WorkloadForecast(retention: 0.9, newPerDay: 0, days: days)
        let lines = forecast.text(width: 60)
        #expect(lines.count == 5)
        #expect(lines[1].hasPrefix("2026-01-10     10.0 "))
        #expect(lines[2].hasPrefix("2026-01-17     20.0 "))
        #expect(lines[3] == "memorised entries: after 1 day 0 · after 14 days 13")
        #expect(lines[4] == "on average 15.0 answers and 1.5 minutes a day (retention 0.90, 0 new a day)")
        // The busier week's bar is twice as long.
        let bars = lines[1...2].map { $0.filter { $0 == "█" }.count }
        #expect(bars[1] == 2 * bars[0])
        let table = WorkloadForecast.retentionTable([forecast], current: 0.9)
        #expect(
            table == [
                "retention  answers/day  minutes/day  memorised at end  left over at end",
                "0.90              15.0          1.5                13                 0  ← yours",
            ])
        var behind = forecast
        behind.days[13].backlog = 40
        #expect(
            WorkloadForecast.retentionTable([behind], current: 0.8) == [
                "retention  answers/day  minutes/day  memorised at end  left over at end",
                "0.90              15.0          1.5                13                40",
                "(left over: due reviews past the daily limit, reviews-per-day)",
            ])
    }
}
