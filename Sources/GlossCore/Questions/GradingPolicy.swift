/// How much a right answer in a recognition format (picking among options) counts.
///
/// - `capped` (default): a right pick is Good, but the interval it gives is capped at the
///   typed-recall threshold, so no card goes further than that on recognition evidence alone:
///   by then it has climbed the format ladder, and its next question is a production one.
/// - `production`: Good only in production formats (typed term, cloze, naming a related
///   term); a right pick is Hard (its learning steps still move on). Stability then grows
///   slowly until the ladder moves the card to production.
/// - `plain`: a right answer is Good in any format (gloss before issue 22).
public enum GradingPolicy: String, Codable, Sendable, CaseIterable {
    case production, capped, plain
}

extension QuestionFormat {
    /// Whether the learner produces the answer (types it, or rates a flashcard they recalled)
    /// rather than picking it among options.
    public var isProduction: Bool {
        switch self {
        case .typed, .cloze, .nameRelated, .flashcard: true
        case .choiceTerm, .choiceDefinition, .relatedChoice, .oddOneOut, .matching: false
        }
    }
}
