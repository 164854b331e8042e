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
        Self.ladder(card.facet, state: state, settings: settings).first { canAsk(card, as: $0) } ?? .flashcard
    }

    /// The formats the ladder prefers for a card of `facet` in `state`, best first, before the
    /// deck is asked which it can support (``format(for:state:settings:)``).
    public static func ladder(_ facet: Facet, state: CardState, settings: LearnerSettings) -> [QuestionFormat] {
        if settings.flip { return [.flashcard] }
        let climbed =
            state.phase == .relearning || (state.phase != .new && (state.stability ?? 0) >= settings.typedRecallThreshold)
        switch facet {
        case .recognize: return climbed ? [.typed] : [.choiceTerm, .typed]
        case .recall: return climbed ? [.cloze, .matching, .choiceDefinition] : [.choiceDefinition, .matching]
        case .relate: return climbed ? [.nameRelated, .oddOneOut, .relatedChoice] : [.relatedChoice, .oddOneOut]
        }
    }

    /// Whether a fair question of `format` can be made for `card` in this deck.
    ///
    /// Related-term questions need a related entry whose term shares no word with the asked
    /// term (else the shared word gives it away) and three entries clearly far from it
    /// (`QuestionIndex.isFar`); odd-one-out needs three related entries, at most one of them
    /// sharing a word with the asked term, and one far entry. An entry the deck cannot give
    /// such options gets another format instead of an unfair question.
    public func canAsk(_ card: CardKey, as format: QuestionFormat) -> Bool {
        guard let i = index.position(of: card.entry) else { return false }
        guard format == .flashcard || QuestionGenerator.facet(for: format) == card.facet else { return false }
        let n = index.deck.entries.count
        switch format {
        case .typed, .flashcard: return card.facet != .relate || !index.related[i].isEmpty || format == .flashcard
        case .choiceTerm, .choiceDefinition, .matching: return n >= 2
        case .relatedChoice:
            guard !index.broad[i], distinctRelated(of: i).contains(where: { !sharesTermWord($0, i) }) else { return false }
            let needed = QuestionGenerator.optionCount - 1
            return picker.countFar(from: i, upTo: needed, allowed: { unrelatedFits($0, to: i) }) >= needed
        case .oddOneOut:
            let related = distinctRelated(of: i)
            guard !index.broad[i], related.count >= QuestionGenerator.oddOneOutRelated,
                related.filter({ !sharesTermWord($0, i) }).count >= QuestionGenerator.oddOneOutRelated - 1
            else { return false }
            return picker.countFar(from: i, upTo: 1, allowed: { unrelatedFits($0, to: i) }) >= 1
        case .cloze, .nameRelated: return canAskProduction(format, i)
        }
    }

    /// A question about `card` in `format`; the generator decides options and their order.
    public func question(
        for card: CardKey, format: QuestionFormat, using rng: inout some RandomNumberGenerator
    ) throws(CoreError) -> Question {
        guard let i = index.position(of: card.entry) else {
            throw .question(.unknownEntry(deck: index.deck.id, entry: card.entry))
        }
        guard format == .flashcard || QuestionGenerator.facet(for: format) == card.facet else {
            throw .question(.formatNotForFacet(format: format, facet: card.facet))
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
    ) throws(CoreError) -> Question {
        try question(for: card, format: format(for: card, state: state, settings: settings), using: &rng)
    }

    // MARK: - Formats

    private var entries: [Entry] { index.deck.entries }

    private func choiceTerm(_ card: CardKey, _ i: Int, using rng: inout some RandomNumberGenerator) throws(CoreError)
        -> Question
    {
        let wrong = picker.lures(
            QuestionGenerator.optionCount - 1, for: i,
            allowed: { j, chosen in
                termOptionFits(j, against: [i] + chosen) && index.foldedDefinition[j] != index.foldedDefinition[i]
                    && !definitionNames(i, j)
            }, using: &rng)
        guard !wrong.isEmpty else {
            throw .question(.deckTooSmall(deck: index.deck.id, entries: entries.count, format: .choiceTerm, needs: 2))
        }
        var order = [i] + wrong
        order.shuffle(using: &rng)
        let masked = Mask.apply(
            to: entries[i].definition, names: order.flatMap { index.maskNames[$0] },
            words: distinctiveStems(of: i, among: order))
        return choice(
            card, .choiceTerm, prompt: "Which term means: \(masked)", order: order, right: i,
            texts: order.map { entries[$0].term }, using: &rng)
    }

    private func typed(_ card: CardKey, _ i: Int) -> Question {
        let masked = Mask.apply(
            to: entries[i].definition, names: index.maskNames[i],
            words: index.nameStems[i].filter { !index.commonStems.contains($0) })
        return Question(
            card: card, format: .typed, prompt: "Type the term: \(masked)",
            accepted: index.maskNames[i], hint: Hint.pattern(of: entries[i].term),
            reveal: entries[i].definition)
    }

    private func choiceDefinition(_ card: CardKey, _ i: Int, using rng: inout some RandomNumberGenerator) throws(CoreError)
        -> Question
    {
        // A word of the term in the right definition is blanked there (lint warns of it), and
        // no lure may use one: a word that some options use and others lack would point at them.
        let cues = index.termStems[i].filter { !index.commonStems.contains($0) }
        let ownCues = cues.filter { TermWords.text(entries[i].definition, mentions: [$0]) }
        var shownText: [Int: (text: String, folded: String)] = [:]  // each candidate's option, masked once
        func option(_ j: Int) -> (text: String, folded: String) {
            if let known = shownText[j] { return known }
            let text = Mask.apply(
                to: entries[j].definition, names: index.maskNames[j] + index.maskNames[i], words: j == i ? ownCues : [])
            let made = (text, TextFold.normalize(text))
            shownText[j] = made
            return made
        }
        func shown(_ j: Int) -> String { option(j).text }
        func foldedShown(_ j: Int) -> String { option(j).folded }
        let right = foldedShown(i)
        let wrong = picker.lures(
            QuestionGenerator.optionCount - 1, for: i,
            allowed: { j, chosen in
                guard namesDisjoint(j, i), index.foldedDefinition[j] != index.foldedDefinition[i], !definitionNames(j, i)
                else { return false }
                let text = foldedShown(j)
                // A blank in a lure (its own name hidden) would mark it as not the answer.
                return !text.isEmpty && text != right && !chosen.contains { foldedShown($0) == text }
                    && !shown(j).contains(Mask.blank)
                    && !cues.contains { cue in text.split(separator: " ").contains { TermWords.matches(Stem.of(String($0)), cue) }
                    }
            }, using: &rng)
        guard !wrong.isEmpty else {
            throw .question(.deckTooSmall(deck: index.deck.id, entries: entries.count, format: .choiceDefinition, needs: 2))
        }
        var order = [i] + wrong
        order.shuffle(using: &rng)
        return choice(
            card, .choiceDefinition, prompt: "What does “\(entries[i].term)” mean?", order: order, right: i,
            texts: order.map(shown), using: &rng)
    }

    private func relatedChoice(_ card: CardKey, _ i: Int, using rng: inout some RandomNumberGenerator) throws(CoreError)
        -> Question
    {
        let related = distinctRelated(of: i).filter { !sharesTermWord($0, i) }
        guard let r = related.randomElement(using: &rng) else {
            throw .question(
                .tooFewRelated(deck: index.deck.id, entry: entries[i].id, related: 0, format: .relatedChoice, needs: 1))
        }
        let needed = QuestionGenerator.optionCount - 1
        let wrong = picker.unrelated(
            needed, for: i, like: [r],
            allowed: { j, chosen in unrelatedFits(j, to: i) && termOptionFits(j, against: [r] + chosen) }, using: &rng)
        guard wrong.count == needed else {
            throw .question(.noDistractors(deck: index.deck.id, entry: entries[i].id, format: .relatedChoice))
        }
        var order = [r] + wrong
        order.shuffle(using: &rng)
        return choice(
            card, .relatedChoice, prompt: "Which of these is related to “\(entries[i].term)”?", order: order,
            right: r, texts: order.map { entries[$0].term }, using: &rng)
    }

    private func oddOneOut(_ card: CardKey, _ i: Int, using rng: inout some RandomNumberGenerator) throws(CoreError)
        -> Question
    {
        let needs = QuestionGenerator.oddOneOutRelated
        var plain = distinctRelated(of: i).filter { !sharesTermWord($0, i) }
        var cued = distinctRelated(of: i).filter { sharesTermWord($0, i) }
        plain.shuffle(using: &rng)
        cued.shuffle(using: &rng)
        // At most one shown related term shares a word with the asked term, so the odd one
        // out is not the only option without it.
        let shownRelated = Array((plain.prefix(needs) + cued.prefix(1)).prefix(needs))
        guard shownRelated.count == needs else {
            throw .question(
                .tooFewRelated(
                    deck: index.deck.id, entry: entries[i].id, related: shownRelated.count, format: .oddOneOut, needs: needs))
        }
        let odd = picker.unrelated(
            1, for: i, like: shownRelated,
            allowed: { j, _ in unrelatedFits(j, to: i) && termOptionFits(j, against: shownRelated) }, using: &rng)
        guard let o = odd.first else {
            throw .question(.noDistractors(deck: index.deck.id, entry: entries[i].id, format: .oddOneOut))
        }
        var order = shownRelated + [o]
        order.shuffle(using: &rng)
        return choice(
            card, .oddOneOut, prompt: "Which of these is NOT related to “\(entries[i].term)”?", order: order,
            right: o, texts: order.map { entries[$0].term }, using: &rng)
    }

    private func matching(_ card: CardKey, _ i: Int, using rng: inout some RandomNumberGenerator) throws(CoreError)
        -> Question
    {
        let others = picker.lures(
            QuestionGenerator.matchingCount - 1, for: i,
            allowed: { j, chosen in
                let group = [i] + chosen
                guard termOptionFits(j, against: group) else { return false }
                return !group.contains {
                    index.foldedDefinition[$0] == index.foldedDefinition[j] || definitionNames($0, j) || definitionNames(j, $0)
                }
            }, using: &rng)
        guard !others.isEmpty else {
            throw .question(.deckTooSmall(deck: index.deck.id, entries: entries.count, format: .matching, needs: 2))
        }
        var termOrder = [i] + others
        termOrder.shuffle(using: &rng)
        var definitionOrder = termOrder
        definitionOrder.shuffle(using: &rng)
        let names = termOrder.flatMap { index.maskNames[$0] }
        let correct = termOrder.map { t in definitionOrder.firstIndex(of: t) ?? 0 }
        // Each definition hides the words of its own term that would pair it at sight.
        var question = Question(
            card: card, format: .matching, prompt: "Match each term to its definition.",
            options: definitionOrder.map {
                Mask.apply(to: entries[$0].definition, names: names, words: distinctiveStems(of: $0, among: termOrder))
            },
            optionEntries: definitionOrder.map { entries[$0].id }, correct: correct,
            terms: termOrder.map { entries[$0].term }, termEntries: termOrder.map { entries[$0].id },
            reveal: entries[i].definition)
        question.accepted = [question.matchingAnswer]
        // The hint gives one pair, never the asked entry's own (that is what is graded).
        if termOrder.count >= 3, let t = termOrder.indices.filter({ termOrder[$0] != i }).randomElement(using: &rng) {
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

    /// A choice question. Its hint rules out half of the wrong options, and there is none with
    /// two options: ruling one out would give the answer.
    private func choice(
        _ card: CardKey, _ format: QuestionFormat, prompt: String, order: [Int], right: Int,
        texts: [String], using rng: inout some RandomNumberGenerator
    ) -> Question {
        let position = order.firstIndex(of: right) ?? 0
        return Question(
            card: card, format: format, prompt: prompt, options: texts,
            optionEntries: order.map { entries[$0].id }, correct: [position],
            accepted: [String(position + 1), Question.letter(position), texts[position]],
            hint: order.count >= 3 ? Hint.elimination(order: order, right: right, using: &rng) : "",
            reveal: entries[index.position(of: card.entry) ?? right].definition)
    }

    /// Stems of `i`'s term that not every option of `order` shares and that are not common in
    /// the deck's definitions: in `i`'s definition they would point at `i`.
    private func distinctiveStems(of i: Int, among order: [Int]) -> [String] {
        index.termStems[i].filter { stem in
            !index.commonStems.contains(stem)
                && !order.allSatisfy { j in index.termStems[j].contains { TermWords.matches($0, stem) } }
        }
    }

    /// Whether `a`'s definition uses a name of `b`. Shown beside `b`, it would carry a blank
    /// where the name was, and a blank tells the learner which options go together or which
    /// cannot be the answer: such an entry is no lure for `b`.
    private func definitionNames(_ a: Int, _ b: Int) -> Bool {
        QuestionIndex.sortedContains(index.definitionMentions[a], b)
    }

    /// Whether the terms of `j` and `i` share a word (by stem), as "Inner/Outer Alignment" do.
    private func sharesTermWord(_ j: Int, _ i: Int) -> Bool {
        index.termStems[j].contains { a in index.termStems[i].contains { TermWords.matches(a, $0) } }
    }

    /// No name of `j` is a name of `k` (else both would be right).
    private func namesDisjoint(_ j: Int, _ k: Int) -> Bool {
        !index.foldedNames[j].contains { index.foldedNames[k].contains($0) }
    }

    /// `j`'s term can be shown beside the terms of `group`: non-empty, and no name shared.
    private func termOptionFits(_ j: Int, against group: [Int]) -> Bool {
        !index.foldedTerm[j].isEmpty && group.allSatisfy { $0 != j && namesDisjoint(j, $0) }
    }

    /// `j` is clearly far from `i` (`QuestionIndex.isFar`), and named like neither `i` nor one
    /// of its related entries.
    private func unrelatedFits(_ j: Int, to i: Int) -> Bool {
        index.isFar(i, j) && namesDisjoint(j, i) && index.related[i].allSatisfy { namesDisjoint(j, $0) }
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
