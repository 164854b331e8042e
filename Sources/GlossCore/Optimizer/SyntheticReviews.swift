import Foundation

/// Review logs simulated from known parameters, for tests and benchmarks.
///
/// Each card starts on a random day with a random first rating; each later review comes
/// at the interval FSRS would schedule for a random desired retention (0.7...0.95), is
/// recalled with the probability the parameters predict, and a lapse is followed by a
/// same-day relearning answer.
///
/// ```swift
/// var rng = SplitMix64(seed: 1)
/// let data = SyntheticReviews.generate(parameters: w, reviews: 100_000, using: &rng)
/// ```
public enum SyntheticReviews {
    public static func generate(
        parameters w: [Double], reviews target: Int, days: Int = 365, using rng: inout some RandomNumberGenerator
    ) -> ReviewDataset {
        var cards: [ReviewDataset.Card] = []
        var timed: [(day: Int, card: Int, position: Int)] = []
        var total = 0
        while total < target {
            var ratings: [UInt8] = []
            var elapsed: [Int32] = []
            var day = Int.random(in: 0..<days, using: &rng)
            let first = Rating(rawValue: Int.random(in: 1...4, using: &rng)) ?? .good
            ratings.append(UInt8(first.rawValue))
            elapsed.append(0)
            var s = FSRS.initialStability(first, w: w)
            var d = FSRS.initialDifficulty(first, w: w)
            if first == .again {
                ratings.append(3)
                elapsed.append(0)
                s = FSRS.shortTermStability(s, rating: .good, w: w)
                d = FSRS.nextDifficulty(d, rating: .good, w: w)
            }
            while total + ratings.count < target {
                let retention = Double.random(in: 0.7...0.95, using: &rng)
                let interval = max(1, Int(FSRS.rawInterval(stability: s, desiredRetention: retention, w: w).rounded()))
                if day + interval >= days { break }
                day += interval
                let r = FSRS.retrievability(elapsedDays: Double(interval), stability: s, w: w)
                let recalled = Double.random(in: 0..<1, using: &rng) < r
                let rating: Rating
                if !recalled {
                    rating = .again
                } else {
                    let u = Double.random(in: 0..<1, using: &rng)
                    rating = u < 0.15 ? .hard : (u < 0.9 ? .good : .easy)
                }
                timed.append((day, cards.count, ratings.count))
                ratings.append(UInt8(rating.rawValue))
                elapsed.append(Int32(interval))
                s = FSRS.nextStability(difficulty: d, stability: s, retrievability: r, rating: rating, w: w)
                d = FSRS.nextDifficulty(d, rating: rating, w: w)
                if rating == .again {
                    ratings.append(3)
                    elapsed.append(0)
                    s = FSRS.shortTermStability(s, rating: .good, w: w)
                    d = FSRS.nextDifficulty(d, rating: .good, w: w)
                }
            }
            total += ratings.count
            cards.append(ReviewDataset.Card(id: "synthetic-\(cards.count)", ratings: ratings, elapsedDays: elapsed))
        }
        timed.sort { ($0.day, $0.card, $0.position) < ($1.day, $1.card, $1.position) }
        return ReviewDataset(
            cards: cards,
            itemOrder: timed.map { ReviewDataset.Item(card: Int32($0.card), position: Int32($0.position)) })
    }
}
