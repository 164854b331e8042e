import Foundation

/// Computes a card's next state from an answer. Pure: the time and fuzz seed are arguments.
///
/// ```swift
/// let scheduler = try FSRSScheduler(settings: settings)
/// let after = scheduler.review(before, rating: .good, at: now, fuzzSeed: FuzzSeed.of(key, reviews: before.reps))
/// ```
public protocol Scheduler: Sendable {
    /// The card's state after answering `rating` at `now`. Never throws and never moves
    /// `due` before `now`, even when `now` is before the card's last review.
    func review(_ state: CardState, rating: Rating, at now: Date, fuzzSeed: UInt64) -> CardState
    /// Probability the card is recalled at `now` (0 for a card never answered).
    func retrievability(of state: CardState, at now: Date) -> Double
    /// The interval the review that turned `before` into `after` (rated `rating` at `now`)
    /// asked for before fuzz, and every interval fuzz could have given it; nil when that
    /// review was not fuzzed (fuzz off, a (re)learning step, an SM-2 graduation).
    func fuzz(reviewing before: CardState, after: CardState, rating: Rating, at now: Date, fuzzSeed: UInt64)
        -> ReviewFuzz?
    /// Every interval fuzz can give a review card whose interval before fuzz is `days`
    /// (`days` alone with fuzz off).
    func fuzzRange(days: Int) -> ClosedRange<Int>
}

/// What fuzz could do to one review's interval: the interval asked for and the days it may become.
public struct ReviewFuzz: Hashable, Sendable {
    /// The interval in days before fuzz.
    public var days: Int
    /// Every interval in days fuzz can give (contains the one given).
    public var range: ClosedRange<Int>

    public init(days: Int, range: ClosedRange<Int>) {
        self.days = days
        self.range = range
    }
}

extension Scheduler {
    /// Reviews with a fuzz seed derived from the card and how many times it was reviewed,
    /// so replaying a history yields the same dates.
    public func review(_ state: CardState, rating: Rating, at now: Date, card: CardKey) -> CardState {
        review(state, rating: rating, at: now, fuzzSeed: FuzzSeed.of(card, reviews: state.reps))
    }
}

/// Deterministic fuzz seeds: a stable hash (FNV-1a) of the card id mixed with its review count.
public enum FuzzSeed {
    /// The seed for the review numbered `reviews` (0 = first) of the card `cardID`.
    public static func of(_ cardID: String, reviews: Int) -> UInt64 {
        var h = FNV1a.offsetBasis
        FNV1a.mix(cardID, into: &h)
        return h ^ (UInt64(truncatingIfNeeded: reviews) &* 0x9E37_79B9_7F4A_7C15)
    }

    /// `of(card.description, reviews:)`: the card's digest is that hash, made once.
    public static func of(_ card: CardKey, reviews: Int) -> UInt64 {
        card.digest ^ (UInt64(truncatingIfNeeded: reviews) &* 0x9E37_79B9_7F4A_7C15)
    }

    /// A uniform double in [0, 1) drawn from `seed` (as Python's `random()` is used).
    public static func unit(_ seed: UInt64) -> Double {
        var rng = SplitMix64(seed: seed)
        return Double(rng.next() >> 11) * 0x1p-53
    }
}
