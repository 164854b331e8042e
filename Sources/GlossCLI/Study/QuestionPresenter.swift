import GlossCore

/// Shows a question on the console: prompt, then numbered terms and lettered options.
struct QuestionPresenter {
    let console: Console

    func present(_ question: Question, status: String) {
        if !status.isEmpty { console.line(console.paint(status, .dim)) }
        switch question.format {
        case .flashcard:
            console.wrapped(console.paint(question.prompt, .emphasis))
        default:
            console.wrapped(question.prompt)
        }
        for (index, term) in question.terms.enumerated() {
            console.wrapped("\(index + 1). \(term)", indent: "  ")
        }
        for (index, option) in question.options.enumerated() {
            let lines = wrap("\(Question.letter(index))) \(option)", width: console.width - 2)
            for (number, line) in lines.enumerated() { console.line((number == 0 ? "  " : "     ") + line) }
        }
    }

    /// The prompt the answer is typed after.
    func answerPrompt(for question: Question) -> String {
        switch question.format {
        case .typed, .nameRelated: "term> "
        case .cloze: "word> "
        case .matching: "pairs (e.g. 1c 2a 3d 4b)> "
        case .flashcard: "Enter to reveal> "
        default: "answer> "
        }
    }
}
