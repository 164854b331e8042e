import Foundation

/// The FSRS-6 scheduler with learning and relearning steps, as py-fsrs 6.3.2 `review_card`.
///
/// Elapsed time counts whole days for the long-term formulas; under one day the short-term
/// update applies. With a `dayClock` (study), days are *study days* as Anki counts them: a
/// card answered yesterday is one day old today whatever the hour, so the queue (which takes
/// every card due before the end of the study day) and the formulas agree. Without one
/// (`gloss replay`, the py-fsrs oracle) they are whole 24-hour spans, floored, as py-fsrs.
/// Fuzz, when on, is drawn from the seed (deterministic).
///
/// ```swift
/// let fsrs = try FSRSScheduler(settings: LearnerSettings())
/// var s = CardState.new
/// s = fsrs.review(s, rating: .good, at: now, fuzzSeed: 1)   // learning, due in 10 minutes
/// ```
public struct FSRSScheduler: Scheduler, Hashable {
    /// The 21 parameters.
    public var w: [Double] { constants.w }
    public let desiredRetention: Double
    /// Learning steps in seconds; empty means a new card goes straight to review.
    public let learningSteps: [Double]
    /// Relearning steps in seconds; empty means a lapse is rescheduled in days.
    public let relearningSteps: [Double]
    public let maximumInterval: Int
    public let fuzz: Bool
    /// Study days for elapsed time (nil: 24-hour spans, as py-fsrs).
    public let dayClock: DayClock?
    let constants: FSRSConstants

    /// A scheduler from already-valid values (see ``FSRSParameters``).
    public init(
        parameters: FSRSParameters = .default, desiredRetention: Double = 0.9,
        learningSteps: [Double] = [60, 600], relearningSteps: [Double] = [600],
        maximumInterval: Int = 36500, fuzz: Bool = false, dayClock: DayClock? = nil
    ) {
        self.dayClock = dayClock
        self.constants = FSRSConstants(w: parameters.values, desiredRetention: desiredRetention)
        self.desiredRetention = desiredRetention
        self.learningSteps = learningSteps
        self.relearningSteps = relearningSteps
        self.maximumInterval = maximumInterval
        self.fuzz = fuzz
    }

    /// A scheduler from a learner's settings, validated (parameters migrated from 17/19).
    public init(settings: LearnerSettings, dayClock: DayClock? = nil) throws(CoreError) {
        try settings.validate()
        let p = try FSRSParameters(migrating: settings.fsrsParameters)
        self.init(
            parameters: p, desiredRetention: settings.desiredRetention,
            learningSteps: settings.learningSteps, relearningSteps: settings.relearningSteps,
            maximumInterval: settings.maximumIntervalDays, fuzz: settings.fuzz, dayClock: dayClock)
    }

    /// Days between two reviews as the formulas count them: study days with a `dayClock`,
    /// else whole 24-hour spans (floored).
    public func elapsedDays(from last: Date, to now: Date) -> Int {
        if let dayClock { return dayClock.days(from: last, to: now) }
        return Int(Micros.wholeDays(from: Micros.of(last), to: Micros.of(now)))
    }

    public func retrievability(of state: CardState, at now: Date) -> Double {
        guard let last = state.lastReview, let s = state.stability else { return 0 }
        let days = max(0, elapsedDays(from: last, to: now))
        return constants.retrievability(elapsedDays: Double(days), stability: s)
    }

    /// Whole days to the next review at `stability` (1 ... maximum interval, unfuzzed).
    public func interval(stability: Double) -> Int {
        constants.interval(stability: stability, maximum: maximumInterval)
    }

    public func review(_ state: CardState, rating: Rating, at now: Date, fuzzSeed: UInt64) -> CardState {
        let nowMicros = Micros.of(now)
        var card = state
        let days: Int? = state.lastReview.map { elapsedDays(from: $0, to: now) }
        var phase = state.phase == .new ? .learning : state.phase
        var step = state.step ?? 0

        // Memory state.
        if let s = state.stability, let d = state.difficulty {
            if let days, days < 1 {
                card.stability = constants.shortTermStability(s, rating: rating)
            } else {
                let r = constants.retrievability(elapsedDays: Double(max(0, days ?? 0)), stability: s)
                let next = constants.nextStability(
                    difficulty: d, stability: s, retrievability: state.lastReview == nil ? 0 : r, rating: rating)
                card.stability = next
            }
            card.difficulty = constants.nextDifficulty(d, rating: rating)
        } else {
            // A new card (or a state lacking its memory): start from the initial values.
            card.stability = FSRS.initialStability(rating, w: w)
            card.difficulty = FSRS.initialDifficulty(rating, w: w)
            if phase != .learning {
                phase = .learning
                step = 0
            }
        }
        let stability = card.stability ?? FSRS.stabilityMin

        // Next interval, in microseconds.
        var interval: Int64
        func toReview() -> Int64 {
            phase = .review
            return Int64(self.interval(stability: stability)) * Micros.perDay
        }
        switch phase {
        case .new, .learning, .relearning:
            let steps = phase == .relearning ? relearningSteps : learningSteps
            switch LearningSteps.answer(rating, at: step, of: steps) {
            case .wait(let micros, let next):
                step = next
                interval = micros
            case .graduate:
                interval = toReview()
            }
        case .review:
            if rating == .again {
                card.lapses += 1
                if relearningSteps.isEmpty {
                    interval = toReview()
                } else {
                    phase = .relearning
                    step = 0
                    interval = Micros.fromSeconds(relearningSteps[0])
                }
            } else {
                interval = toReview()
            }
        }

        if fuzz && phase == .review {
            interval = Int64(fuzzedDays(Int(interval / Micros.perDay), seed: fuzzSeed)) * Micros.perDay
        }
        card.phase = phase
        card.step = phase == .review ? nil : step
        card.due = Micros.date(nowMicros + interval)
        card.lastReview = now
        card.reps += 1
        return card
    }

    public func fuzz(
        reviewing before: CardState, after: CardState, rating: Rating, at now: Date, fuzzSeed: UInt64
    ) -> ReviewFuzz? {
        guard fuzz, after.phase == .review, let stability = after.stability else { return nil }
        let days = interval(stability: stability)
        return ReviewFuzz(days: days, range: fuzzRange(days: days))
    }

    /// py-fsrs `_get_fuzzed_interval`, with its `random()` replaced by a draw from `seed`.
    public func fuzzedDays(_ days: Int, seed: UInt64) -> Int {
        guard let (minIvl, maxIvl) = fuzzBounds(days: days) else { return days }
        let fuzzed = FuzzSeed.unit(seed) * Double(maxIvl - minIvl + 1) + Double(minIvl)
        return min(Int(fuzzed.rounded(.toNearestOrEven)), maximumInterval)
    }

    /// Every interval ``fuzzedDays(_:seed:)`` can give for `days` (the load balancer picks among
    /// them): py-fsrs's `min_ivl ... max_ivl`, and `max_ivl + 1` too, which its rounding reaches,
    /// within the maximum interval; `days` alone under 2.5 days or with fuzz off.
    ///
    /// ```swift
    /// fsrs.fuzzRange(days: 10)   // 8...13 (min 8, max 12, and 13 from rounding)
    /// ```
    public func fuzzRange(days: Int) -> ClosedRange<Int> {
        guard fuzz, let (minIvl, maxIvl) = fuzzBounds(days: days) else { return days...days }
        return minIvl...max(minIvl, min(maxIvl + 1, maximumInterval))
    }

    /// py-fsrs's `min_ivl` and `max_ivl` for `days`; nil under 2.5 days (no fuzz).
    func fuzzBounds(days: Int) -> (Int, Int)? {
        guard Double(days) >= 2.5 else { return nil }
        var delta = 1.0
        for (start, end, factor) in [(2.5, 7.0, 0.15), (7.0, 20.0, 0.1), (20.0, Double.infinity, 0.05)] {
            delta += factor * max(min(Double(days), end) - start, 0.0)
        }
        var minIvl = Int((Double(days) - delta).rounded(.toNearestOrEven))
        var maxIvl = Int((Double(days) + delta).rounded(.toNearestOrEven))
        minIvl = max(2, minIvl)
        maxIvl = min(maxIvl, maximumInterval)
        minIvl = min(minIvl, maxIvl)
        return (minIvl, maxIvl)
    }
}

extension Micros {
    /// `timedelta * 1.5`, rounded half to even to the microsecond.
    @inlinable static func timesOneAndAHalf(_ m: Int64) -> Int64 {
        let doubled = m * 3
        return roundHalfEven(doubled, 2)
    }

    /// `timedelta / 2.0`, rounded half to even to the microsecond.
    @inlinable static func half(_ m: Int64) -> Int64 { roundHalfEven(m, 2) }

    @inlinable static func roundHalfEven(_ n: Int64, _ d: Int64) -> Int64 {
        let q = n / d
        let r = n % d
        if r * 2 > d || (r * 2 == d && q % 2 != 0) { return q + 1 }
        return q
    }
}
