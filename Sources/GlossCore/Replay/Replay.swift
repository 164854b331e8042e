import Foundation

/// Replays a review log through FSRS, card by card, as `gloss replay` prints it.
///
/// ```swift
/// let scheduler = try Replay.scheduler(steps: .none, retention: 0.9, parameters: [])
/// let rows = Replay.run(log.reviews, scheduler: scheduler)
/// print(Replay.csv(rows), terminator: "")
/// ```
public enum Replay {
    /// Learning steps for a replay: none (day-based) or py-fsrs's defaults (1 m, 10 m; relearn
    /// 10 m), which gloss's own defaults no longer are (it has no relearning steps).
    public enum Steps: String, Sendable, CaseIterable {
        case none, `default`
    }

    /// py-fsrs's default learning steps, in seconds.
    public static let pyFSRSLearningSteps: [Double] = [60, 600]
    /// py-fsrs's default relearning steps, in seconds.
    public static let pyFSRSRelearningSteps: [Double] = [600]

    /// The scheduler a replay uses: fuzz off; `parameters` may hold 0 (defaults), 17, 19 or 21 numbers.
    public static func scheduler(steps: Steps, retention: Double, parameters: [Double]) throws(CoreError) -> FSRSScheduler {
        var settings = LearnerSettings()
        settings.desiredRetention = retention
        settings.fsrsParameters = parameters
        settings.fuzz = false
        switch steps {
        case .none:
            settings.learningSteps = []
            settings.relearningSteps = []
        case .default:
            settings.learningSteps = pyFSRSLearningSteps
            settings.relearningSteps = pyFSRSRelearningSteps
        }
        return try FSRSScheduler(settings: settings)
    }

    /// One row per review, in log order; each card's history is replayed from new.
    public static func run(_ reviews: [LoggedReview], scheduler: FSRSScheduler) -> [ReplayRow] {
        var states: [String: CardState] = [:]
        var rows: [ReplayRow] = []
        rows.reserveCapacity(reviews.count)
        for review in reviews {
            let before = states[review.cardID] ?? .new
            let nowMicros = Micros.of(review.time)
            let elapsed = before.lastReview.map { max(0, Micros.wholeDays(from: Micros.of($0), to: nowMicros)) } ?? 0
            let r = scheduler.retrievability(of: before, at: review.time)
            let after = scheduler.review(
                before, rating: review.rating, at: review.time, fuzzSeed: FuzzSeed.of(review.cardID, reviews: before.reps))
            states[review.cardID] = after
            let dueMicros = after.due.map(Micros.of) ?? nowMicros
            rows.append(
                ReplayRow(
                    cardID: review.cardID, time: review.time, rating: review.rating, elapsedDays: Int(elapsed),
                    retrievability: r, stability: after.stability ?? 0, difficulty: after.difficulty ?? 0,
                    intervalDays: Double(dueMicros - nowMicros) / Double(Micros.perDay), phase: after.phase))
        }
        return rows
    }

    /// The rows as CSV text with header, one line each.
    public static func csv(_ rows: [ReplayRow]) -> String {
        var out = ReplayRow.csvHeader + "\n"
        for row in rows { out += row.csvLine + "\n" }
        return out
    }

    /// The rows as a JSON array (keys as the CSV header names).
    public static func json(_ rows: [ReplayRow]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(rows), as: UTF8.self) + "\n"
    }
}
