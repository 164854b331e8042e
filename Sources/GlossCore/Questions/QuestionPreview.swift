/// One question as `gloss questions --json` prints it.
public struct QuestionPreviewItem: Hashable, Codable, Sendable {
    public var facet: Facet
    public var format: QuestionFormat
    public var entry: EntryID
    public var prompt: String
    /// Matching only: the terms, numbered 1–n.
    public var terms: [String]?
    public var options: [String]
    /// Index (0-based) of the right option; for matching, of each term's definition.
    public var correct: [Int]
    public var accepted: [String]

    public init(_ question: Question) {
        facet = question.card.facet
        format = question.format
        entry = question.card.entry
        prompt = question.prompt
        terms = question.format == .matching ? question.terms : nil
        options = question.options
        correct = question.correct
        accepted = question.accepted
    }
}

/// Questions for deck authors to look at, generated without touching any progress.
///
/// ```swift
/// var rng = SplitMix64(seed: 7)
/// let questions = QuestionPreview.questions(index: index, count: 50, using: &rng)
/// print(QuestionPreview.text(questions))
/// ```
public enum QuestionPreview {
    /// `count` questions; with `format` nil the formats take turns so that every one appears.
    /// Entries are drawn at random among those the format can ask; a format no entry can ask
    /// is skipped (so a tiny deck may yield fewer questions).
    public static func questions(
        index: QuestionIndex, count: Int, format: QuestionFormat? = nil,
        using rng: inout some RandomNumberGenerator
    ) -> [Question] {
        let generator = QuestionGenerator(index: index)
        let entries = index.deck.entries
        guard !entries.isEmpty, count > 0 else { return [] }
        let formats = format.map { [$0] } ?? QuestionFormat.allCases
        var result: [Question] = []
        var unusable = Set<QuestionFormat>()
        var turn = 0
        while result.count < count, unusable.count < formats.count {
            let f = formats[turn % formats.count]
            turn += 1
            if unusable.contains(f) { continue }
            let facet = f == .flashcard ? Facet.allCases.randomElement(using: &rng) ?? .recall : QuestionGenerator.facet(for: f)
            func card(_ k: Int) -> CardKey { CardKey(deck: index.deck.id, entry: entries[k].id, facet: facet) }
            var chosen: Int?
            for _ in 0..<8 {
                let k = Int.random(in: 0..<entries.count, using: &rng)
                if generator.canAsk(card(k), as: f) {
                    chosen = k
                    break
                }
            }
            if chosen == nil {
                let start = Int.random(in: 0..<entries.count, using: &rng)
                chosen = (0..<entries.count).map { (start + $0) % entries.count }.first { generator.canAsk(card($0), as: f) }
            }
            guard let k = chosen, let question = try? generator.question(for: card(k), format: f, using: &rng) else {
                unusable.insert(f)
                continue
            }
            result.append(question)
        }
        return result
    }

    /// The plain-text preview: each question numbered, its options, and the right answer.
    public static func text(_ questions: [Question]) -> String {
        var lines: [String] = []
        for (n, question) in questions.enumerated() {
            lines.append(
                "\(n + 1). [\(question.format.rawValue) · \(question.card.entry) · \(question.card.facet.rawValue)] \(question.prompt)"
            )
            for (t, term) in question.terms.enumerated() { lines.append("   \(t + 1). \(term)") }
            for (o, option) in question.options.enumerated() { lines.append("   \(Question.letter(o))) \(option)") }
            switch question.format {
            case .typed, .cloze, .nameRelated: lines.append("   accepted: \(question.accepted.joined(separator: " | "))")
            case .flashcard: lines.append("   reveal: \(question.reveal)")
            default: lines.append("   answer: \(Feedback.rightAnswer(question))")
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    /// The `--json` structure, ready for `JSONEncoder`.
    public static func items(_ questions: [Question]) -> [QuestionPreviewItem] {
        questions.map(QuestionPreviewItem.init)
    }
}
