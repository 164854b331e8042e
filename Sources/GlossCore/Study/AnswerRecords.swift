import Foundation

/// The journal records one answer makes, assembled from its `StudyStep`: what a study or
/// quiz session hands the store, and what a re-rating replaces it with.
///
/// ```swift
/// let step = StudyStep(question: q, outcome: outcome, hintsUsed: 0, responseSeconds: 6, …)
/// for record in AnswerRecords.records(for: step, question: q, answer: "b", state: before,
///                                     practice: false, at: now, responseMs: 6000) {
///     try store.append(record)
/// }
/// ```
public enum AnswerRecords {
    /// The records of one answer, in the order they are written: in matching, another pair's
    /// mistake first, as practice of that entry (never a confusion of the asked card), so that
    /// undo takes back the answer itself; then the answer. A scheduled answer carries its
    /// rating and evidence, not its states: the store derives them (`ProgressState.apply`), as
    /// `step.after`. A quiz answer (`practice`) leaves the schedule alone.
    public static func records(
        for step: StudyStep, question: Question, answer: String, state: CardState, practice: Bool, at now: Date,
        responseMs: Int
    ) -> [ReviewRecord] {
        var records = step.otherMistakes.map { mistake in
            ReviewRecord(
                seq: 0, kind: .practice, time: now,
                card: CardKey(deck: question.card.deck, entry: mistake.asked, facet: .recall), format: question.format,
                answer: answer, correct: false, rating: .again, responseMs: responseMs, confusedWith: mistake.picked)
        }
        records.append(
            ReviewRecord(
                seq: 0, kind: practice ? .practice : .review, time: now, card: question.card, format: question.format,
                answer: answer, correct: step.asked.isRight, rating: step.rating, responseMs: responseMs,
                confusedWith: step.confusedWith, evidence: practice ? .none : step.evidence))
        return records
    }

    /// `original` (as the store returned it, its states filled in) with a new rating: the same
    /// answer at the same time (card, answer, confusion kept), moved from the same `before`
    /// (kept in the record: replay starts from it) by the new rating alone. A practice answer
    /// keeps no state. The store writes it as one record that replaces `original`.
    public static func rerated(_ original: ReviewRecord, as rating: Rating) -> ReviewRecord {
        var record = original
        record.rating = rating
        record.evidence = .none
        record.after = nil
        record.rules = nil
        if record.kind != .review { record.before = nil }
        return record
    }
}
