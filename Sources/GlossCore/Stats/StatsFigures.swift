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

/// How many cards have a value (stability, interval or difficulty) in `[fromDays, toDays)`.
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

/// A card the learner struggles with: lapses lately, and a high difficulty.
public struct HardCard: Hashable, Codable, Sendable {
    public var card: CardKey
    public var term: String
    /// Lapses in all.
    public var lapses: Int
    /// Lapses in the last `StatsSummary.recentDays` study days.
    public var recentLapses: Int
    /// The study day of the latest lapse the journal holds, `yyyy-MM-dd`.
    public var lastLapse: String?
    /// FSRS difficulty, 1 to 10; nil under SM-2.
    public var difficulty: Double?
    public var retrievability: Double?

    public init(
        card: CardKey, term: String, lapses: Int, recentLapses: Int = 0, lastLapse: String? = nil,
        difficulty: Double? = nil, retrievability: Double?
    ) {
        self.card = card
        self.term = term
        self.lapses = lapses
        self.recentLapses = recentLapses
        self.lastLapse = lastLapse
        self.difficulty = difficulty
        self.retrievability = retrievability
    }
}

/// Scheduled answers of cards of one age (`CardAge`) by rating.
public struct RatingsByAge: Hashable, Codable, Sendable {
    /// `new`, `learning`, `young` or `mature`.
    public var age: String
    public var again: Int
    public var hard: Int
    public var good: Int
    public var easy: Int

    public init(age: String, again: Int = 0, hard: Int = 0, good: Int = 0, easy: Int = 0) {
        self.age = age
        self.again = again
        self.hard = hard
        self.good = good
        self.easy = easy
    }

    public var total: Int { again + hard + good + easy }
}

/// True retention of reviews answered in one local hour of the day.
public struct HourRetention: Hashable, Codable, Sendable {
    /// 0 to 23, local time.
    public var hour: Int
    public var figure: RateFigure

    public init(hour: Int, figure: RateFigure = RateFigure()) {
        self.hour = hour
        self.figure = figure
    }
}

/// Answers right in one question format.
public struct FormatAccuracy: Hashable, Codable, Sendable {
    /// The format's name, e.g. `choice-term`.
    public var format: String
    public var figure: RateFigure

    public init(format: String, figure: RateFigure = RateFigure()) {
        self.format = format
        self.figure = figure
    }
}

/// True retention is off the desired one: `gloss optimize` fits the scheduler to the answers.
public struct RetentionAdvice: Hashable, Codable, Sendable {
    public var trueRetention: Double
    public var desiredRetention: Double
    public var reviews: Int

    public init(trueRetention: Double, desiredRetention: Double, reviews: Int) {
        self.trueRetention = trueRetention
        self.desiredRetention = desiredRetention
        self.reviews = reviews
    }

    /// Reviews needed before a gap means something.
    public static let minimumReviews = 200
    /// Points (percent) of gap that call for advice.
    public static let threshold = 0.05

    /// Advice for `figure` against `desired`, or nil when it is close enough or too few.
    public static func check(_ figure: RateFigure, desired: Double) -> RetentionAdvice? {
        // The gap in tenths of a point, as shown: 85.0% against 90.0% is 5.0 points, not over 5.
        guard figure.reviews >= minimumReviews, let rate = figure.rate,
            (abs(rate - desired) * 1000).rounded() > threshold * 1000
        else { return nil }
        return RetentionAdvice(trueRetention: rate, desiredRetention: desired, reviews: figure.reviews)
    }

    /// One line for every view.
    public var message: String {
        let gap = String(format: "%.1f", abs(trueRetention - desiredRetention) * 100)
        let side = trueRetention < desiredRetention ? "below" : "above"
        return "True retention \(StatsFormat.percent(trueRetention)) over \(reviews) reviews is \(gap) points \(side) "
            + "the desired \(StatsFormat.percent(desiredRetention)): run `gloss optimize` to fit the scheduler to your answers."
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
    /// Cards that reached the review phase for the first time with a right answer.
    public var newLearned: Int
    /// Cards answered for the first time (scheduled answers).
    public var newSeen: Int = 0
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
