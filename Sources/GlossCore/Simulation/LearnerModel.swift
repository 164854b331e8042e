import Foundation

/// The simulated learner's fixed model: how its memory works and how fast it answers.
///
/// Fixed before any scheduling change was tuned against it (docs/SCHEDULING.md); changing
/// it resets the benchmark's baseline.
///
/// - Memory: one ground-truth FSRS-6 memory (stability, difficulty) per card, with the
///   learner's own ``parameters`` (not the scheduler's defaults), updated at every exposure
///   with the true elapsed time in fractional days: a production answer recalled is *good*,
///   one not recalled is *again* (the feedback then shows it); a recognition answer recognised
///   is *hard* (recognising is weaker practice than producing); seeing a card's content
///   without being asked (a sibling's prompt or feedback) is *hard* as well.
/// - Recall: producing the answer succeeds with the FSRS retrievability R; recognising it
///   among options succeeds with R computed at ``recognitionStabilityFactor`` times the
///   stability (recognition is easier than recall), and a learner who does not recognise it
///   guesses, right with chance 1 / options. A card never seen cannot be produced.
/// - Time: answer seconds are log-normal around a median per format (``medianSeconds(for:)``),
///   ×1.5 when the learner does not know the answer; reading feedback takes
///   ``feedbackSeconds``, reading a presented entry ``presentationSeconds``.
public struct LearnerModel: Hashable, Sendable {
    /// The learner's true FSRS-6 parameters: a little slower to consolidate than FSRS's
    /// default population (smaller initial stabilities, a larger forgetting penalty).
    public var parameters: [Double] = [
        0.30, 1.00, 2.00, 7.00, 6.80, 0.70, 2.80, 0.005, 1.70, 0.15, 0.85,
        1.60, 0.07, 0.25, 1.60, 0.55, 1.90, 0.50, 0.10, 0.06, 0.18,
    ]
    public var recognitionStabilityFactor = 4.0
    public var answerTimeSpread = 0.4
    public var feedbackSeconds = 5.0
    public var presentationSeconds = 15.0

    public init() {}

    /// Median seconds to answer a question of `format` the learner knows.
    public func medianSeconds(for format: QuestionFormat) -> Double {
        switch format {
        case .choiceTerm, .relatedChoice: 7
        case .choiceDefinition, .oddOneOut: 10
        case .typed, .nameRelated: 8
        case .cloze: 10
        case .matching: 30
        case .flashcard: 5
        }
    }

    /// Whether `format` asks the learner to produce the answer (not pick it).
    public static func isProduction(_ format: QuestionFormat) -> Bool {
        switch format {
        case .typed, .cloze, .nameRelated, .flashcard: true
        case .choiceTerm, .choiceDefinition, .relatedChoice, .oddOneOut, .matching: false
        }
    }
}
