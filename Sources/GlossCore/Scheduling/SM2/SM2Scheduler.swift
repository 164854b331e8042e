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
    public init(settings: LearnerSettings) throws(SettingsError) {
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
            let late: Int
            if let due = state.due {
                late = Int(max(0, Micros.wholeDays(from: Micros.of(due), to: nowMicros)))
            } else {
                late = 0
            }
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

    /// Anki v2 `_nextRevIvl`: the hard, good and easy intervals, each at least one more than the last.
    public func reviewInterval(ivl: Int, ease: Double, late: Int, rating: Rating, seed: UInt64) -> Int {
        let hard = constrained(Double(ivl) * hardFactor, previous: hardFactor > 1 ? ivl : 0, seed: seed)
        if rating == .hard { return hard }
        let good = constrained(Double(ivl + late / 2) * ease, previous: hard, seed: seed)
        if rating == .good { return good }
        return constrained(Double(ivl + late) * ease * easyBonus, previous: good, seed: seed)
    }

    /// Anki v2 `_constrainedIvl`: truncate, fuzz, at least `previous + 1`, at most the maximum.
    func constrained(_ days: Double, previous: Int, seed: UInt64) -> Int {
        var ivl = days.isFinite ? Int(min(days, 1e9)) : maximumInterval
        if fuzz { ivl = fuzzed(ivl, seed: seed) }
        ivl = max(ivl, previous + 1, 1)
        return min(ivl, maximumInterval)
    }

    /// Anki v2 `_fuzzedIvl` with `random.randint` replaced by a draw from `seed`.
    public func fuzzed(_ ivl: Int, seed: UInt64) -> Int {
        let (lo, hi): (Int, Int)
        if ivl < 2 {
            (lo, hi) = (1, 1)
        } else if ivl == 2 {
            (lo, hi) = (2, 3)
        } else {
            let f: Int
            if ivl < 7 {
                f = Int(Double(ivl) * 0.25)
            } else if ivl < 30 {
                f = max(2, Int(Double(ivl) * 0.15))
            } else {
                f = max(4, Int(Double(ivl) * 0.05))
            }
            let fuzz = max(f, 1)
            (lo, hi) = (ivl - fuzz, ivl + fuzz)
        }
        return lo + Int(FuzzSeed.unit(seed) * Double(hi - lo + 1))
    }
}
