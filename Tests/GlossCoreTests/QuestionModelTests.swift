import Testing

@testable import GlossCore

/// The closeness model, the per-word leak rules, masking refinements and deck advice (issue 15).
@Suite struct QuestionModelTests {
    static func entry(
        _ term: String, _ definition: String, explanation: String = "", related: [EntryID] = [],
        aliases: [String] = [], tags: [String] = []
    ) -> Entry {
        Entry(
            id: EntryID(slug(term)), term: term, definition: definition, explanation: explanation, related: related,
            aliases: aliases, tags: tags)
    }

    @Test(
        "a word gives a term away in its inflected and prefixed forms",
        arguments: [
            ("misaligned", "Alignment", true), ("vaccinated", "Vaccine", true), ("optimizer", "Optimization", true),
            ("unsupervised", "Supervised", true), ("constrained", "Training", false), ("pretraining", "Training", true),
            ("rain", "Training", false), ("law", "Laws", true), ("lawful", "Law", false),
        ])
    func wordLeaks(word: String, termWord: String, leaks: Bool) {
        #expect(TermWords.matches(Stem.of(word), Stem.of(termWord.lowercased())) == leaks)
    }

    @Test func shortAliasesMaskOnlyAsWritten() {
        let entry = Self.entry("Operations Research", "x", aliases: ["OR"])
        let names = Mask.names(of: entry)
        #expect(
            Mask.apply(to: "Either OR or operations research, or neither.", names: names) == "Either _____ or _____, or neither.")
        #expect(Mask.apply(to: "LLMs and an LLM's context.", names: ["LLM"]) == "_____ and an _____ context.")
    }

    @Test func everydayWordAliasesNeverMask() {
        let entry = Self.entry("AI Control", "Keeping a possibly misaligned model from causing harm.", aliases: ["Control"])
        #expect(Mask.names(of: entry) == ["AI Control"])
        #expect(Mask.isCommonWord("Control") && !Mask.isCommonWord("Sandbagging"))
    }

    @Test func acronymExpansionsAreHidden() {
        #expect(
            Mask.apply(to: "Splits people into Susceptible-Infectious-Recovered groups.", names: ["SIR"])
                == "Splits people into _____ groups.")
        #expect(
            Mask.apply(to: "Uses reinforcement learning from human feedback.", names: ["RLHF"]) == "Uses _____.")
        #expect(Mask.apply(to: "Sir, is it raining?", names: ["SIR"]) == "Sir, is it raining?")
    }

    @Test func perWordMaskingBlanksInflectedTermWords() {
        #expect(
            Mask.apply(to: "A model that is misaligned but hides it.", names: ["Deceptive Alignment"], words: ["align"])
                == "A model that is _____ but hides it.")
    }

    static let deck = Deck(
        id: "d", title: "D",
        entries: [
            entry(
                "Inner Alignment", "Making a trained model adopt the objective it was trained on.",
                related: ["outer-alignment", "mesa-optimization"], tags: ["alignment"]),
            entry(
                "Outer Alignment", "Writing down an objective that captures what the designers intend.",
                related: ["inner-alignment"], tags: ["alignment"]),
            entry(
                "Mesa-Optimization", "When a learned model runs its own search, the inner alignment problem's setting.",
                related: ["inner-alignment"], tags: ["alignment"]),
            entry("Gradient Descent", "Nudging parameters a small step downhill on the loss.", tags: ["ml"]),
            entry("Tokenization", "Splitting text into the units a language model reads.", tags: ["ml"]),
            entry("Watermarking", "Hiding a machine-detectable signal in generated media.", tags: ["security"]),
        ])

    @Test func closenessOrdersLinkedNamedAndFar() throws {
        let index = QuestionIndex(deck: Self.deck)
        let inner = try #require(index.position(of: "inner-alignment"))
        let outer = try #require(index.position(of: "outer-alignment"))
        let mesa = try #require(index.position(of: "mesa-optimization"))
        let gradient = try #require(index.position(of: "gradient-descent"))
        let watermark = try #require(index.position(of: "watermarking"))
        #expect(index.hops(mesa, outer) == 2 && index.hops(inner, outer) == 1 && index.hops(mesa, gradient) == 3)
        #expect(index.named(mesa, inner))  // "inner alignment" in Mesa-Optimization's definition
        #expect(index.closeness(inner, outer) > index.closeness(mesa, outer))
        #expect(index.closeness(mesa, outer) > index.closeness(mesa, watermark))
        #expect(!index.isFar(mesa, outer) && !index.isFar(inner, mesa))
        #expect(index.isFar(mesa, watermark) && index.isFar(watermark, gradient))
        #expect(index.sameKind(inner, outer) && !index.sameKind(inner, mesa))
    }

    @Test func lureRankingPutsSiblingsFirstAndNeverTheBroaderName() throws {
        var deck = Self.deck
        deck.entries.append(Self.entry("Alignment", "Making AI pursue what its designers intend.", tags: ["alignment"]))
        let index = QuestionIndex(deck: deck)
        let picker = DistractorPicker(index: index)
        let inner = try #require(index.position(of: "inner-alignment"))
        let broader = try #require(index.position(of: "alignment"))
        var picked: [EntryID: Int] = [:]
        for seed in UInt64(0)..<100 {
            var rng = SplitMix64(seed: seed)
            let lures = picker.lures(2, for: inner, allowed: { _, _ in true }, using: &rng)
            #expect(!lures.contains(broader), "seed \(seed)")
            for j in lures { picked[deck.entries[j].id, default: 0] += 1 }
        }
        // Each pick is drawn among the best two left: the siblings lead, the rest is rare.
        #expect((picked["outer-alignment"] ?? 0) >= 60 && (picked["mesa-optimization"] ?? 0) >= 60, "\(picked)")
        #expect(picked.filter { !["outer-alignment", "mesa-optimization"].contains($0.key) }.values.reduce(0, +) <= 80)
    }

    @Test func adviceTeachesDeckAuthors() {
        let deck = Deck(
            id: "d", title: "D",
            entries: [
                Self.entry("Deceptive Alignment", "A model that is misaligned but behaves well while watched."),
                Self.entry(
                    "Sandbagging", "Underperforming on purpose, as a deceptive alignment strategy might.", aliases: ["Play"]),
                Self.entry("Pâte", "Dough."), Self.entry("Pâté", "A paste of meat or liver."),
            ])
        let advice = DeckAdvice.findings(index: QuestionIndex(deck: deck)).map(\.message)
        #expect(
            advice == [
                "the definition of 'Deceptive Alignment' uses 'misaligned', a form of a word of its name: questions blank it; reword",
                "the definition of 'Sandbagging' names 'Deceptive Alignment', but they are not linked: link them (related: Deceptive Alignment) or reword",
                "alias 'Play' of 'Sandbagging' is an everyday word: it is accepted when typed but never hidden in definitions; remove it or use a longer name",
                "'Pâté' and 'Pâte' ('Pâte') differ only by accents: typed answers for them must carry the accents",
            ])
    }

    @Test func broadEntriesAreNeverUnrelated() throws {
        // "Alignment" named in five other entries' texts: related to nearly everything.
        var entries = (0..<5).map { k in
            Self.entry("Topic \(k)", "A part of alignment number \(k).", tags: ["t\(k)"])
        }
        entries.append(Self.entry("Alignment", "Making AI pursue intended goals."))
        entries += (0..<8).map { Self.entry("Filler \($0)", "Zq\($0) plonk\($0).") }
        let index = QuestionIndex(deck: Deck(id: "d", title: "D", entries: entries))
        let alignment = try #require(index.position(of: "alignment"))
        #expect(index.broad[alignment])
        #expect((0..<entries.count).allSatisfy { !index.isFar($0, alignment) })
        let generator = QuestionGenerator(index: index)
        #expect(!generator.canAsk(CardKey(deck: "d", entry: "alignment", facet: .relate), as: .relatedChoice))
    }

    @Test func choiceHintsNeverSingleOutAnOptionAndTwoOptionsGetNone() throws {
        let two = Deck(
            id: "t", title: "T", entries: [Self.entry("Roux", "Flour cooked in fat."), Self.entry("Brine", "Salted water.")])
        let generator = QuestionGenerator(index: QuestionIndex(deck: two))
        var rng = SplitMix64(seed: 1)
        let q = try generator.question(
            for: CardKey(deck: "t", entry: "roux", facet: .recognize), format: .choiceTerm, using: &rng)
        #expect(q.options.count == 2 && q.hint.isEmpty)
    }

    @Test func auditCountsFairEntriesAndSortsByMargin() {
        var rng = SplitMix64(seed: 3)
        let audit = QuestionAudit.run(index: QuestionIndex(deck: QuestionTestDecks.generated(count: 40, seed: 2)), using: &rng)
        #expect(audit.rows.map(\.format) == QuestionAudit.formats)
        for row in audit.rows {
            #expect(row.askable <= row.entries && row.weakest.count <= row.askable)
            #expect(zip(row.weakest, row.weakest.dropFirst()).allSatisfy { $0.margin <= $1.margin })
        }
        #expect(
            audit.text(weakest: 2).hasPrefix(
                "Question audit of deck 'generated':\n  choice-term: 40 of 40 entries can be asked fairly\n"))
    }

    @Test("two decimals", arguments: [(Float(0.07), "0.07"), (-0.3, "-0.30"), (1.456, "1.46"), (0, "0.00")])
    func twoDecimals(value: Float, text: String) { #expect(String(format2: value) == text) }
}

@Test func asciiStemsAgreeWithTheCharacterRule() throws {
    var words = Set<String>()
    for deck in [FairnessDecks.shipped, FairnessDecks.epidemiology].compactMap({ $0 }) {
        for entry in deck.entries {
            for text in [entry.term, entry.definition, entry.explanation] + entry.aliases {
                words.formUnion(TextFold.words(text))
            }
        }
    }
    words.formUnion(["ies", "cafes", "flies", "optimizations", "alignment", "e", "ee", "ration"])
    #expect(words.count > 1_000)
    for word in words { #expect(Stem.of(word) == Stem.unicodeStem(word), "\(word)") }
}
