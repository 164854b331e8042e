/// Removes rare first-interval groups before fitting, as fsrs-rs `filter_outlier` does.
///
/// Cards are grouped by their first rating and the days to their first long-term review.
/// Within each first rating, the smallest groups (together up to 5% of the cards, at least
/// 20) are dropped, and so is any group under 6 cards or with more than 100 days (365 for
/// `easy`). Every item of a dropped card leaves the training set.
enum OutlierFilter {
    struct Result {
        /// Items of cards kept, in the dataset's order.
        var trainItems: [ReviewDataset.Item]
        /// For each kept card with a first long-term review: first rating, days, recalled.
        var firstReviews: [(rating: Int, days: Int, recalled: Bool)]
    }

    static func apply(_ data: ReviewDataset, items: [ReviewDataset.Item]) -> Result {
        // The cards that have an item among `items` at their first long-term position.
        var firstOf: [Int: (rating: Int, days: Int, recalled: Bool)] = [:]
        for item in items {
            let c = Int(item.card)
            guard let first = data.firstLongTerm(ofCard: c), first.position == Int(item.position) else { continue }
            let card = data.cards[c]
            firstOf[c] = (Int(card.ratings[0]), first.elapsed, card.ratings[first.position] > 1)
        }
        // rating -> days -> count
        var groups: [Int: [Int: Int]] = [:]
        for (_, f) in firstOf { groups[f.rating, default: [:]][f.days, default: 0] += 1 }
        var removed = Set<Int>()  // rating * 1_000_000 + days
        for rating in groups.keys.sorted() {
            guard let byDays = groups[rating] else { continue }
            // Ascending size, then ascending days (fsrs-rs sorts descending and walks back).
            let sub = byDays.sorted { a, b in a.value != b.value ? a.value < b.value : a.key < b.key }
            let total = sub.reduce(0) { $0 + $1.value }
            var hasBeenRemoved = 0
            let limit = max(20, total / 20)
            for (days, size) in sub {
                if hasBeenRemoved + size >= limit {
                    if size < 6 || days > (rating != 4 ? 100 : 365) {
                        removed.insert(rating * 1_000_000 + days)
                    }
                } else {
                    hasBeenRemoved += size
                    removed.insert(rating * 1_000_000 + days)
                }
            }
        }
        func isRemoved(card c: Int) -> Bool {
            guard let first = data.firstLongTerm(ofCard: c) else { return false }
            return removed.contains(Int(data.cards[c].ratings[0]) * 1_000_000 + first.elapsed)
        }
        let kept = items.filter { !isRemoved(card: Int($0.card)) }
        let firsts = firstOf.keys.sorted().compactMap { c in isRemoved(card: c) ? nil : firstOf[c] }
        return Result(trainItems: kept, firstReviews: firsts)
    }
}
