/// Turns an answer into an FSRS rating, so the learner never rates their own memory.
///
/// - wrong, confused, partly right, empty or gave up → `again`;
/// - right after a hint, with a slip, or slowly → `hard`; slow is more than
///   ``ResponseTimes/slowSeconds(for:)``: twice the learner's own median for that format once
///   it has enough answers, else a fixed bound per format;
/// - right in a recognition format (a choice, matching, related choice, odd one out) under
///   the ``GradingPolicy/production`` policy → `hard`: picking is weaker evidence than producing;
/// - otherwise right → `good`. Speed alone never gives `easy` (the learner may still change
///   the rating with `e`).
///
/// ```swift
/// Grader().rating(for: .right(slip: false), format: .typed, hintsUsed: 0,
///                 responseSeconds: 5, stabilityBefore: 12)   // .good
/// Grader().rating(for: .right(slip: false), format: .choiceTerm, hintsUsed: 0,
///                 responseSeconds: 5, stabilityBefore: 12)   // .hard
/// ```
public struct Grader: Hashable, Sendable {
    public var policy: GradingPolicy
    public var times: ResponseTimes

    public init(policy: GradingPolicy = .production, times: ResponseTimes = ResponseTimes()) {
        self.policy = policy
        self.times = times
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
            if slip || hintsUsed > 0 || responseSeconds > times.slowSeconds(for: format) { return .hard }
            switch policy {
            case .production: return format.isProduction ? .good : .hard
            case .capped, .plain: return .good
            }
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
