import Foundation

/// A forecast of a learner's daily workload: their cards, as they stand, studied every day
/// for `days` days by a simulated learner whose memory is the learner's own FSRS model.
///
/// Each card's true memory (``TrueMemory``) starts from its current FSRS state and follows
/// the learner's parameters; an answer is recalled with the true retrievability at that
/// moment (rated *good*, else *again*) and the card is rescheduled by gloss's scheduler with
/// the learner's settings (desired retention, steps, fuzz, maximum interval). Every study day
/// one session, at `now`'s time of day: the learning cards due, the due reviews lowest
/// retrievability first up to the study's review limit (`reviewsPerDay`, and on a backlog
/// `backlogSpread` × the usual load, ``BacklogSpread``; the rest wait for the next day), then
/// up to `newPerDay` new cards in deck order (none while reviews wait, under `newOnBacklog
/// pause`; no more than `dailyTarget` leaves room for), each answered through its same-day
/// learning steps.
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
/// - Complexity: O(days × cards) for the memorised figure (``memorisedDaily``) and for
///   choosing among a backlog (a selection, not a sort), plus O(answers) scheduler steps.
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
    /// Whether the entries memorised are counted every day (else on the last day only: a
    /// count costs one retrievability per card).
    public var memorisedDaily = true

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
    public func run() throws(CoreError) -> WorkloadForecast {
        try run(settings.makeScheduler(dayClock: clock))
    }

    /// The same forecast at each desired retention of `retentions` (same cards, same draws),
    /// with the entries memorised counted on the last day only (the table needs no more).
    public func retentionTable(_ retentions: [Double]) throws(CoreError) -> [WorkloadForecast] {
        var forecasts: [WorkloadForecast] = []
        for retention in retentions {
            var other = self
            other.settings.desiredRetention = retention
            other.memorisedDaily = false
            forecasts.append(try other.run())
        }
        return forecasts
    }

    /// ``run()`` and ``retentionTable(_:)`` at once, the runs side by side (one thread each,
    /// as many at a time as there are processors): the same figures, in less time when a
    /// second core is free.
    public func runWithTable(_ retentions: [Double]) throws(CoreError) -> (
        forecast: WorkloadForecast, table: [WorkloadForecast]
    ) {
        var jobs = [self]
        for retention in retentions {
            var other = self
            other.settings.desiredRetention = retention
            other.memorisedDaily = false
            jobs.append(other)
        }
        var schedulers: [any Scheduler] = []
        for job in jobs { schedulers.append(try job.settings.makeScheduler(dayClock: clock)) }
        var results = [WorkloadForecast?](repeating: nil, count: jobs.count)
        let runs = zip(jobs, schedulers).map { ($0, $1) }
        results.withUnsafeMutableBufferPointer { buffer in
            let slots = ForecastSlots(buffer: buffer)
            DispatchQueue.concurrentPerform(iterations: runs.count) { k in slots.buffer[k] = runs[k].0.run(runs[k].1) }
        }
        let forecasts = results.compactMap { $0 }
        return (forecasts[0], Array(forecasts.dropFirst()))
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

/// The result slots of side-by-side runs: each thread writes only its own slot.
private struct ForecastSlots: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<WorkloadForecast?>
}
