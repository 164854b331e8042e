/// How fairly a deck can be asked, per format: for deck authors (`gloss questions --audit`).
///
/// For each format, how many entries can be asked fairly (`QuestionGenerator.canAsk`), and
/// one question per such entry with its *margin*, the weakest questions first:
/// - related and odd-one-out: how far the nearest unrelated option stays under the "far"
///   bound (`QuestionIndex.farCloseness` minus its tag and text closeness to the asked entry);
///   near 0 means an option that is only just unrelated enough;
/// - term, definition and matching questions: the closeness of the least plausible lure to
///   the asked entry; near 0 means a lure nobody would hesitate over.
///
/// ```swift
/// var rng = SplitMix64(seed: 1)
/// let audit = QuestionAudit.run(index: index, using: &rng)
/// print(audit.text(weakest: 5))
/// ```
public struct QuestionAudit: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var format: QuestionFormat
        /// Entries the format can ask fairly.
        public var askable: Int
        /// Entries in the deck.
        public var entries: Int
        /// Questions made, weakest (smallest margin) first.
        public var weakest: [(question: Question, margin: Float)]

        public static func == (a: Row, b: Row) -> Bool {
            a.format == b.format && a.askable == b.askable && a.entries == b.entries
                && a.weakest.map(\.question) == b.weakest.map(\.question) && a.weakest.map(\.margin) == b.weakest.map(\.margin)
        }
    }

    public var deck: DeckID
    public var rows: [Row]

    /// The formats audited (flashcards have no options to judge).
    public static let formats: [QuestionFormat] = [
        .choiceTerm, .choiceDefinition, .matching, .typed, .cloze, .relatedChoice, .oddOneOut, .nameRelated,
    ]

    /// - Complexity: one question per entry and format.
    public static func run(index: QuestionIndex, using rng: inout some RandomNumberGenerator) -> QuestionAudit {
        let generator = QuestionGenerator(index: index)
        let entries = index.deck.entries
        var rows: [Row] = []
        for format in formats {
            var made: [(question: Question, margin: Float)] = []
            var askable = 0
            for entry in entries {
                let card = CardKey(deck: index.deck.id, entry: entry.id, facet: QuestionGenerator.facet(for: format))
                guard generator.canAsk(card, as: format) else { continue }
                askable += 1
                guard let question = try? generator.question(for: card, format: format, using: &rng) else { continue }
                made.append((question, margin(of: question, index: index)))
            }
            made.sort {
                $0.margin != $1.margin ? $0.margin < $1.margin : $0.question.card.entry.rawValue < $1.question.card.entry.rawValue
            }
            rows.append(Row(format: format, askable: askable, entries: entries.count, weakest: made))
        }
        return QuestionAudit(deck: index.deck.id, rows: rows)
    }

    /// The margin of one question (see the type's summary); 1 for a question with no options.
    public static func margin(of question: Question, index: QuestionIndex) -> Float {
        guard let i = index.position(of: question.card.entry) else { return 0 }
        let options = question.optionEntries.compactMap(index.position(of:))
        let right = question.correct.first.flatMap { options.indices.contains($0) ? options[$0] : nil }
        switch question.format {
        case .relatedChoice, .oddOneOut:
            let unrelated = question.format == .oddOneOut ? [right].compactMap { $0 } : options.filter { $0 != right }
            return unrelated.map { j in
                QuestionIndex.farCloseness
                    - (QuestionIndex.tagWeight * index.tagAffinity(i, j) + QuestionIndex.textWeight * index.textSimilarity(i, j))
            }.min() ?? 0
        case .choiceTerm, .choiceDefinition, .matching:
            return options.filter { $0 != i }.map { index.closeness(i, $0) }.min() ?? 0
        case .typed, .flashcard, .cloze, .nameRelated:
            return 1
        }
    }

    /// The report: a line per format, then the `weakest` weakest questions of each.
    public func text(weakest count: Int) -> String {
        var lines = ["Question audit of deck '\(deck)':"]
        for row in rows {
            lines.append("  \(row.format.rawValue): \(row.askable) of \(row.entries) entries can be asked fairly")
        }
        for row in rows where !row.weakest.isEmpty && !row.weakest.allSatisfy({ $0.question.options.isEmpty }) {
            lines.append("")
            lines.append("Weakest \(row.format.rawValue) questions (margin: \(Self.marginMeaning(row.format))):")
            for (question, margin) in row.weakest.prefix(count) {
                let options = question.format == .matching ? question.terms : question.options
                lines.append(
                    "  \(String(format2: margin))  \(question.card.entry): \(options.map { Self.short($0) }.joined(separator: " / "))"
                )
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func marginMeaning(_ format: QuestionFormat) -> String {
        switch format {
        case .relatedChoice, .oddOneOut: "how far the nearest unrelated option stays under the far bound"
        case .choiceTerm, .choiceDefinition, .matching: "closeness of the least plausible lure"
        case .typed, .flashcard, .cloze, .nameRelated: "none"
        }
    }

    static func short(_ text: String) -> String { text.count <= 40 ? text : String(text.prefix(37)) + "..." }
}

extension String {
    /// `value` with two decimals, without Foundation's formatter: "0.07", "-0.30".
    public init(format2 value: Float) {
        let hundredths = Int((value * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = abs(hundredths)
        let fraction = magnitude % 100
        self = "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
