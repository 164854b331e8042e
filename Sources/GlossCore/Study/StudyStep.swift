import Foundation

/// What one answer does in a study session, as the study loop and the simulated learner both
/// apply it: the rating, the card's next state, and the confusion to record.
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
    /// The card's state after the answer.
    public var after: CardState
    /// The entry the learner took for the asked one, if the answer was a confusion.
    public var confusedWith: EntryID?

    /// Grades `outcome` (not a flashcard) and moves the card's schedule.
    ///
    /// `presented`: the card is new and its entry was just shown (``Presentation``), so a right
    /// answer proves only that the learner read it: it is recorded as `hard` (the memory, and
    /// so the difficulty, start from Hard's values, not Good's), while it moves the learning
    /// steps on as a right answer does. A wrong one is `again` as ever.
    public init(
        question: Question, outcome: AnswerOutcome, hintsUsed: Int, responseSeconds: Double, state: CardState,
        settings: LearnerSettings, scheduler: some Scheduler, at now: Date, presented: Bool = false
    ) {
        let rating =
            Grader(typedRecallThreshold: settings.typedRecallThreshold).rating(
                for: outcome, format: question.format, hintsUsed: hintsUsed, responseSeconds: responseSeconds,
                stabilityBefore: state.stability) ?? .again
        guard presented, state.phase == .new, rating != .again else {
            self.init(rated: rating, question: question, outcome: outcome, state: state, scheduler: scheduler, at: now)
            return
        }
        self.init(rated: .hard, question: question, outcome: outcome, state: state, scheduler: scheduler, at: now)
        let steps = scheduler.review(state, rating: .good, at: now, card: question.card)
        after.phase = steps.phase
        after.step = steps.step
        after.due = steps.due
    }

    /// An answer already rated (a flashcard, or a changed rating).
    public init(
        rated rating: Rating, question: Question, outcome: AnswerOutcome, state: CardState, scheduler: some Scheduler,
        at now: Date
    ) {
        self.rating = rating
        self.after = scheduler.review(state, rating: rating, at: now, card: question.card)
        self.confusedWith = StudyStep.confusion(in: outcome)
    }

    /// The entry an outcome says the learner picked instead of the asked one.
    public static func confusion(in outcome: AnswerOutcome) -> EntryID? {
        switch outcome {
        case .confused(let other): other
        case .partlyRight(_, _, let confusions): confusions.first?.picked
        case .empty, .hintRequested, .gaveUp, .right, .wrong, .unreadable: nil
        }
    }
}
