/// A number of events on one study day, e.g. reviews done or cards due.
public struct DayCount: Hashable, Codable, Sendable {
    /// The study day, `yyyy-MM-dd`.
    public var day: String
    public var count: Int

    public init(day: String, count: Int) {
        self.day = day
        self.count = count
    }
}

/// A share of answers that were right: `correct` of `reviews`, and the rate when there were any.
public struct RateFigure: Hashable, Codable, Sendable {
    public var reviews: Int
    public var correct: Int
    /// `correct / reviews`; nil when there were no reviews (never NaN).
    public var rate: Double? { reviews > 0 ? Double(correct) / Double(reviews) : nil }

    public init(reviews: Int = 0, correct: Int = 0) {
        self.reviews = reviews
        self.correct = correct
    }

    mutating func add(_ right: Bool) {
        reviews += 1
        if right { correct += 1 }
    }

    private enum CodingKeys: String, CodingKey { case reviews, correct, rate }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        reviews = try c.decode(Int.self, forKey: .reviews)
        correct = try c.decode(Int.self, forKey: .correct)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(reviews, forKey: .reviews)
        try c.encode(correct, forKey: .correct)
        try c.encodeIfPresent(rate, forKey: .rate)
    }
}

/// Answers right, by how long the card had rested since its previous review.
public struct IntervalRetention: Hashable, Codable, Sendable {
    /// E.g. `1-6d`.
    public var label: String
    /// Lower bound in days (inclusive).
    public var fromDays: Double
    /// Upper bound in days (exclusive); nil for the open last bucket.
    public var toDays: Double?
    public var figure: RateFigure

    public init(label: String, fromDays: Double, toDays: Double?, figure: RateFigure = RateFigure()) {
        self.label = label
        self.fromDays = fromDays
        self.toDays = toDays
        self.figure = figure
    }
}

/// Answers right in one week (weeks start on Monday), for the retention-over-time chart.
public struct WeekRetention: Hashable, Codable, Sendable {
    /// The Monday that starts the week, `yyyy-MM-dd`.
    public var weekStart: String
    public var figure: RateFigure

    public init(weekStart: String, figure: RateFigure = RateFigure()) {
        self.weekStart = weekStart
        self.figure = figure
    }
}

/// How many cards of a deck are in each phase, and how many are mastered.
public struct DeckCounts: Hashable, Codable, Sendable {
    public var deck: DeckID
    public var title: String
    public var new: Int = 0
    public var learning: Int = 0
    public var review: Int = 0
    public var relearning: Int = 0
    /// Cards whose stability is above 21 days.
    public var mastered: Int = 0

    public init(deck: DeckID, title: String) {
        self.deck = deck
        self.title = title
    }

    public var total: Int { new + learning + review + relearning }

    mutating func add(_ phase: CardPhase, stability: Double?) {
        switch phase {
        case .new: new += 1
        case .learning: learning += 1
        case .review: review += 1
        case .relearning: relearning += 1
        }
        if let stability, stability > StatsSummary.masteredStabilityDays { mastered += 1 }
    }

    mutating func add(_ other: DeckCounts) {
        new += other.new
        learning += other.learning
        review += other.review
        relearning += other.relearning
        mastered += other.mastered
    }
}

/// How many cards have a stability in `[fromDays, toDays)`.
public struct StabilityBucket: Hashable, Codable, Sendable {
    public var label: String
    public var fromDays: Double
    public var toDays: Double?
    public var count: Int

    public init(label: String, fromDays: Double, toDays: Double?, count: Int = 0) {
        self.label = label
        self.fromDays = fromDays
        self.toDays = toDays
        self.count = count
    }
}

/// A card the learner struggles with: many lapses, or low retrievability now.
public struct HardCard: Hashable, Codable, Sendable {
    public var card: CardKey
    public var term: String
    public var lapses: Int
    public var retrievability: Double?

    public init(card: CardKey, term: String, lapses: Int, retrievability: Double?) {
        self.card = card
        self.term = term
        self.lapses = lapses
        self.retrievability = retrievability
    }
}

/// "You picked `pickedTerm` for `askedTerm` `count` times."
public struct ConfusedPair: Hashable, Codable, Sendable {
    public var deck: DeckID
    public var asked: EntryID
    public var askedTerm: String
    public var picked: EntryID
    public var pickedTerm: String
    public var count: Int

    public init(deck: DeckID, asked: EntryID, askedTerm: String, picked: EntryID, pickedTerm: String, count: Int) {
        self.deck = deck
        self.asked = asked
        self.askedTerm = askedTerm
        self.picked = picked
        self.pickedTerm = pickedTerm
        self.count = count
    }
}

/// What the learner did in the current study day.
public struct TodayFigures: Hashable, Codable, Sendable {
    /// The study day, `yyyy-MM-dd`.
    public var day: String
    /// Answers given (reviews and practice).
    public var answers: RateFigure
    /// Cards answered for the first time.
    public var newLearned: Int
    /// Sum of response times, in milliseconds.
    public var timeSpentMs: Int

    public init(day: String, answers: RateFigure = RateFigure(), newLearned: Int = 0, timeSpentMs: Int = 0) {
        self.day = day
        self.answers = answers
        self.newLearned = newLearned
        self.timeSpentMs = timeSpentMs
    }
}

/// Consecutive study days with at least one answer.
public struct Streaks: Hashable, Codable, Sendable {
    /// Run ending today, or yesterday when nothing is done yet today (it is still alive).
    public var current: Int
    public var longest: Int
    public var studiedToday: Bool

    public init(current: Int = 0, longest: Int = 0, studiedToday: Bool = false) {
        self.current = current
        self.longest = longest
        self.studiedToday = studiedToday
    }
}
