import Foundation

/// Every figure of `gloss stats`, computed once and shown by the terminal, JSON, Markdown
/// and HTML renderers alike, so the numbers agree everywhere.
///
/// ```swift
/// let summary = StatsSummary(
///     records: journal, states: progress.cards, decks: decks, now: now,
///     clock: DayClock(timeZone: .current, rolloverHour: settings.rolloverHour),
///     desiredRetention: settings.desiredRetention,
///     retrievability: { state, at in scheduler.retrievability(of: state, at: at) })
/// ```
/// Optionals stand for "no data yet" (an empty log gives nil rates, never NaN).
public struct StatsSummary: Hashable, Codable, Sendable {
    /// Format version of the encoded summary.
    public var version: Int = 2
    public var generatedAt: Date
    /// Time-zone identifier the study days were computed in, e.g. `Europe/Paris`.
    public var timeZone: String
    public var rolloverHour: Int
    public var desiredRetention: Double

    /// Non-revoked answers (reviews and practice) in the whole log.
    public var totalAnswers: Int
    /// Distinct study days with at least one answer.
    public var studyDays: Int
    public var today: TodayFigures
    public var streaks: Streaks

    /// Card counts per deck, in the order of the decks given.
    public var decks: [DeckCounts]
    /// The sum over `decks`.
    public var totals: DeckCounts

    /// True retention (scheduled reviews of cards in the review phase answered right).
    public var retention7: RateFigure
    public var retention30: RateFigure
    public var retention365: RateFigure
    /// True retention by days since the card's previous review (all time).
    public var retentionByInterval: [IntervalRetention]
    /// True retention per week, for the 52 weeks of the heatmap.
    public var retentionByWeek: [WeekRetention]

    /// Mean probability of recall now over all studied (non-new) cards; nil when none.
    public var averageRetrievability: Double?
    /// Cards due before today that are still waiting (also counted in `forecast[0]`).
    public var overdue: Int
    /// Cards due on each of the next 14 study days, today first (overdue ones included today).
    public var forecast: [DayCount]
    /// Answers on each of the last 30 study days, today last.
    public var answersPerDay: [DayCount]
    /// Answers per study day from the Monday 51 weeks before this week's Monday to today.
    public var heatmap: [DayCount]
    /// Seconds spent answering on each of the last 30 study days, today last.
    public var timePerDay: [DayCount]
    /// Cards by stability.
    public var stability: [StabilityBucket]
    /// Cards in the review phase by their current interval (days from last review to due).
    public var intervals: [StabilityBucket]
    /// Studied cards by FSRS difficulty (1 easiest to 10 hardest); SM-2 cards have none.
    public var difficulty: [StabilityBucket]
    /// Scheduled answers by the card's age and the rating given (all time).
    public var ratingsByAge: [RatingsByAge]
    /// True retention by the local hour the review was answered (all time), 0 to 23.
    public var retentionByHour: [HourRetention]
    /// True retention of young cards (scheduled interval under `matureDays`) and mature ones, all time.
    public var youngRetention: RateFigure
    public var matureRetention: RateFigure
    /// Answers right by question format (reviews and practice, all time), formats never asked left out.
    public var accuracyByFormat: [FormatAccuracy]
    /// Cards due today times the mean response time of the last 30 days' answers, in
    /// milliseconds; nil when nothing was answered in those days.
    public var estimatedTodayMs: Int?
    /// Set when true retention is off the desired one by more than 5 points over at least 200 reviews.
    public var advice: RetentionAdvice?

    /// Cards with lapses: most lapses in the last `recentDays` first, then the highest
    /// difficulty, then most lapses in all. A relearn on the same day does not hide a card.
    public var hardest: [HardCard]
    /// Most often picked wrong entries.
    public var confusedPairs: [ConfusedPair]

    /// Stability (days) above which a card counts as mastered.
    public static let masteredStabilityDays: Double = 21
    /// Scheduled interval (days) from which a card in review is mature, as in Anki.
    public static let matureDays: Double = 21
    /// The window of "recent" lapses for the hardest cards, in study days.
    public static let recentDays = 30

    /// True when the learner has not answered anything yet: renderers show a welcome instead.
    public var isEmpty: Bool { totalAnswers == 0 && totals.total == totals.new }
}
