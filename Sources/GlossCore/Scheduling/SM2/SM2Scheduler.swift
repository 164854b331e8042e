import Foundation

/// SM-2 as in Anki's legacy (v2) scheduler.
///
/// Ease starts at 2.5 and changes by −0.20 (again), −0.15 (hard), 0 (good), +0.15 (easy),
/// never below 1.3. Review intervals (days, old ease, `late` = whole days overdue):
/// hard `max(ivl·1.2, ivl+1)`, good `max((ivl + late/2)·ease, hard+1)`,
/// easy `max((ivl + late)·ease·1.3, good+1)`, each truncated to whole days and capped.
/// A lapse resets the interval to 1 day and goes through the relearning steps.
///
/// ```swift
/// let sm2 = SM2Scheduler()
/// var s = sm2.review(.new, rating: .easy, at: now, fuzzSeed: 0)   // review in 4 days, ease 2.5
/// ```
public struct SM2Scheduler: Scheduler, Hashable {
    public var learningSteps: [Double]
    public var relearningSteps: [Double]
    public var maximumInterval: Int
    public var fuzz: Bool
    public var startingEase = 2.5
    public var minimumEase = 1.3
    public var hardFactor = 1.2
    public var easyBonus = 1.3
    public var graduatingInterval = 1
    public var easyInterval = 4

    public init(
        learningSteps: [Double] = [60, 600], relearningSteps: [Double] = [600],
        maximumInterval: Int = 36500, fuzz: Bool = false
    ) {
        self.learningSteps = learningSteps
        self.relearningSteps = relearningSteps
        self.maximumInterval = maximumInterval
        self.fuzz = fuzz
    }

    /// From a learner's settings (steps, maximum interval, fuzz), validated.
    public init(settings: LearnerSettings) throws(CoreError) {
        try settings.validate()
        self.init(
            learningSteps: settings.learningSteps, relearningSteps: settings.relearningSteps,
            maximumInterval: settings.maximumIntervalDays, fuzz: settings.fuzz)
    }

    /// An estimate for ordering the queue: `0.9^(elapsed / interval)` (0.9 when exactly due).
    public func retrievability(of state: CardState, at now: Date) -> Double {
        guard let last = state.lastReview, let ivl = state.intervalDays, ivl > 0 else { return 0 }
        let elapsed = max(0, now.timeIntervalSince(last)) / 86_400
        return pow(0.9, elapsed / ivl)
    }

    public func review(_ state: CardState, rating: Rating, at now: Date, fuzzSeed: UInt64) -> CardState {
        var card = state
        let nowMicros = Micros.of(now)
        var ease = state.ease ?? startingEase
        var step = state.step ?? 0
        var phase = state.phase == .new ? .learning : state.phase
        if phase == .review, state.intervalDays == nil {
            phase = .learning
            step = 0
        }
        var interval: Int64

        func graduate(days: Int) -> Int64 {
            phase = .review
            card.intervalDays = Double(min(max(days, 1), maximumInterval))
            return Int64(card.intervalDays ?? 1) * Micros.perDay
        }

        switch phase {
        case .new, .learning, .relearning:
            let relearning = phase == .relearning
            let steps = relearning ? relearningSteps : learningSteps
            let lapsedDays = Int(card.intervalDays ?? 1)
            switch LearningSteps.answer(rating, at: step, of: steps) {
            case .wait(let micros, let next):
                step = next
                interval = micros
            case .graduate:
                interval = graduate(days: relearning ? lapsedDays : (rating == .easy ? easyInterval : graduatingInterval))
            }
        case .review:
            let ivl = Int(state.intervalDays ?? 1)
            let late = lateDays(state, at: now)
            switch rating {
            case .again:
                card.lapses += 1
                ease = max(minimumEase, ease - 0.2)
                card.intervalDays = 1
                if relearningSteps.isEmpty {
                    interval = graduate(days: 1)
                } else {
                    phase = .relearning
                    step = 0
                    interval = Micros.fromSeconds(relearningSteps[0])
                }
            case .hard, .good, .easy:
                let days = reviewInterval(ivl: ivl, ease: ease, late: late, rating: rating, seed: fuzzSeed)
                interval = graduate(days: days)
                ease = max(minimumEase, ease + (rating == .hard ? -0.15 : rating == .easy ? 0.15 : 0))
            }
        }
        card.ease = ease
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
        guard fuzz, before.phase == .review, let interval = before.intervalDays, after.phase == .review else { return nil }
        switch rating {
        case .again: return nil
        case .hard, .good, .easy:
            let ivl = Int(interval)
            let ease = before.ease ?? startingEase
            let late = lateDays(before, at: now)
            let target = reviewTarget(ivl: ivl, ease: ease, late: late, rating: rating, seed: fuzzSeed)
            return ReviewFuzz(
                days: min(truncated(target.days), maximumInterval),
                range: reviewRange(ivl: ivl, ease: ease, late: late, rating: rating, seed: fuzzSeed))
        }
    }

    /// Whole days a review card is answered after its due date (0 when on time or early).
    func lateDays(_ state: CardState, at now: Date) -> Int {
        guard let due = state.due else { return 0 }
        return Int(max(0, Micros.wholeDays(from: Micros.of(due), to: Micros.of(now))))
    }

    /// Anki v2 `_nextRevIvl`: the hard, good and easy intervals, each at least one more than the last.
    public func reviewInterval(ivl: Int, ease: Double, late: Int, rating: Rating, seed: UInt64) -> Int {
        let target = reviewTarget(ivl: ivl, ease: ease, late: late, rating: rating, seed: seed)
        return constrained(target.days, previous: target.previous, seed: seed)
    }

    /// Every interval ``reviewInterval(ivl:ease:late:rating:seed:)`` can give for this answer
    /// whatever the fuzz draw: ``fuzzRange(days:)`` of the unfuzzed interval, kept above the
    /// interval of the rating below and within the maximum (the load balancer picks among them).
    public func reviewRange(ivl: Int, ease: Double, late: Int, rating: Rating, seed: UInt64) -> ClosedRange<Int> {
        let target = reviewTarget(ivl: ivl, ease: ease, late: late, rating: rating, seed: seed)
        let range = fuzzRange(days: truncated(target.days))
        let floor = max(target.previous + 1, 1)
        let lower = min(max(range.lowerBound, floor), maximumInterval)
        return lower...max(lower, min(max(range.upperBound, floor), maximumInterval))
    }

    /// The unfuzzed interval `rating` asks for and the interval it must exceed (the rating
    /// below's, fuzzed with the same seed). Again is read as easy, as `_nextRevIvl` does.
    func reviewTarget(ivl: Int, ease: Double, late: Int, rating: Rating, seed: UInt64) -> (days: Double, previous: Int) {
        switch rating {
        case .hard: (Double(ivl) * hardFactor, hardFactor > 1 ? ivl : 0)
        case .good: (Double(ivl + late / 2) * ease, reviewInterval(ivl: ivl, ease: ease, late: late, rating: .hard, seed: seed))
        case .easy, .again:
            (
                Double(ivl + late) * ease * easyBonus,
                reviewInterval(ivl: ivl, ease: ease, late: late, rating: .good, seed: seed)
            )
        }
    }

    /// Anki v2 `_constrainedIvl`: truncate, fuzz, at least `previous + 1`, at most the maximum.
    func constrained(_ days: Double, previous: Int, seed: UInt64) -> Int {
        var ivl = truncated(days)
        if fuzz { ivl = fuzzed(ivl, seed: seed) }
        ivl = max(ivl, previous + 1, 1)
        return min(ivl, maximumInterval)
    }

    /// Days truncated to whole days (the maximum for a value that is not finite).
    func truncated(_ days: Double) -> Int { days.isFinite ? Int(min(days, 1e9)) : maximumInterval }

    /// Anki v2 `_fuzzedIvl` with `random.randint` replaced by a draw from `seed`.
    public func fuzzed(_ ivl: Int, seed: UInt64) -> Int {
        let (lo, hi) = fuzzBounds(ivl)
        return lo + Int(FuzzSeed.unit(seed) * Double(hi - lo + 1))
    }

    /// The days ``fuzzed(_:seed:)`` draws from (Anki v2 `_fuzzIvlRange`); `days` alone with fuzz off.
    ///
    /// ```swift
    /// SM2Scheduler(fuzz: true).fuzzRange(days: 10)   // 8...12
    /// ```
    public func fuzzRange(days: Int) -> ClosedRange<Int> {
        guard fuzz else { return days...days }
        let (lo, hi) = fuzzBounds(days)
        return lo...hi
    }

    /// Anki v2 `_fuzzIvlRange`.
    func fuzzBounds(_ ivl: Int) -> (Int, Int) {
        if ivl < 2 { return (1, 1) }
        if ivl == 2 { return (2, 3) }
        let f: Int
        if ivl < 7 {
            f = Int(Double(ivl) * 0.25)
        } else if ivl < 30 {
            f = max(2, Int(Double(ivl) * 0.15))
        } else {
            f = max(4, Int(Double(ivl) * 0.05))
        }
        let fuzz = max(f, 1)
        return (ivl - fuzz, ivl + fuzz)
    }
}
