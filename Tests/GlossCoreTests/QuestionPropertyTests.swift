import Testing

@testable import GlossCore

/// Fairness rules every generated question must keep; returns the broken ones, as text.
/// Checked against the deck itself (`Deck.relatedIDs`, plain folding), not the index.
func fairnessViolations(_ q: Question, deck: Deck) -> [String] {
    var problems: [String] = []
    guard let asked = deck.entry(q.card.entry) else { return ["unknown entry \(q.card.entry)"] }
    let related = Set(deck.relatedIDs(of: asked.id))
    func contains(_ text: String, name: String) -> Bool {
        let n = TextFold.normalize(name)
        return !n.isEmpty && (" " + TextFold.normalize(text) + " ").contains(" " + n + " ")
    }
    func unmasked(_ text: String, _ entry: Entry) -> Bool { Mask.names(of: entry).contains { contains(text, name: $0) } }
    let folded = q.options.map(TextFold.normalize)
    if Set(folded).count != folded.count { problems.append("options not distinct: \(q.options)") }
    if Set(q.optionEntries).count != q.optionEntries.count { problems.append("option entries repeat") }
    if q.options.count != q.optionEntries.count { problems.append("options and entries differ in count") }
    switch q.format {
    case .choiceTerm, .choiceDefinition, .relatedChoice, .oddOneOut:
        if q.correct.count != 1 { problems.append("not exactly one right index: \(q.correct)") }
        if !(2...4).contains(q.options.count) { problems.append("\(q.options.count) options") }
    default: break
    }
    let right = q.correct.first.flatMap { q.optionEntries.indices.contains($0) ? q.optionEntries[$0] : nil }
    switch q.format {
    case .choiceTerm:
        if right != asked.id { problems.append("right option is \(String(describing: right))") }
        if unmasked(q.prompt, asked) { problems.append("term shown in prompt: \(q.prompt)") }
        let askedNames = Set(Mask.names(of: asked).map(TextFold.normalize))
        for (k, id) in q.optionEntries.enumerated() where id != asked.id {
            if askedNames.contains(folded[k]) { problems.append("distractor \(id) is named like the answer") }
        }
    case .typed:
        if unmasked(q.prompt, asked) { problems.append("term shown in prompt: \(q.prompt)") }
        if !q.accepted.contains(asked.term) { problems.append("term not accepted") }
    case .choiceDefinition:
        if right != asked.id { problems.append("right option is \(String(describing: right))") }
        for option in q.options where unmasked(option, asked) { problems.append("term shown in option: \(option)") }
    case .relatedChoice:
        if let right, !related.contains(right) { problems.append("right option \(right) is not related") }
        for id in q.optionEntries where id != right && (related.contains(id) || id == asked.id) {
            problems.append("distractor \(id) is related to \(asked.id)")
        }
    case .oddOneOut:
        let unrelated = q.optionEntries.filter { !related.contains($0) }
        if unrelated != [right].compactMap({ $0 }) {
            problems.append("unrelated options \(unrelated), right \(String(describing: right))")
        }
        if q.optionEntries.contains(asked.id) { problems.append("asked entry among options") }
    case .matching:
        if Set(q.correct) != Set(q.correct.indices) { problems.append("correct is not a permutation: \(q.correct)") }
        if !q.termEntries.contains(asked.id) { problems.append("asked entry not among the terms") }
        for (t, id) in q.termEntries.enumerated() where q.correct.indices.contains(t) {
            if q.optionEntries[q.correct[t]] != id { problems.append("term \(t + 1) paired with the wrong definition") }
        }
        if Set(q.terms.map(TextFold.normalize)).count != q.terms.count { problems.append("terms not distinct") }
        let entries = q.termEntries.compactMap(deck.entry)
        for option in q.options {
            for e in entries where unmasked(option, e) { problems.append("\(e.term) shown in: \(option)") }
        }
    case .cloze:
        guard let word = q.accepted.first, q.accepted.count == 1 else {
            problems.append("not one accepted word: \(q.accepted)")
            break
        }
        let stem = Stem.of(TextFold.normalize(word))
        if TextFold.words(q.prompt).contains(where: { Stem.of($0) == stem }) {
            problems.append("blanked word shown: \(q.prompt)")
        }
        if !TextFold.words(asked.definition).contains(where: { Stem.of($0) == stem }) {
            problems.append("\(word) not in the definition")
        }
        if !q.prompt.contains("____") { problems.append("no blank: \(q.prompt)") }
    case .nameRelated:
        let relatedNames = Set(related.compactMap(deck.entry).flatMap(\.names))
        if q.accepted.isEmpty || !q.accepted.allSatisfy(relatedNames.contains) { problems.append("accepted \(q.accepted)") }
        if q.accepted.contains(where: asked.names.contains) { problems.append("asked entry's own name accepted") }
    case .flashcard: break
    }
    return problems
}

@Suite struct QuestionPropertyTests {
    static let deck = QuestionTestDecks.generated(count: 80, seed: 11)
    static let index = QuestionIndex(deck: deck)

    @Test("fair questions of every format over 1,000 seeds", arguments: QuestionFormat.allCases)
    func fairOverSeeds(format: QuestionFormat) {
        let generator = QuestionGenerator(index: Self.index)
        let entries = Self.deck.entries
        var made = 0
        for seed in UInt64(0)..<1000 {
            var rng = SplitMix64(seed: seed)
            let entry = entries[Int.random(in: 0..<entries.count, using: &rng)]
            let card = CardKey(
                deck: Self.deck.id, entry: entry.id, facet: format == .flashcard ? .recall : QuestionGenerator.facet(for: format))
            guard generator.canAsk(card, as: format) else { continue }
            do {
                let q = try generator.question(for: card, format: format, using: &rng)
                made += 1
                let problems = fairnessViolations(q, deck: Self.deck)
                #expect(problems.isEmpty, "seed \(seed): \(problems)")
                if !problems.isEmpty { return }
            } catch {
                Issue.record("seed \(seed): canAsk said yes but: \(error)")
                return
            }
        }
        #expect(made >= 100)
    }

    @Test("small and random decks stay fair", arguments: [2, 3, 5, 9, 20])
    func smallDecks(size: Int) {
        for deckSeed in UInt64(1)...20 {
            let deck = QuestionTestDecks.generated(count: size, seed: deckSeed)
            let index = QuestionIndex(deck: deck)
            var rng = SplitMix64(seed: deckSeed)
            for q in QuestionPreview.questions(index: index, count: 21, using: &rng) {
                let problems = fairnessViolations(q, deck: deck)
                #expect(problems.isEmpty, "deck \(deckSeed)/\(size): \(problems)")
            }
        }
    }

    @Test func sameSeedSameQuestion() throws {
        let generator = QuestionGenerator(index: Self.index)
        let card = CardKey(deck: Self.deck.id, entry: Self.deck.entries[5].id, facet: .recall)
        var a = SplitMix64(seed: 99), b = SplitMix64(seed: 99)
        #expect(
            try generator.question(for: card, format: .matching, using: &a)
                == generator.question(for: card, format: .matching, using: &b))
    }

    /// The right option's position is uniform: chi-square over 4 positions (3 degrees of
    /// freedom) stays under 16.27, the 0.999 quantile.
    ///
    /// Trial seeds come from a SplitMix64 stream, not 0, 1, 2, ...: with consecutive small
    /// seeds SplitMix64's fourth output is measurably skewed (chi-square 19 over 2,000 seeds
    /// for a bare 4-element shuffle after three draws), which would test the seeds, not us.
    @Test(
        "right answer position is uniform", arguments: [QuestionFormat.choiceTerm, .choiceDefinition, .relatedChoice, .oddOneOut])
    func uniformPosition(format: QuestionFormat) throws {
        let generator = QuestionGenerator(index: Self.index)
        let facet = QuestionGenerator.facet(for: format)
        let cards = Self.deck.entries.map { CardKey(deck: Self.deck.id, entry: $0.id, facet: facet) }.filter {
            generator.canAsk($0, as: format)
        }
        var counts = [0, 0, 0, 0]
        var seeds = SplitMix64(seed: 2026)
        for trial in 0..<2000 {
            var rng = SplitMix64(seed: seeds.next())
            let card = cards[trial % cards.count]
            let q = try generator.question(for: card, format: format, using: &rng)
            guard q.options.count == 4, let c = q.correct.first else { continue }
            counts[c] += 1
        }
        let total = Double(counts.reduce(0, +))
        #expect(total >= 1900)
        let expected = total / 4
        let chiSquare = counts.map { (Double($0) - expected) * (Double($0) - expected) / expected }.reduce(0, +)
        #expect(chiSquare < 16.27, "counts \(counts), chi-square \(chiSquare)")
    }

    @Test func previewCyclesEveryFormat() {
        var rng = SplitMix64(seed: 7)
        let questions = QuestionPreview.questions(index: Self.index, count: 50, using: &rng)
        #expect(questions.count == 50)
        #expect(Set(questions.map(\.format)) == Set(QuestionFormat.allCases))
        var again = SplitMix64(seed: 7)
        #expect(QuestionPreview.questions(index: Self.index, count: 50, using: &again) == questions)
        var typedOnly = SplitMix64(seed: 7)
        #expect(
            QuestionPreview.questions(index: Self.index, count: 10, format: .typed, using: &typedOnly).allSatisfy {
                $0.format == .typed
            })
    }
}
