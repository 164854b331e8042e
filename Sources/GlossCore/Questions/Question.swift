/// One generated question about one card, with everything needed to ask, check and explain it.
///
/// - Choice formats (`choiceTerm`, `choiceDefinition`, `relatedChoice`, `oddOneOut`):
///   `options` are numbered 1–n (or a–…), `correct` holds the one right index.
/// - `typed`: no options; `accepted` holds the term and its aliases.
/// - `matching`: `terms` (numbered 1–4) are matched to `options` (definitions, lettered a–d);
///   `correct[i]` is the index of the definition of `terms[i]`.
/// - `flashcard`: `prompt` is the term, `reveal` the definition; the learner rates themself.
public struct Question: Hashable, Codable, Sendable {
    public var card: CardKey
    public var format: QuestionFormat
    /// The text asked, e.g. the masked definition or "Which of these is related to X?".
    public var prompt: String
    /// Option texts, in the order shown.
    public var options: [String]
    /// The entry each option stands for (for recording confusions).
    public var optionEntries: [EntryID]
    /// Index (or, for matching, indices per term) of the right option(s).
    public var correct: [Int]
    /// Answers accepted as right, as the learner could type them.
    public var accepted: [String]
    /// Matching only: the terms to match, numbered 1–n.
    public var terms: [String]
    /// Matching only: the entry of each term.
    public var termEntries: [EntryID]
    /// Shown on `?`: a first-letter pattern for typed answers, an elimination for choices.
    public var hint: String
    /// Shown after the answer (and on Enter for a flashcard): the entry's definition.
    public var reveal: String

    public init(
        card: CardKey, format: QuestionFormat, prompt: String, options: [String] = [],
        optionEntries: [EntryID] = [], correct: [Int] = [], accepted: [String] = [],
        terms: [String] = [], termEntries: [EntryID] = [], hint: String = "", reveal: String = ""
    ) {
        self.card = card
        self.format = format
        self.prompt = prompt
        self.options = options
        self.optionEntries = optionEntries
        self.correct = correct
        self.accepted = accepted
        self.terms = terms
        self.termEntries = termEntries
        self.hint = hint
        self.reveal = reveal
    }

    /// The letter naming option `index`: 0 → "a".
    public static func letter(_ index: Int) -> String {
        guard index >= 0, index < 26, let scalar = Unicode.Scalar(97 + index) else { return "?" }
        return String(Character(scalar))
    }

    /// For matching: the expected answer, e.g. `1c 2a 3d 4b`.
    public var matchingAnswer: String {
        correct.enumerated().map { "\($0.offset + 1)\(Question.letter($0.element))" }.joined(separator: " ")
    }
}
