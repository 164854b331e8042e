/// How a question is asked.
public enum QuestionFormat: String, Codable, Sendable, CaseIterable {
    /// Definition shown, pick the term from options.
    case choiceTerm = "choice-term"
    /// Term shown, pick the definition from options.
    case choiceDefinition = "choice-definition"
    /// Definition shown, type the term.
    case typed
    /// "Which of these is related to X?"
    case relatedChoice = "related"
    /// "Which of these is NOT related to X?"
    case oddOneOut = "odd-one-out"
    /// Four terms, four definitions, answered as `1c 2a 3d 4b`.
    case matching
    /// Term shown, Enter reveals the definition, the learner rates 1–4.
    case flashcard
    /// The definition with a key word blanked: type the word.
    case cloze
    /// "Name a term related to X": type any related term.
    case nameRelated = "name-related"
}
