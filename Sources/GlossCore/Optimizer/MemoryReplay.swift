/// Replays one card's answers through the shared FSRS-6 formulas and hands over the
/// predicted recall probability at each requested position.
///
/// Generic over ``FSRSReal``: with `Double` it evaluates, with ``Dual`` it also yields
/// exact gradients. The first answer sets the initial state; a same-day answer uses the
/// short-term update; a later one predicts recall, then updates stability and difficulty.
enum MemoryReplay {
    @inlinable static func rating(_ raw: UInt8) -> Rating {
        switch raw {
        case 1: .again
        case 2: .hard
        case 4: .easy
        default: .good
        }
    }

    /// Calls `body(k, r)` with the recall probability `r` predicted for `positions[k]`
    /// (ascending positions, each with at least one elapsed day).
    @inlinable static func predict<T: FSRSReal>(
        _ card: ReviewDataset.Card, at positions: [Int32], w: [T], _ body: (Int, T) -> Void
    ) {
        guard let last = positions.last, !card.ratings.isEmpty else { return }
        var s = FSRS.initialStability(rating(card.ratings[0]), w: w)
        var d = FSRS.initialDifficulty(rating(card.ratings[0]), w: w)
        var next = 0
        var p = 1
        while p <= Int(last) {
            let g = rating(card.ratings[p])
            let elapsed = card.elapsedDays[p]
            if elapsed > 0 {
                let r = FSRS.retrievability(elapsedDays: T(Double(elapsed)), stability: s, w: w)
                if next < positions.count, Int(positions[next]) == p {
                    body(next, r)
                    next += 1
                }
                if p == Int(last) { return }
                s = FSRS.nextStability(difficulty: d, stability: s, retrievability: r, rating: g, w: w)
            } else {
                s = FSRS.shortTermStability(s, rating: g, w: w)
            }
            d = FSRS.nextDifficulty(d, rating: g, w: w)
            p += 1
        }
    }
}
