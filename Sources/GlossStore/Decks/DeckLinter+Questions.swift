import GlossCore

extension DeckLinter {
    /// `DeckAdvice` (what makes questions unfair or weak) as findings on the deck file's lines.
    static func questionFindings(_ parsed: ParsedDeck, add: (Int, LintFinding.Severity, String) -> Void) {
        for advice in DeckAdvice.findings(index: QuestionIndex(deck: parsed.deck)) {
            guard parsed.sources.indices.contains(advice.entry) else { continue }
            let source = parsed.sources[advice.entry]
            let line =
                switch advice.place {
                case .heading: source.heading
                case .definition: source.definition
                case .aliases: source.keys["aliases"] ?? source.heading
                }
            let severity: LintFinding.Severity =
                switch advice.level {
                case .warning: .warning
                case .note: .note
                }
            add(line, severity, advice.message)
        }
    }
}
