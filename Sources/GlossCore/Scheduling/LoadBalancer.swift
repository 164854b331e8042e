import Foundation

/// Anki's load balancer (rslib `scheduler/states/load_balancer.rs`): among the intervals fuzz
/// allows a review card, a weighted random pick that favours the days with fewer reviews due,
/// so the daily load stays even. Deterministic for a seed (the card's fuzz seed).
///
/// A candidate interval of `d` days whose day has `c` reviews due and an easy-days share `s`
/// weighs `s / ((c/s)² + 1) / d`: a fuller day weighs less, a later one a little less (Anki's
/// bias toward the earlier days, without which cards drift late), a day with share `s` as if
/// it were `1/s` times as full, and a day with share 0 nothing while any other day of the
/// range has a share. Intervals over ``maximumDays`` keep plain fuzz, as in Anki.
///
/// ```swift
/// // The live study path, after the answer's step (`StudyStep.after`, i.e. `Scheduler.after`):
/// let after = scheduler.after(before, rating: step.rating, evidence: step.evidence, at: now, card: key)
/// let balanced = LoadBalancer.balanced(after, before: before, rating: step.rating, card: key, at: now,
///                                      scheduler: scheduler, load: load, settings: settings, clock: clock)
/// load.moved(from: before, to: balanced, clock: clock)
/// ```
public enum LoadBalancer {
    /// Longer intervals are not balanced (Anki: 90 days).
    public static let maximumDays = 90

    /// The interval in days to use instead of the scheduler's for the review that turned
    /// `before` into `after`; nil to keep the one `after` has (load balancing off, an interval
    /// fuzz did not touch, or one over ``maximumDays``).
    ///
    /// The candidates are the scheduler's fuzz range for this review. When the interval `after`
    /// was given is shorter than that range (the study step capped it, as `grading capped`
    /// caps intervals from multiple choice), they are the fuzz range of the given interval up
    /// to the given interval: a card is never moved outside the fuzz range, nor past a cap.
    /// `load` is the due load before this answer; the card itself is not counted on its old
    /// due day. The seed is the scheduler's fuzz seed for this answer
    /// (`FuzzSeed.of(card, reviews: before.reps)`), so a replay picks the same day.
    public static func interval(
        for after: CardState, before: CardState, rating: Rating, card: CardKey, at now: Date,
        scheduler: some Scheduler, load: DueLoad, settings: LearnerSettings, clock: DayClock
    ) -> Int? {
        guard settings.loadBalance, after.phase == .review, let due = after.due else { return nil }
        let seed = FuzzSeed.of(card, reviews: before.reps)
        guard let fuzz = scheduler.fuzz(reviewing: before, after: after, rating: rating, at: now, fuzzSeed: seed)
        else { return nil }
        let given = Int((due.timeIntervalSince(now) / 86_400).rounded())
        let range: ClosedRange<Int>
        if fuzz.range.contains(given) {
            guard fuzz.days <= maximumDays else { return nil }
            range = fuzz.range
        } else if given < fuzz.range.lowerBound, given >= 1 {
            let own = scheduler.fuzzRange(days: given)
            range = min(own.lowerBound, given)...given
        } else {
            return nil
        }
        guard range.count > 1, range.lowerBound <= maximumDays else { return nil }
        let ownDay = DueLoad.day(of: before, clock)
        var counts: [Int] = []
        var shares: [Double] = []
        for days in range {
            let day = clock.day(of: now.addingTimeInterval(Double(days) * 86_400))
            counts.append(max(0, load.count(onDay: day) - (day == ownDay ? 1 : 0)))
            shares.append(settings.easyDays[clock.weekday(ofDay: day)])
        }
        return pick(range: range, counts: counts, shares: shares, seed: seed)
    }

    /// `after` with the due date (and SM-2's interval) of ``interval(for:before:rating:card:at:scheduler:load:settings:clock:)``;
    /// `after` itself when it keeps the scheduler's.
    public static func balanced(
        _ after: CardState, before: CardState, rating: Rating, card: CardKey, at now: Date,
        scheduler: some Scheduler, load: DueLoad, settings: LearnerSettings, clock: DayClock
    ) -> CardState {
        guard
            let days = interval(
                for: after, before: before, rating: rating, card: card, at: now, scheduler: scheduler, load: load,
                settings: settings, clock: clock)
        else { return after }
        return after.due(inDays: days, at: now)
    }

    /// The pick among `range` (days from today), given the reviews already due on each of its
    /// days (`counts`, in order) and each day's easy-days share (`shares`, 1 when empty).
    ///
    /// ```swift
    /// LoadBalancer.pick(range: 4...8, counts: [9, 2, 7, 0, 5], shares: [], seed: 1)
    /// ```
    public static func pick(range: ClosedRange<Int>, counts: [Int], shares: [Double], seed: UInt64) -> Int {
        let n = range.count
        var share = (0..<n).map { $0 < shares.count ? min(max(shares[$0], 0), 1) : 1 }
        if share.allSatisfy({ $0 == 0 }) { share = Array(repeating: 1, count: n) }
        var weights: [Double] = []
        weights.reserveCapacity(n)
        for (i, days) in range.enumerated() {
            let c = Double(i < counts.count ? max(0, counts[i]) : 0)
            let s = share[i]
            weights.append(s == 0 ? 0 : s / ((c / s) * (c / s) + 1) / Double(max(1, days)))
        }
        let total = weights.reduce(0, +)
        guard total > 0, total.isFinite else { return range.lowerBound }
        let target = FuzzSeed.unit(seed) * total
        var sum = 0.0
        for (i, w) in weights.enumerated() where w > 0 {
            sum += w
            if target < sum { return range.lowerBound + i }
        }
        return range.lowerBound + (weights.lastIndex { $0 > 0 } ?? 0)
    }
}
