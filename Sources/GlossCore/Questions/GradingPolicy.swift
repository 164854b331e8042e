/// How much a right answer in a recognition format (picking among options) counts.
///
/// - `production` (default): Good only in production formats (typed term, cloze, naming a
///   related term); a right pick is Hard. A card's stability then grows slowly until the format
///   ladder moves it to production, where a success is full evidence.
/// - `capped`: a right pick is Good, but the interval it gives is capped at the typed-recall
///   threshold, so no card goes further than that on recognition evidence alone.
/// - `plain`: a right answer is Good in any format (gloss before issue 22).
public enum GradingPolicy: String, Codable, Sendable, CaseIterable {
    case production, capped, plain
}

extension QuestionFormat {
    /// Whether the learner produces the answer (types it, or rates a flashcard they recalled)
    /// rather than picking it among options.
    public var isProduction: Bool {
        switch self {
        case .typed, .flashcard: true
        case .choiceTerm, .choiceDefinition, .relatedChoice, .oddOneOut, .matching: false
        }
    }
}
