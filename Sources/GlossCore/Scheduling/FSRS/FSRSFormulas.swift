import Foundation

/// The FSRS-6 formulas, as py-fsrs 6.3.2 computes them, operation by operation.
///
/// Generic over ``FSRSReal`` so the scheduler (`Double`) and the optimizer (dual numbers)
/// share one implementation. `w` must hold the 21 FSRS-6 parameters (see ``FSRSParameters``).
/// Python's `math.e ** x` is written `pow(e, x)` here (not `exp`) so results agree to the bit.
///
/// ```swift
/// let w = LearnerSettings.defaultFSRSParameters
/// let s = FSRS.initialStability(.good, w: w)                 // 2.3065
/// let r = FSRS.retrievability(elapsedDays: 3, stability: s, w: w)
/// ```
public enum FSRS {
    /// Lowest stability FSRS allows (days).
    public static let stabilityMin = 0.001
    /// Difficulty is kept within 1...10.
    public static let difficultyMin = 1.0
    public static let difficultyMax = 10.0

    @inlinable static func e<T: FSRSReal>() -> T { T(M_E) }

    /// `-w20`: the exponent of the power forgetting curve.
    @inlinable public static func decay<T: FSRSReal>(w: [T]) -> T { -w[20] }

    /// `0.9 ** (1 / decay) - 1`, so that retrievability is 0.9 when elapsed = stability.
    @inlinable public static func factor<T: FSRSReal>(w: [T]) -> T {
        T.pow(T(0.9), T(1) / decay(w: w)) - T(1)
    }

    /// Probability of recall after `elapsedDays` at `stability`: `(1 + F·t/S) ** decay`.
    @inlinable public static func retrievability<T: FSRSReal>(elapsedDays: T, stability: T, w: [T]) -> T {
        let d = decay(w: w)
        let f = T.pow(T(0.9), T(1) / d) - T(1)
        return T.pow(T(1) + f * elapsedDays / stability, d)
    }

    /// Keeps stability at or above ``stabilityMin``.
    @inlinable public static func clampStability<T: FSRSReal>(_ s: T) -> T {
        s.value < stabilityMin ? T(stabilityMin) : s
    }

    /// Keeps difficulty within 1...10.
    @inlinable public static func clampDifficulty<T: FSRSReal>(_ d: T) -> T {
        if d.value < difficultyMin { return T(difficultyMin) }
        if d.value > difficultyMax { return T(difficultyMax) }
        return d
    }

    /// Stability after the first answer: `w[rating - 1]`, clamped.
    @inlinable public static func initialStability<T: FSRSReal>(_ rating: Rating, w: [T]) -> T {
        clampStability(w[rating.rawValue - 1])
    }

    /// Difficulty after the first answer: `w4 - e^(w5·(rating - 1)) + 1`, clamped unless `clamp` is false.
    @inlinable public static func initialDifficulty<T: FSRSReal>(_ rating: Rating, w: [T], clamp: Bool = true) -> T {
        let d = w[4] - T.pow(e(), w[5] * T(Double(rating.rawValue - 1))) + T(1)
        return clamp ? clampDifficulty(d) : d
    }

    /// Difficulty after an answer: linear damping towards 10, then mean reversion towards D0(easy).
    @inlinable public static func nextDifficulty<T: FSRSReal>(_ difficulty: T, rating: Rating, w: [T]) -> T {
        let arg1 = initialDifficulty(.easy, w: w, clamp: false)
        let delta = -(w[6] * T(Double(rating.rawValue - 3)))
        let arg2 = difficulty + (T(10) - difficulty) * delta / T(9)
        let next = w[7] * arg1 + (T(1) - w[7]) * arg2
        return clampDifficulty(next)
    }

    /// Same-day stability update (less than a whole day since the last review), clamped.
    @inlinable public static func shortTermStability<T: FSRSReal>(_ stability: T, rating: Rating, w: [T]) -> T {
        var increase =
            T.pow(e(), w[17] * (T(Double(rating.rawValue - 3)) + w[18]))
            * T.pow(stability, -w[19])
        if rating != .again, increase.value < 1 { increase = T(1) }
        return clampStability(stability * increase)
    }

    /// Stability after a successful recall (hard, good or easy), unclamped.
    @inlinable public static func recallStability<T: FSRSReal>(
        difficulty: T, stability: T, retrievability: T, rating: Rating, w: [T]
    ) -> T {
        var inner =
            T.pow(e(), w[8]) * (T(11) - difficulty) * T.pow(stability, -w[9])
            * (T.pow(e(), (T(1) - retrievability) * w[10]) - T(1))
        if rating == .hard { inner = inner * w[15] }
        if rating == .easy { inner = inner * w[16] }
        return stability * (T(1) + inner)
    }

    /// Stability after a lapse: the long-term formula, capped by `S / e^(w17·w18)`; unclamped.
    @inlinable public static func forgetStability<T: FSRSReal>(
        difficulty: T, stability: T, retrievability: T, w: [T]
    ) -> T {
        let longTerm =
            w[11] * T.pow(difficulty, -w[12]) * (T.pow(stability + T(1), w[13]) - T(1))
            * T.pow(e(), (T(1) - retrievability) * w[14])
        let shortTerm = stability / T.pow(e(), w[17] * w[18])
        return longTerm.value <= shortTerm.value ? longTerm : shortTerm
    }

    /// Stability after a review a whole day or more after the last one, clamped.
    @inlinable public static func nextStability<T: FSRSReal>(
        difficulty: T, stability: T, retrievability: T, rating: Rating, w: [T]
    ) -> T {
        let s =
            rating == .again
            ? forgetStability(difficulty: difficulty, stability: stability, retrievability: retrievability, w: w)
            : recallStability(
                difficulty: difficulty, stability: stability, retrievability: retrievability, rating: rating, w: w)
        return clampStability(s)
    }

    /// Days until retrievability falls to `desiredRetention`, unrounded.
    @inlinable public static func rawInterval<T: FSRSReal>(stability: T, desiredRetention: T, w: [T]) -> T {
        let d = decay(w: w)
        let f = factor(w: w)
        return (stability / f) * (T.pow(desiredRetention, T(1) / d) - T(1))
    }

    /// Whole days to the next review: rounded half to even (as Python's `round`), 1...maximum.
    @inlinable public static func nextInterval(
        stability: Double, desiredRetention: Double, maximumInterval: Int, w: [Double]
    ) -> Int {
        let raw = rawInterval(stability: stability, desiredRetention: desiredRetention, w: w)
        return clampedDays(raw.rounded(.toNearestOrEven), maximum: maximumInterval)
    }

    /// A day count as an Int within 1...maximum, safe for huge or non-finite values.
    @inlinable static func clampedDays(_ days: Double, maximum: Int) -> Int {
        guard days.isFinite else { return days < 0 ? 1 : max(1, maximum) }
        if days >= Double(maximum) { return max(1, maximum) }
        return max(Int(days), 1)
    }
}
