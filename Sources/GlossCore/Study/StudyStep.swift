import Foundation

/// What one answer does in a study session, as the study loop and the simulated learner both
/// apply it: the rating, the card's next state, and the confusions to record.
///
/// ```swift
/// let outcome = AnswerMatcher(index: index).match(input, to: question)
/// let step = StudyStep(question: question, outcome: outcome, hintsUsed: 0, responseSeconds: 6,
///                      state: state, settings: settings, scheduler: fsrs, at: now)
/// step.rating   // .good
/// ```
public struct StudyStep: Sendable {
    /// The rating the answer earned (`again` for any outcome the grader does not rate).
    public var rating: Rating
    /// The card's state after the answer (`Scheduler.after` of the rating and `evidence`).
    public var after: CardState
    /// What the answer showed beyond its rating, kept in its record so replay gives `after`.
    public var evidence: AnswerEvidence
    /// What the answer was for the asked card: in matching, its own pair alone decides.
    public var asked: AnswerOutcome
    /// The entry the learner took for the asked one, if the answer was a confusion.
    public var confusedWith: EntryID?
    /// Matching: other pairs matched wrongly, to record as practice of those entries.
    public var otherMistakes: [MatchingConfusion] = []

    /// Grades `outcome` (not a flashcard) and moves the card's schedule.
    ///
    /// `presented`: the card is new and its entry was just shown (``Presentation``), so a right
    /// answer proves only that the learner read it: it is recorded as `hard` (the memory, and
    /// so the difficulty, start from Hard's values, not Good's), while it moves the learning
    /// steps on as a right answer does. A wrong one is `again` as ever.
    ///
    /// `sibling`: the card's content-sharing sibling in review (``SiblingEvidence``), if any.
    /// A right first answer then starts the card from the larger of Hard's initial stability
    /// and the sibling's (the interval follows it), as evidence that the entry is known.
    public init(
        question: Question, outcome: AnswerOutcome, hintsUsed: Int, responseSeconds: Double, state: CardState,
        settings: LearnerSettings, scheduler: some Scheduler, at now: Date, presented: Bool = false,
        times: ResponseTimes = ResponseTimes(), sibling: CardState? = nil
    ) {
        let asked = StudyStep.askedOutcome(outcome, card: question.card)
        let grader = Grader(policy: settings.grading, times: times)
        let rating =
            grader.rating(
                for: asked, format: question.format, hintsUsed: hintsUsed, responseSeconds: responseSeconds,
                stabilityBefore: state.stability) ?? .again
        // Hard only because the evidence is weak (a first answer after the presentation, or a
        // right pick under the production policy): the memory moves as Hard, the learning
        // steps as a right answer (Hard would repeat a step, forever for a card still picked).
        let pickedRight =
            rating == .hard && settings.grading == .production && !question.format.isProduction
            && hintsUsed == 0 && asked == .right(slip: false) && responseSeconds <= times.slowSeconds(for: question.format)
        let firstSight = presented && state.phase == .new && rating != .again
        var evidence = AnswerEvidence()
        if firstSight {
            evidence.weak = .presented
            // A facet whose content a sibling in review already holds starts from its memory.
            evidence.stabilityFloor = sibling?.stability
        } else if pickedRight {
            evidence.weak = .picked
        }
        if settings.grading == .capped, !question.format.isProduction, asked.isRight {
            evidence.capDays = Int(max(1, settings.typedRecallThreshold.rounded()))
        }
        self.init(
            rated: firstSight || pickedRight ? .hard : rating, evidence: evidence, question: question, outcome: outcome,
            state: state, scheduler: scheduler, at: now)
    }

    /// An answer already rated (a flashcard, or a changed rating).
    public init(
        rated rating: Rating, evidence: AnswerEvidence = .none, question: Question, outcome: AnswerOutcome,
        state: CardState, scheduler: some Scheduler, at now: Date
    ) {
        self.rating = rating
        self.evidence = evidence
        self.after = scheduler.after(state, rating: rating, evidence: evidence, at: now, card: question.card)
        self.asked = StudyStep.askedOutcome(outcome, card: question.card)
        self.confusedWith = StudyStep.confusion(in: asked)
        if case .partlyRight(_, _, let confusions) = outcome {
            otherMistakes = confusions.filter { $0.asked != question.card.entry }
        }
    }

    /// Matching: the asked card is right when its own pair is, whatever the other pairs.
    public static func askedOutcome(_ outcome: AnswerOutcome, card: CardKey) -> AnswerOutcome {
        guard case .partlyRight(_, _, let confusions) = outcome else { return outcome }
        if let own = confusions.first(where: { $0.asked == card.entry }) { return .confused(with: own.picked) }
        return .right(slip: false)
    }

    /// The entry an outcome says the learner picked instead of the asked one.
    public static func confusion(in outcome: AnswerOutcome) -> EntryID? {
        switch outcome {
        case .confused(let other): other
        case .partlyRight, .empty, .hintRequested, .gaveUp, .right, .wrong, .unreadable: nil
        }
    }
}
