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
    public var version: Int = 1
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
    /// Cards by stability.
    public var stability: [StabilityBucket]

    /// Most lapses first, then lowest retrievability.
    public var hardest: [HardCard]
    /// Most often picked wrong entries.
    public var confusedPairs: [ConfusedPair]

    /// Stability (days) above which a card counts as mastered.
    public static let masteredStabilityDays: Double = 21

    /// True when the learner has not answered anything yet: renderers show a welcome instead.
    public var isEmpty: Bool { totalAnswers == 0 && totals.total == totals.new }
}
