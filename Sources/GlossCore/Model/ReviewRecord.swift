import Foundation

/// One line of a learner's review journal: an answer, or the revocation of one (undo).
///
/// The journal is the source of truth: replaying its records rebuilds every card state.
public struct ReviewRecord: Hashable, Sendable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// A scheduled answer: it moved the card's schedule.
        case review
        /// A quiz answer: counted in stats and confusions, schedule untouched.
        case practice
        /// Undoes the record whose sequence number is `revokes`.
        case revoke
        /// Takes the card out of study (a leech, under `leech-action suspend`); no answer.
        case suspend
        /// Brings a suspended card back (`gloss unsuspend`); no answer.
        case unsuspend
    }

    /// Strictly increasing within one learner's journal, starting at 1.
    public var seq: Int
    public var kind: Kind
    public var time: Date
    public var card: CardKey
    public var format: QuestionFormat?
    /// What the learner typed or picked, as shown to them.
    public var answer: String
    public var correct: Bool
    public var rating: Rating
    /// Milliseconds from the question being shown to the answer.
    public var responseMs: Int
    /// For a wrong pick that was another entry of the deck: that entry (a confusion).
    public var confusedWith: EntryID?
    /// What the answer showed beyond its rating that moves the schedule (`Scheduler.after`).
    public var evidence: AnswerEvidence
    /// The card's state before the answer. Replay fills it in; in the journal it is kept
    /// only on a re-rating (the state the new rating moves from) and a revocation.
    public var before: CardState?
    /// The card's state after the answer. Replay derives it (`ProgressState.apply`); in the
    /// journal it is kept only where it can't be derived: a revocation (the state restored),
    /// a state imported or migrated from an older journal.
    public var after: CardState?
    /// The scheduling rules in force from this answer on, on the first answer after they
    /// changed (nil: those of the answers before).
    public var rules: ScheduleRules?
    /// For `kind == .revoke`: the sequence number undone. On an answer: the answer it
    /// re-rates (replaces), revoked by this one record.
    public var revokes: Int?
    /// The device that wrote it (nil in journals from before devices had ids): with `seq`,
    /// the record's identity across devices.
    public var device: String?

    public init(
        seq: Int, kind: Kind = .review, time: Date, card: CardKey, format: QuestionFormat? = nil,
        answer: String = "", correct: Bool, rating: Rating, responseMs: Int = 0,
        confusedWith: EntryID? = nil, evidence: AnswerEvidence = .none, before: CardState? = nil,
        after: CardState? = nil, revokes: Int? = nil, device: String? = nil, rules: ScheduleRules? = nil
    ) {
        self.seq = seq
        self.kind = kind
        self.time = time
        self.card = card
        self.format = format
        self.answer = answer
        self.correct = correct
        self.rating = rating
        self.responseMs = responseMs
        self.confusedWith = confusedWith
        self.evidence = evidence
        self.before = before
        self.after = after
        self.revokes = revokes
        self.device = device
        self.rules = rules
    }
}
