import Foundation

/// A forecast of a learner's daily workload: their cards, as they stand, studied every day
/// for `days` days by a simulated learner whose memory is the learner's own FSRS model.
///
/// Each card's true memory (``TrueMemory``) starts from its current FSRS state and follows
/// the learner's parameters; an answer is recalled with the true retrievability at that
/// moment (rated *good*, else *again*) and the card is rescheduled by gloss's scheduler with
/// the learner's settings (desired retention, steps, fuzz, maximum interval). Every study day
/// one session, at `now`'s time of day: the learning cards due, the due reviews lowest
/// retrievability first up to `reviewsPerDay` (the rest wait for the next day), then up to
/// `newPerDay` new cards in deck order, each answered through its same-day learning steps.
/// A new card is presented first when `presentNew` is on (it is then known at once), else its
/// first answer is a miss. An answer takes the learner's seconds for the format the ladder
/// asks it in (``QuestionGenerator/ladder(_:state:settings:)``). Siblings are not buried
/// and nothing is learned ahead: the forecast counts answers, not sessions.
///
/// ```swift
/// var sim = WorkloadSimulation(cards: pairs, settings: settings, now: now, clock: clock)
/// sim.days = 365
/// let forecast = sim.run()
/// forecast.averageMinutes      // minutes a day
/// forecast.days.last?.memorised   // entries known at the end (sum of retrievability)
/// ```
/// - Complexity: O(days × cards) for the memorised figure, plus O(answers) scheduler steps.
public struct WorkloadSimulation: Sendable {
    /// The cards in deck order with their states (`.new` for a card never answered).
    public var cards: [(key: CardKey, state: CardState)]
    public var settings: LearnerSettings
    /// Seconds an answer takes per format; a format not given takes ``defaultSeconds(for:)``.
    public var secondsPerAnswer: [QuestionFormat: Double] = [:]
    public var days: Int = 365
    /// New cards a day (default: the settings').
    public var newPerDay: Int
    public var seed: UInt64 = 1
    /// When the forecast starts: today's session is at this instant.
    public var now: Date
    public var clock: DayClock

    public init(cards: [(key: CardKey, state: CardState)], settings: LearnerSettings, now: Date, clock: DayClock) {
        self.cards = cards
        self.settings = settings
        self.newPerDay = settings.newPerDay
        self.now = now
        self.clock = clock
    }

    /// The answer time used for a format the learner has no answers of yet: the simulated
    /// learner's median (``LearnerModel/medianSeconds(for:)``).
    public static func defaultSeconds(for format: QuestionFormat) -> Double {
        LearnerModel().medianSeconds(for: format)
    }

    /// The seconds an answer in `format` takes in this forecast.
    public func seconds(for format: QuestionFormat) -> Double {
        secondsPerAnswer[format] ?? Self.defaultSeconds(for: format)
    }

    /// Runs the forecast at the settings' desired retention.
    public func run() throws(SettingsError) -> WorkloadForecast {
        try run(settings.makeScheduler(dayClock: clock))
    }

    /// The same forecast at each desired retention of `retentions` (same cards, same draws).
    public func retentionTable(_ retentions: [Double]) throws(SettingsError) -> [WorkloadForecast] {
        var forecasts: [WorkloadForecast] = []
        for retention in retentions {
            var other = self
            other.settings.desiredRetention = retention
            forecasts.append(try other.run())
        }
        return forecasts
    }

    private func run(_ scheduler: some Scheduler) -> WorkloadForecast {
        var run = WorkloadRun(self)
        var forecast = WorkloadForecast(retention: settings.desiredRetention, newPerDay: newPerDay, days: [])
        forecast.days.reserveCapacity(days)
        var rng = SplitMix64(seed: seed)
        for d in 0..<max(0, days) {
            forecast.days.append(run.day(d, scheduler: scheduler, using: &rng))
        }
        return forecast
    }
}

/// The state of a ``WorkloadSimulation`` between days: every card by index, and the days
/// cards fall due on (one bucket per forecast day, so a day never scans every card).
struct WorkloadRun {
    let simulation: WorkloadSimulation
    let constants: FSRSConstants
    let today: Int
    var states: [CardState]
    var memory: [TrueMemory?]
    /// Each card's share of its entry (1 / its entry's cards): memorised entries sum R × share.
    let share: [Double]
    let names: [String]
    let facets: [Facet]
    var due: [[Int32]]
    var backlog: [Int32] = []
    var fresh: [Int32] = []
    var nextFresh = 0
    /// The forecast day being studied.
    var day = 0

    init(_ simulation: WorkloadSimulation) {
        self.simulation = simulation
        constants = FSRSConstants(w: simulation.settings.fsrsParameters, desiredRetention: 0.9)
        today = simulation.clock.day(of: simulation.now)
        let n = simulation.cards.count
        states = simulation.cards.map(\.state)
        names = simulation.cards.map(\.key.description)
        facets = simulation.cards.map(\.key.facet)
        var perEntry: [String: Int] = [:]
        for card in simulation.cards { perEntry["\(card.key.deck)/\(card.key.entry)", default: 0] += 1 }
        share = simulation.cards.map { 1 / Double(perEntry["\($0.key.deck)/\($0.key.entry)"] ?? 1) }
        memory = Array(repeating: nil, count: n)
        due = Array(repeating: [], count: max(1, simulation.days))
        for (i, state) in states.enumerated() {
            switch state.phase {
            case .new:
                fresh.append(Int32(i))
            case .learning, .relearning, .review:
                if let last = state.lastReview {
                    memory[i] = TrueMemory(
                        stability: state.stability ?? state.intervalDays ?? 1, difficulty: state.difficulty ?? 5,
                        lastSeen: last)
                }
                schedule(i, notBefore: 0)
            }
        }
    }

    /// Puts card `i` in the bucket of the day it falls due (forecast day `notBefore` at the
    /// earliest: today for an overdue card, tomorrow for one answered today).
    mutating func schedule(_ i: Int, notBefore first: Int) {
        guard let date = states[i].due else { return }
        let d = max(first, simulation.clock.day(of: date) - today)
        if d < due.count { due[d].append(Int32(i)) }
    }

    mutating func day(_ d: Int, scheduler: some Scheduler, using rng: inout some RandomNumberGenerator) -> WorkloadForecast.Day {
        day = d
        let start = simulation.now.addingTimeInterval(Double(d) * 86_400)
        let studyDay = simulation.clock.day(of: start)
        let end = simulation.clock.start(ofDay: studyDay + 1)
        var learning: [Int32] = []
        var reviews: [(card: Int32, r: Double)] = []
        for i in backlog + due[d] {
            switch states[Int(i)].phase {
            case .review: reviews.append((i, scheduler.retrievability(of: states[Int(i)], at: start)))
            case .learning, .relearning, .new: learning.append(i)
            }
        }
        due[d] = []
        reviews.sort { $0.r != $1.r ? $0.r < $1.r : $0.card < $1.card }
        let limit = max(0, simulation.settings.reviewsPerDay)
        backlog = reviews.dropFirst(limit).map(\.card)
        var out = WorkloadForecast.Day(
            day: d, date: CivilDay(studyDay).description, reviews: 0, newCards: 0, minutes: 0, memorised: 0,
            backlog: backlog.count)
        var seconds = 0.0
        for i in learning { answer(Int(i), at: start, until: end, scheduler, &rng, &out.reviews, &seconds) }
        for (i, _) in reviews.prefix(limit) { answer(Int(i), at: start, until: end, scheduler, &rng, &out.reviews, &seconds) }
        let newCount = min(max(0, simulation.newPerDay), fresh.count - nextFresh)
        for _ in 0..<newCount {
            let i = Int(fresh[nextFresh])
            nextFresh += 1
            if simulation.settings.presentNew { memory[i] = TrueMemory.first(.hard, at: start, constants) }
            answer(i, at: start, until: end, scheduler, &rng, &out.reviews, &seconds)
        }
        out.newCards = newCount
        out.minutes = seconds / 60
        var memorised = 0.0
        for (i, m) in memory.enumerated() {
            if let m { memorised += m.recall(at: start, constants) * share[i] }
        }
        out.memorised = memorised
        return out
    }

    /// Answers card `i` at `time`, and again at each learning step due before `end`.
    private mutating func answer(
        _ i: Int, at time: Date, until end: Date, _ scheduler: some Scheduler, _ rng: inout some RandomNumberGenerator,
        _ answers: inout Int, _ seconds: inout Double
    ) {
        var at = time
        for _ in 0..<16 {
            let state = states[i]
            let format = QuestionGenerator.ladder(facets[i], state: state, settings: simulation.settings).first ?? .flashcard
            seconds += simulation.seconds(for: format)
            answers += 1
            let p = memory[i]?.recall(at: at, constants) ?? 0
            let rating: Rating = Double.random(in: 0..<1, using: &rng) < p ? .good : .again
            memory[i] = memory[i]?.exposed(rating, at: at, constants) ?? TrueMemory.first(rating, at: at, constants)
            let after = scheduler.review(state, rating: rating, at: at, fuzzSeed: FuzzSeed.of(names[i], reviews: state.reps))
            states[i] = after
            guard after.phase != .review, let next = after.due, next < end else { break }
            at = max(at, next)
        }
        schedule(i, notBefore: day + 1)
    }
}
