import Foundation

/// Days of study by a ``SimulatedLearner`` through gloss's real queue, question generator,
/// answer matcher, grader and scheduler, on a moving clock.
///
/// Each day one session starts at `sessionHour` ± `jitterMinutes` (uniform); each answer
/// takes the learner's seconds and reading the feedback a few more, so the clock moves as it
/// does for a person. The session ends when the queue has nothing left to ask.
///
/// ```swift
/// let report = StudySimulation(deck: SimulationDeck.make(entries: 100), days: 90, seed: 1).run()
/// report.answersPerRecalledEntry
/// ```
public struct StudySimulation: Sendable {
    public var deck: Deck
    public var settings: LearnerSettings
    public var model: LearnerModel
    public var days: Int
    public var seed: UInt64
    public var timeZone: TimeZone
    public var sessionHour: Double = 9
    public var jitterMinutes: Double = 30
    /// Midnight (in `timeZone`) of the first day.
    public var start: Date
    /// Days (0 = the first) on which the learner does not study: a break.
    public var breakDays: Range<Int> = 0..<0

    public init(
        deck: Deck, settings: LearnerSettings = LearnerSettings(), model: LearnerModel = LearnerModel(), days: Int = 90,
        seed: UInt64 = 1, timeZone: TimeZone = TimeZone(secondsFromGMT: 0) ?? .current,
        start: Date = Date(timeIntervalSince1970: 1_767_225_600)
    ) {
        self.deck = deck
        self.settings = settings
        self.model = model
        self.days = days
        self.seed = seed
        self.timeZone = timeZone
        self.start = start
    }

    /// The instant day `day`'s session starts.
    func sessionStart(day: Int, using rng: inout some RandomNumberGenerator) -> Date {
        let jitter = jitterMinutes > 0 ? Double.random(in: -jitterMinutes...jitterMinutes, using: &rng) : 0
        return start.addingTimeInterval(Double(day) * 86_400 + sessionHour * 3600 + jitter * 60)
    }

    /// The instant the day-`days` recall is measured: the morning after the last session.
    var measuredAt: Date { start.addingTimeInterval(Double(days) * 86_400 + sessionHour * 3600) }

    /// Runs every day and reports; `log` (if given) receives each answer as it is graded.
    public func run(log: ((SimulatedReview) -> Void)? = nil) -> EfficiencyReport {
        var run = SimulationRun(self)
        var rng = SplitMix64(seed: seed)
        for day in 0..<days {
            let begin = sessionStart(day: day, using: &rng)
            if breakDays.contains(day) {
                run.daily.append(SimulatedDay())
                continue
            }
            run.session(at: begin, using: &rng, log: log)
        }
        return run.report(policy: "gloss", at: measuredAt)
    }
}

/// What one simulated study day asked: the workload the load balancer evens out.
public struct SimulatedDay: Hashable, Sendable {
    /// Answers given (learning steps and new cards included).
    public var answers = 0
    /// Answers to due reviews (what `reviews-per-day` caps).
    public var reviews = 0
    /// Due reviews left for later days because the review limit was reached.
    public var waitingReviews = 0
    /// Whether new cards paused for the backlog.
    public var newPaused = false
    /// The most reviews the day could hold (``StudyQueue/dailyReviewLimit``).
    public var reviewLimit = 0
    /// The usual daily load the day's queue measured (``StudyQueue/usualLoad``).
    public var usualLoad = 0.0
    /// The weekday of the session (nil on a break day).
    public var weekday: Weekday?

    public init() {}
}

/// One graded answer of a simulation, for tests that check what the learner was asked.
public struct SimulatedReview: Hashable, Sendable {
    public var time: Date
    public var card: CardKey
    public var format: QuestionFormat
    public var rating: Rating
    public var before: CardState
    public var after: CardState
    public var correct: Bool
    public var seconds: Double
}
