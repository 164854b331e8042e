import Foundation

/// The simulated learner's real memory of one card (ground truth, never seen by gloss).
public struct TrueMemory: Hashable, Sendable {
    public var stability: Double
    public var difficulty: Double
    public var lastSeen: Date

    /// Probability of producing the answer at `now`.
    func recall(at now: Date, _ c: FSRSConstants, stabilityFactor: Double = 1) -> Double {
        let days = max(0, now.timeIntervalSince(lastSeen) / 86_400)
        return c.retrievability(elapsedDays: days, stability: stability * stabilityFactor)
    }

    /// The memory after an exposure rated `rating` at `now` (the learner's own FSRS-6).
    func exposed(_ rating: Rating, at now: Date, _ c: FSRSConstants) -> TrueMemory {
        let days = max(0, now.timeIntervalSince(lastSeen) / 86_400)
        var next = self
        if days < 1 {
            next.stability = c.shortTermStability(stability, rating: rating)
        } else {
            let r = c.retrievability(elapsedDays: days, stability: stability)
            next.stability = c.nextStability(difficulty: difficulty, stability: stability, retrievability: r, rating: rating)
        }
        next.difficulty = c.nextDifficulty(difficulty, rating: rating)
        next.lastSeen = now
        return next
    }

    /// A first memory from an exposure rated `rating`.
    static func first(_ rating: Rating, at now: Date, _ c: FSRSConstants) -> TrueMemory {
        TrueMemory(
            stability: FSRS.initialStability(rating, w: c.w), difficulty: FSRS.initialDifficulty(rating, w: c.w),
            lastSeen: now)
    }
}
