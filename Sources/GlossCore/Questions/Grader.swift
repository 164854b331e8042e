/// Turns an answer into an FSRS rating, so the learner never rates their own memory.
///
/// - wrong, confused, partly right, empty or gave up → `again`;
/// - right after a hint, with a slip, or slowly (over `slowChoiceSeconds` for choices,
///   `slowTypedSeconds` for typed, `slowMatchingSeconds` for matching) → `hard`;
/// - right, typed, no hint or slip, under `easyTypedSeconds`, on a card whose stability
///   before the answer was at least `typedRecallThreshold` days → `easy`;
/// - otherwise right → `good`.
///
/// ```swift
/// Grader().rating(for: .right(slip: false), format: .typed, hintsUsed: 0,
///                 responseSeconds: 5, stabilityBefore: 12)   // .easy
/// ```
public struct Grader: Hashable, Sendable {
    public static let slowChoiceSeconds = 20.0
    public static let slowTypedSeconds = 30.0
    public static let slowMatchingSeconds = 60.0
    public static let easyTypedSeconds = 8.0

    /// Stability (days) a card needs before an answer can be `easy`; the same threshold that
    /// switches it to typed recall (`LearnerSettings.typedRecallThreshold`).
    public var typedRecallThreshold: Double

    public init(typedRecallThreshold: Double = LearnerSettings().typedRecallThreshold) {
        self.typedRecallThreshold = typedRecallThreshold
    }

    /// The rating for a final outcome; nil for one that does not end the question
    /// (a hint request or an unreadable answer) and for a flashcard (self-rated).
    public func rating(
        for outcome: AnswerOutcome, format: QuestionFormat, hintsUsed: Int, responseSeconds: Double,
        stabilityBefore: Double?
    ) -> Rating? {
        guard format != .flashcard else { return nil }
        switch outcome {
        case .hintRequested, .unreadable: return nil
        case .empty, .gaveUp, .wrong, .confused, .partlyRight: return .again
        case let .right(slip):
            if slip || hintsUsed > 0 || responseSeconds > Grader.slowSeconds(for: format) { return .hard }
            if format == .typed, responseSeconds < Grader.easyTypedSeconds,
                let stability = stabilityBefore, stability >= typedRecallThreshold
            {
                return .easy
            }
            return .good
        }
    }

    /// Above this many seconds a right answer is slow.
    public static func slowSeconds(for format: QuestionFormat) -> Double {
        switch format {
        case .typed: slowTypedSeconds
        case .matching: slowMatchingSeconds
        default: slowChoiceSeconds
        }
    }

    /// The rating a single key picks, for a flashcard or to override a rating after feedback:
    /// `1`–`4`, or `a`/`h`/`g`/`e` (again, hard, good, easy); nil for any other key.
    public static func rating(forKey key: String) -> Rating? {
        switch key.lowercased() {
        case "1", "a": .again
        case "2", "h": .hard
        case "3", "g": .good
        case "4", "e": .easy
        default: nil
        }
    }
}
