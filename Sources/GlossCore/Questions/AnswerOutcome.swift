/// What a learner's input to a question amounts to.
public enum AnswerOutcome: Hashable, Codable, Sendable {
    /// Empty input: for a typed or choice question, "I don't know"; for a flashcard, reveal.
    case empty
    /// `?`: the learner asks for the hint.
    case hintRequested
    /// `!`: the learner gives up.
    case gaveUp
    /// Right; `slip` when a typo within the tolerated distance was forgiven.
    case right(slip: Bool)
    /// Wrong, and the answer (picked or typed) is another entry of the deck.
    case confused(with: EntryID)
    /// Wrong, and not another entry.
    case wrong
    /// Matching: some pairs wrong; `confusions` are (term's entry, entry of the definition picked).
    case partlyRight(right: Int, of: Int, confusions: [MatchingConfusion])
    /// The input is not a readable answer to this question; the message says what is expected.
    case unreadable(String)

    /// Whether this input ends the question (a hint request or an unreadable answer does not).
    public var isFinal: Bool {
        switch self {
        case .hintRequested, .unreadable: false
        default: true
        }
    }

    /// Whether the answer counts as right.
    public var isRight: Bool {
        if case .right = self { return true }
        return false
    }
}

/// In a matching answer: the term's entry was matched with another entry's definition.
public struct MatchingConfusion: Hashable, Codable, Sendable {
    public var asked: EntryID
    public var picked: EntryID
    public init(asked: EntryID, picked: EntryID) {
        self.asked = asked
        self.picked = picked
    }
}
