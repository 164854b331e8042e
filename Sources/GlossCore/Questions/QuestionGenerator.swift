/// Writes questions about cards of one deck: fair (one right answer, nothing given away)
/// and plausible (distractors from `DistractorPicker`).
///
/// ```swift
/// let index = QuestionIndex(deck: deck)                        // once per deck
/// let generator = QuestionGenerator(index: index, confusions: progress.confusions)
/// let format = generator.format(for: card, state: state, settings: settings)
/// var rng = SplitMix64(seed: 7)
/// let question = try generator.question(for: card, format: format, using: &rng)
/// ```
public struct QuestionGenerator: Sendable {
    public let index: QuestionIndex
    public let picker: DistractorPicker

    /// Options in a choice question (fewer only when the deck is too small).
    public static let optionCount = 4
    /// Pairs in a matching question (fewer only when the deck is too small).
    public static let matchingCount = 4
    /// Related terms an entry needs for an odd-one-out question.
    public static let oddOneOutRelated = 3

    public init(index: QuestionIndex, confusions: Confusions = Confusions()) {
        self.index = index
        self.picker = DistractorPicker(index: index, confusions: confusions)
    }

    /// The formats that can ask `facet`.
    public static func formats(for facet: Facet) -> [QuestionFormat] {
        switch facet {
        case .recognize: [.choiceTerm, .typed, .flashcard]
        case .recall: [.choiceDefinition, .matching, .cloze, .flashcard]
        case .relate: [.relatedChoice, .oddOneOut, .nameRelated, .flashcard]
        }
    }

    /// The facet a format asks.
    public static func facet(for format: QuestionFormat) -> Facet {
        switch format {
        case .choiceTerm, .typed: .recognize
        case .choiceDefinition, .matching, .cloze, .flashcard: .recall
        case .relatedChoice, .oddOneOut, .nameRelated: .relate
        }
    }

    /// The format to ask a card in, following memory strength: the format ladder.
    ///
    /// Flashcards when `settings.flip`. Otherwise a card is *weak* while it is new or its
    /// FSRS stability is below `settings.typedRecallThreshold` days, and climbs to production
    /// once it is not; a card in relearning (it lapsed) is asked in production, the rung a
    /// climbed card failed on, for its relearning steps:
    /// - `recognize`: multiple choice (definition → term) while weak, typed term after;
    /// - `recall`: multiple choice (term → definition) while weak, a cloze of the definition
    ///   after (matching when no key word can be blanked);
    /// - `relate`: related-term choice while weak, "name a term related to X" after.
    /// A format the deck can't support falls back to the next one that it can.
    public func format(for card: CardKey, state: CardState, settings: LearnerSettings) -> QuestionFormat {
        if settings.flip { return .flashcard }
        let climbed =
            state.phase == .relearning || (state.phase != .new && (state.stability ?? 0) >= settings.typedRecallThreshold)
        let preferred: [QuestionFormat] =
            switch card.facet {
            case .recognize: climbed ? [.typed] : [.choiceTerm, .typed]
            case .recall: climbed ? [.cloze, .matching, .choiceDefinition] : [.choiceDefinition, .matching]
            case .relate: climbed ? [.nameRelated, .oddOneOut, .relatedChoice] : [.relatedChoice, .oddOneOut]
            }
        return preferred.first { canAsk(card, as: $0) } ?? .flashcard
    }

    /// Whether a question of `format` can be made for `card` in this deck.
    public func canAsk(_ card: CardKey, as format: QuestionFormat) -> Bool {
        guard let i = index.position(of: card.entry) else { return false }
        guard format == .flashcard || QuestionGenerator.facet(for: format) == card.facet else { return false }
        let n = index.deck.entries.count
        let related = index.related[i].count
        switch format {
        case .typed, .flashcard: return card.facet != .relate || related > 0 || format == .flashcard
        case .choiceTerm, .choiceDefinition, .matching: return n >= 2
        case .relatedChoice: return related >= 1 && n - related - 1 >= 1
        case .oddOneOut: return related >= QuestionGenerator.oddOneOutRelated && n - related - 1 >= 1
        case .cloze, .nameRelated: return canAskProduction(format, i)
        }
    }

    /// A question about `card` in `format`; the generator decides options and their order.
    public func question(
        for card: CardKey, format: QuestionFormat, using rng: inout some RandomNumberGenerator
    ) throws(QuestionError) -> Question {
        guard let i = index.position(of: card.entry) else {
            throw .unknownEntry(deck: index.deck.id, entry: card.entry)
        }
        guard format == .flashcard || QuestionGenerator.facet(for: format) == card.facet else {
            throw .formatNotForFacet(format: format, facet: card.facet)
        }
        switch format {
        case .choiceTerm: return try choiceTerm(card, i, using: &rng)
        case .typed: return typed(card, i)
        case .choiceDefinition: return try choiceDefinition(card, i, using: &rng)
        case .relatedChoice: return try relatedChoice(card, i, using: &rng)
        case .oddOneOut: return try oddOneOut(card, i, using: &rng)
        case .matching: return try matching(card, i, using: &rng)
        case .flashcard: return flashcard(card, i)
        case .cloze: return try cloze(card, i)
        case .nameRelated: return try nameRelated(card, i)
        }
    }

    /// A question about `card` in the format its memory strength calls for.
    public func question(
        for card: CardKey, state: CardState, settings: LearnerSettings,
        using rng: inout some RandomNumberGenerator
    ) throws(QuestionError) -> Question {
        try question(for: card, format: format(for: card, state: state, settings: settings), using: &rng)
    }

    // MARK: - Formats

    private var entries: [Entry] { index.deck.entries }

    private func choiceTerm(_ card: CardKey, _ i: Int, using rng: inout some RandomNumberGenerator) throws(QuestionError)
        -> Question
    {
        let wrong = picker.pick(
            QuestionGenerator.optionCount - 1, for: i,
            allowed: { j, chosen in
                termOptionFits(j, against: [i] + chosen) && index.foldedDefinition[j] != index.foldedDefinition[i]
            }, using: &rng)
        guard !wrong.isEmpty else {
            throw .deckTooSmall(deck: index.deck.id, entries: entries.count, format: .choiceTerm, needs: 2)
        }
        var order = [i] + wrong
        order.shuffle(using: &rng)
        let masked = Mask.apply(to: entries[i].definition, names: order.flatMap { index.maskNames[$0] })
        return choice(
            card, .choiceTerm, prompt: "Which term means: \(masked)", order: order, right: i,
            texts: order.map { entries[$0].term }, hint: Hint.pattern(of: entries[i].term))
    }

    private func typed(_ card: CardKey, _ i: Int) -> Question {
        let masked = Mask.apply(to: entries[i].definition, names: index.maskNames[i])
        return Question(
            card: card, format: .typed, prompt: "Type the term: \(masked)",
            accepted: index.maskNames[i], hint: Hint.pattern(of: entries[i].term),
            reveal: entries[i].definition)
    }

    private func choiceDefinition(_ card: CardKey, _ i: Int, using rng: inout some RandomNumberGenerator) throws(QuestionError)
        -> Question
    {
        func shown(_ j: Int) -> String { Mask.apply(to: entries[j].definition, names: index.maskNames[j] + index.maskNames[i]) }
        var folded: [Int: String] = [:]  // masked, folded option text, computed once per candidate
        func foldedShown(_ j: Int) -> String {
            if let known = folded[j] { return known }
            let text = TextFold.normalize(shown(j))
            folded[j] = text
            return text
        }
        let right = foldedShown(i)
        let wrong = picker.pick(
            QuestionGenerator.optionCount - 1, for: i,
            allowed: { j, chosen in
                guard namesDisjoint(j, i), index.foldedDefinition[j] != index.foldedDefinition[i] else { return false }
                let text = foldedShown(j)
                return !text.isEmpty && text != right && !chosen.contains { foldedShown($0) == text }
            }, using: &rng)
        guard !wrong.isEmpty else {
            throw .deckTooSmall(deck: index.deck.id, entries: entries.count, format: .choiceDefinition, needs: 2)
        }
        var order = [i] + wrong
        order.shuffle(using: &rng)
        return choice(
            card, .choiceDefinition, prompt: "What does “\(entries[i].term)” mean?", order: order, right: i,
            texts: order.map(shown), hint: Hint.elimination(order: order, right: i, using: &rng))
    }

    private func relatedChoice(_ card: CardKey, _ i: Int, using rng: inout some RandomNumberGenerator) throws(QuestionError)
        -> Question
    {
        let related = distinctRelated(of: i)
        guard let r = related.randomElement(using: &rng) else {
            throw .tooFewRelated(deck: index.deck.id, entry: entries[i].id, related: 0, format: .relatedChoice, needs: 1)
        }
        let wrong = picker.pick(
            QuestionGenerator.optionCount - 1, for: i,
            allowed: { j, chosen in
                unrelatedFits(j, to: i) && termOptionFits(j, against: [r] + chosen)
            }, using: &rng)
        guard !wrong.isEmpty else { throw .noDistractors(deck: index.deck.id, entry: entries[i].id, format: .relatedChoice) }
        var order = [r] + wrong
        order.shuffle(using: &rng)
        return choice(
            card, .relatedChoice, prompt: "Which of these is related to “\(entries[i].term)”?", order: order,
            right: r, texts: order.map { entries[$0].term },
            hint: Hint.elimination(order: order, right: r, using: &rng))
    }

    private func oddOneOut(_ card: CardKey, _ i: Int, using rng: inout some RandomNumberGenerator) throws(QuestionError)
        -> Question
    {
        let needs = QuestionGenerator.oddOneOutRelated
        var related = distinctRelated(of: i)
        guard related.count >= needs else {
            throw .tooFewRelated(
                deck: index.deck.id, entry: entries[i].id, related: related.count, format: .oddOneOut, needs: needs)
        }
        related.shuffle(using: &rng)
        let shownRelated = Array(related.prefix(needs))
        let odd = picker.pick(
            1, for: i,
            allowed: { j, _ in
                unrelatedFits(j, to: i) && termOptionFits(j, against: shownRelated)
            }, using: &rng)
        guard let o = odd.first else { throw .noDistractors(deck: index.deck.id, entry: entries[i].id, format: .oddOneOut) }
        var order = shownRelated + [o]
        order.shuffle(using: &rng)
        return choice(
            card, .oddOneOut, prompt: "Which of these is NOT related to “\(entries[i].term)”?", order: order,
            right: o, texts: order.map { entries[$0].term },
            hint: Hint.elimination(order: order, right: o, using: &rng))
    }

    private func matching(_ card: CardKey, _ i: Int, using rng: inout some RandomNumberGenerator) throws(QuestionError)
        -> Question
    {
        let others = picker.pick(
            QuestionGenerator.matchingCount - 1, for: i,
            allowed: { j, chosen in
                let group = [i] + chosen
                guard termOptionFits(j, against: group) else { return false }
                return !group.contains { index.foldedDefinition[$0] == index.foldedDefinition[j] }
            }, using: &rng)
        guard !others.isEmpty else {
            throw .deckTooSmall(deck: index.deck.id, entries: entries.count, format: .matching, needs: 2)
        }
        var termOrder = [i] + others
        termOrder.shuffle(using: &rng)
        var definitionOrder = termOrder
        definitionOrder.shuffle(using: &rng)
        let names = termOrder.flatMap { index.maskNames[$0] }
        let correct = termOrder.map { t in definitionOrder.firstIndex(of: t) ?? 0 }
        var question = Question(
            card: card, format: .matching, prompt: "Match each term to its definition.",
            options: definitionOrder.map { Mask.apply(to: entries[$0].definition, names: names) },
            optionEntries: definitionOrder.map { entries[$0].id }, correct: correct,
            terms: termOrder.map { entries[$0].term }, termEntries: termOrder.map { entries[$0].id },
            reveal: entries[i].definition)
        question.accepted = [question.matchingAnswer]
        if let t = termOrder.firstIndex(of: i) {
            question.hint = "\(t + 1) goes with \(Question.letter(correct[t]))"
        }
        return question
    }

    private func flashcard(_ card: CardKey, _ i: Int) -> Question {
        let entry = entries[i]
        switch card.facet {
        case .recognize:
            return Question(
                card: card, format: .flashcard,
                prompt: Mask.apply(to: entry.definition, names: index.maskNames[i]),
                accepted: [entry.term], reveal: entry.term)
        case .recall:
            return Question(
                card: card, format: .flashcard, prompt: entry.term,
                accepted: [entry.definition], reveal: entry.definition)
        case .relate:
            let related = index.related[i].map { entries[$0].term }
            return Question(
                card: card, format: .flashcard, prompt: "What is related to “\(entry.term)”?",
                accepted: related, reveal: related.joined(separator: ", "))
        }
    }

    // MARK: - Fairness rules

    private func choice(
        _ card: CardKey, _ format: QuestionFormat, prompt: String, order: [Int], right: Int,
        texts: [String], hint: String
    ) -> Question {
        let position = order.firstIndex(of: right) ?? 0
        return Question(
            card: card, format: format, prompt: prompt, options: texts,
            optionEntries: order.map { entries[$0].id }, correct: [position],
            accepted: [String(position + 1), Question.letter(position), texts[position]],
            hint: hint, reveal: entries[index.position(of: card.entry) ?? right].definition)
    }

    /// No name of `j` is a name of `k` (else both would be right).
    private func namesDisjoint(_ j: Int, _ k: Int) -> Bool {
        !index.foldedNames[j].contains { index.foldedNames[k].contains($0) }
    }

    /// `j`'s term can be shown beside the terms of `group`: non-empty, and no name shared.
    private func termOptionFits(_ j: Int, against group: [Int]) -> Bool {
        !index.foldedTerm[j].isEmpty && group.allSatisfy { $0 != j && namesDisjoint(j, $0) }
    }

    /// `j` is neither `i` nor related to it, nor named like `i` or one of its related entries.
    private func unrelatedFits(_ j: Int, to i: Int) -> Bool {
        j != i && !index.relatedSet[i].contains(j) && namesDisjoint(j, i)
            && index.related[i].allSatisfy { namesDisjoint(j, $0) }
    }

    /// Related entries of `i` whose terms are distinct from each other and from `i`'s names.
    private func distinctRelated(of i: Int) -> [Int] {
        var result: [Int] = []
        for r in index.related[i] where !index.foldedTerm[r].isEmpty && namesDisjoint(r, i) {
            if result.allSatisfy({ namesDisjoint(r, $0) }) { result.append(r) }
        }
        return result
    }
}
