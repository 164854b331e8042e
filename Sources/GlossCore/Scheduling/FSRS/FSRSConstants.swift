import Foundation

/// Parameter-only subexpressions of the FSRS formulas, computed once per scheduler.
///
/// Each is the very operation ``FSRS`` performs on the same inputs, so results are
/// bit-identical to the generic formulas (a test checks it); only the repetition goes.
struct FSRSConstants: Hashable, Sendable {
    let w: [Double]
    let decay: Double
    let factor: Double
    /// `pow(e, w8)`.
    let recallScale: Double
    /// `pow(desiredRetention, 1 / decay) - 1`.
    let intervalScale: Double
    /// Initial difficulty of easy, unclamped (the mean-reversion target).
    let easyD0: Double
    /// `pow(e, w17 · w18)`.
    let forgetShortDivisor: Double
    /// `pow(e, w17 · (rating − 3 + w18))` for again, hard, good, easy.
    let shortTermScale: [Double]

    init(w: [Double], desiredRetention: Double) {
        self.w = w
        decay = FSRS.decay(w: w)
        factor = FSRS.factor(w: w)
        recallScale = pow(M_E, w[8])
        intervalScale = pow(desiredRetention, 1 / decay) - 1
        easyD0 = FSRS.initialDifficulty(.easy, w: w, clamp: false)
        forgetShortDivisor = pow(M_E, w[17] * w[18])
        shortTermScale = Rating.allCases.map { pow(M_E, w[17] * (Double($0.rawValue - 3) + w[18])) }
    }

    @inline(__always) func retrievability(elapsedDays t: Double, stability s: Double) -> Double {
        pow(1 + factor * t / s, decay)
    }

    @inline(__always) func nextDifficulty(_ d: Double, rating: Rating) -> Double {
        let delta = -(w[6] * Double(rating.rawValue - 3))
        let arg2 = d + (10 - d) * delta / 9
        return FSRS.clampDifficulty(w[7] * easyD0 + (1 - w[7]) * arg2)
    }

    @inline(__always) func shortTermStability(_ s: Double, rating: Rating) -> Double {
        var increase = shortTermScale[rating.rawValue - 1] * pow(s, -w[19])
        if rating != .again, increase < 1 { increase = 1 }
        return FSRS.clampStability(s * increase)
    }

    @inline(__always) func nextStability(difficulty d: Double, stability s: Double, retrievability r: Double, rating: Rating)
        -> Double
    {
        if rating == .again {
            let longTerm = w[11] * pow(d, -w[12]) * (pow(s + 1, w[13]) - 1) * pow(M_E, (1 - r) * w[14])
            let shortTerm = s / forgetShortDivisor
            return FSRS.clampStability(longTerm <= shortTerm ? longTerm : shortTerm)
        }
        var inner = recallScale * (11 - d) * pow(s, -w[9]) * (pow(M_E, (1 - r) * w[10]) - 1)
        if rating == .hard { inner = inner * w[15] }
        if rating == .easy { inner = inner * w[16] }
        return FSRS.clampStability(s * (1 + inner))
    }

    @inline(__always) func interval(stability s: Double, maximum: Int) -> Int {
        FSRS.clampedDays(((s / factor) * intervalScale).rounded(.toNearestOrEven), maximum: maximum)
    }
}
