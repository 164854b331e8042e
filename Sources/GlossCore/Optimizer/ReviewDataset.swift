import Foundation

/// A review log arranged for fitting: each card's answers in order with the days between
/// them, and the training items (reviews a day or more after the card's previous one).
///
/// Built the way fsrs-rs builds `FSRSItem`s: the first answer of a card and same-day
/// answers are history only; every later answer is an item whose history is everything
/// before it. Items are numbered in the order they were answered (oldest first), which
/// recency weighting and time-series splits rely on.
///
/// ```swift
/// let data = ReviewDataset(reviews, timeZone: .gmt, rolloverHour: 4)
/// data.items.count   // how many answers can be predicted
/// ```
public struct ReviewDataset: Sendable {
    /// One card's answers, oldest first.
    public struct Card: Sendable, Equatable {
        public var id: String
        /// Rating of each answer (1...4).
        public var ratings: [UInt8]
        /// Whole days since the previous answer (0 for the first and for same-day answers).
        public var elapsedDays: [Int32]
        /// The question format of each answer, where the log has it (empty when none has).
        public var formats: [QuestionFormat?] = []

        /// The format answer `position` was asked in (nil when unknown).
        @inlinable public func format(at position: Int) -> QuestionFormat? {
            position < formats.count ? formats[position] : nil
        }
    }

    /// One answer to predict: answer `position` of card `card` (position ≥ 1, elapsed ≥ 1 day).
    public struct Item: Sendable, Equatable {
        public var card: Int32
        public var position: Int32
    }

    public var cards: [Card]
    /// Every item, oldest answer first.
    public var items: [Item]
    /// How many answers the log held.
    public var reviewCount: Int

    /// One answer of a card: when, and how it was rated.
    public struct Answer: Sendable, Equatable {
        public var time: Date
        public var rating: Rating
        /// The question format it was asked in, when known.
        public var format: QuestionFormat?

        public init(time: Date, rating: Rating, format: QuestionFormat? = nil) {
            self.time = time
            self.rating = rating
            self.format = format
        }
    }

    /// Groups `reviews` by card, orders each card's answers by time, and counts days as
    /// calendar days in `timeZone` that start at `rolloverHour` (as Anki counts them).
    public init(_ reviews: [LoggedReview], timeZone: TimeZone = .gmt, rolloverHour: Int = 4) {
        var indexOfCard: [String: Int] = [:]
        var grouped: [(id: String, answers: [Answer])] = []
        for review in reviews {
            let index: Int
            if let known = indexOfCard[review.cardID] {
                index = known
            } else {
                index = grouped.count
                indexOfCard[review.cardID] = index
                grouped.append((review.cardID, []))
            }
            grouped[index].answers.append(Answer(time: review.time, rating: review.rating))
        }
        self.init(grouped: grouped, timeZone: timeZone, rolloverHour: rolloverHour)
    }

    /// A dataset from answers already grouped by card: cards in the order their first answer
    /// was logged, each card's answers in log order (they are sorted by time here). The same
    /// as grouping the log's reviews with `init(_:timeZone:rolloverHour:)`, without a
    /// `LoggedReview` per answer.
    ///
    /// - Complexity: O(n log n) in the number of answers.
    public init(grouped: [(id: String, answers: [Answer])], timeZone: TimeZone = .gmt, rolloverHour: Int = 4) {
        var cards: [Card] = []
        cards.reserveCapacity(grouped.count)
        let reviewCount = grouped.reduce(0) { $0 + $1.answers.count }
        var timed: [(time: Date, item: Item)] = []
        timed.reserveCapacity(reviewCount)
        let shift = Double(rolloverHour) * 3600
        for (index, card) in grouped.enumerated() {
            let sorted = card.answers.sorted { $0.time < $1.time }
            var ratings: [UInt8] = []
            var elapsed: [Int32] = []
            let formats = sorted.contains { $0.format != nil } ? sorted.map(\.format) : []
            ratings.reserveCapacity(sorted.count)
            elapsed.reserveCapacity(sorted.count)
            var previousDay: Int?
            for (position, answer) in sorted.enumerated() {
                let local =
                    answer.time.timeIntervalSince1970
                    + Double(timeZone.secondsFromGMT(for: answer.time)) - shift
                let day = Int((local / 86_400).rounded(.down))
                let delta = previousDay.map { max(0, day - $0) } ?? 0
                ratings.append(UInt8(answer.rating.rawValue))
                elapsed.append(Int32(clamping: delta))
                if position > 0, delta > 0 {
                    timed.append((answer.time, Item(card: Int32(index), position: Int32(position))))
                }
                previousDay = day
            }
            cards.append(Card(id: card.id, ratings: ratings, elapsedDays: elapsed, formats: formats))
        }
        // Stable: equal times keep card order.
        let order = timed.indices.sorted { a, b in
            timed[a].time != timed[b].time ? timed[a].time < timed[b].time : a < b
        }
        self.cards = cards
        self.items = order.map { timed[$0].item }
        self.reviewCount = reviewCount
    }

    /// A dataset from cards already in day form (for tests and synthetic logs); items are
    /// ordered by `itemOrder` if given, else card by card.
    public init(cards: [Card], itemOrder: [Item]? = nil) {
        self.cards = cards
        self.reviewCount = cards.reduce(0) { $0 + $1.ratings.count }
        if let itemOrder {
            self.items = itemOrder
        } else {
            var items: [Item] = []
            for (c, card) in cards.enumerated() {
                for p in card.elapsedDays.indices where p > 0 && card.elapsedDays[p] > 0 {
                    items.append(Item(card: Int32(c), position: Int32(p)))
                }
            }
            self.items = items
        }
    }

    /// Whether item's answer was recalled (rating above `again`).
    @inlinable public func label(_ item: Item) -> Bool {
        cards[Int(item.card)].ratings[Int(item.position)] > 1
    }

    /// Reviews a day or more apart in the item's history, counting the item itself.
    public func longTermCount(_ item: Item) -> Int {
        let card = cards[Int(item.card)]
        var n = 0
        for p in 0...Int(item.position) where card.elapsedDays[p] > 0 { n += 1 }
        return n
    }

    /// The card's first long-term answer: (position, elapsed days), if it has one.
    func firstLongTerm(ofCard c: Int) -> (position: Int, elapsed: Int)? {
        let card = cards[c]
        for p in card.elapsedDays.indices where p > 0 && card.elapsedDays[p] > 0 {
            return (p, Int(card.elapsedDays[p]))
        }
        return nil
    }
}
