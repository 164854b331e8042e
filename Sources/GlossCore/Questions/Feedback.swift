/// The text shown after an answer, as plain lines (the CLI adds colour).
///
/// ```swift
/// Feedback.lines(for: question, outcome: .confused(with: "outer-alignment"), index: index)
/// // ["Wrong.", "Answer: Inner alignment", "Inner alignment: Making a model's ...",
/// //  "You picked Outer alignment: Specifying an objective ..."]
/// ```
///
/// Feedback shows only what the question was about: a `relate` question its related terms
/// ("Related to X: …"), any other its term and definition, never a sibling's answer.
public enum Feedback {
    public static func lines(
        for question: Question, outcome: AnswerOutcome, input: String = "", index: QuestionIndex
    ) -> [String] {
        guard let i = index.position(of: question.card.entry) else { return [] }
        let entry = index.deck.entries[i]
        var lines: [String] = []
        switch outcome {
        case .right(slip: false): lines.append("Right.")
        case .right(slip: true): lines.append("Right, with a slip: you typed “\(input)”.")
        case .gaveUp: lines.append("Gave up.")
        case .empty: lines.append("No answer.")
        case let .partlyRight(right, of, _): lines.append("\(right) of \(of) pairs right.")
        case .wrong, .confused: lines.append("Wrong.")
        case .hintRequested: return question.hint.isEmpty ? ["No hint for this question."] : ["Hint: \(question.hint)"]
        case let .unreadable(message): return [message.prefix(1).uppercased() + message.dropFirst() + "."]
        }
        lines.append("Answer: \(rightAnswer(question))")
        // Only what the question was about: a relate question shows the related terms, the others
        // the term and its definition (a sibling's answer would give its next question away).
        let related = index.relatedEntries(of: entry.id).map(\.term)
        if question.card.facet == .relate {
            if !related.isEmpty { lines.append("Related to \(entry.term): \(related.joined(separator: ", "))") }
            return lines
        }
        lines.append("\(entry.term): \(entry.definition)")
        switch outcome {
        case let .confused(other):
            if let o = index.position(of: other) {
                let picked = index.deck.entries[o]
                lines.append("You picked \(picked.term): \(picked.definition)")
            }
        case let .partlyRight(_, _, confusions):
            for confusion in confusions {
                if let a = index.position(of: confusion.asked), let p = index.position(of: confusion.picked) {
                    lines.append("\(index.deck.entries[a].term) is not: \(index.deck.entries[p].definition)")
                }
            }
        default: break
        }
        return lines
    }

    /// The right answer as the learner should see it.
    public static func rightAnswer(_ question: Question) -> String {
        switch question.format {
        case .typed, .cloze, .flashcard: return question.accepted.first ?? question.reveal
        case .nameRelated: return "any of " + question.reveal
        case .matching: return question.matchingAnswer
        case .choiceTerm, .choiceDefinition, .relatedChoice, .oddOneOut:
            guard let c = question.correct.first, question.options.indices.contains(c) else { return "" }
            return "\(Question.letter(c))) \(question.options[c])"
        }
    }
}
