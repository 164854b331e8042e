import Testing

@testable import GlossCore

/// Exact questions for seed 7 on the small literal deck: any change to generation shows here.
@Suite struct QuestionExactTests {
    let index = QuestionIndex(deck: QuestionTestDecks.small)
    var generator: QuestionGenerator { QuestionGenerator(index: index) }

    func make(_ entry: EntryID, _ facet: Facet, _ format: QuestionFormat, seed: UInt64 = 7) throws -> Question {
        var rng = SplitMix64(seed: seed)
        return try generator.question(for: CardKey(deck: "safety", entry: entry, facet: facet), format: format, using: &rng)
    }

    @Test func choiceTerm() throws {
        let q = try make("mesa-optimization", .recognize, .choiceTerm)
        #expect(
            q.prompt
                == "Which term means: When a learned model is itself an _____; such _____ may pursue their own objective.")
        // Lures: the direct siblings first ("optimizer" is a word of the term, so it is blanked too).
        #expect(q.options == ["Deceptive Alignment", "Mesa-Optimization", "Inner Alignment", "Reward Hacking"])
        #expect(q.optionEntries == ["deceptive-alignment", "mesa-optimization", "inner-alignment", "reward-hacking"])
        #expect(q.correct == [1])
        #expect(q.accepted == ["2", "b", "Mesa-Optimization"])
        // A first-letter pattern would single out the option: the hint rules out one instead.
        #expect(q.hint == "Not c")
    }

    @Test func choiceDefinition() throws {
        let q = try make("mesa-optimization", .recall, .choiceDefinition)
        #expect(q.prompt == "What does “Mesa-Optimization” mean?")
        #expect(
            q.options == [
                "A model that behaves well during training in order to pursue other goals once deployed.",
                "When a learned model is itself an _____; such _____ may pursue their own objective.",
                "Making the objective a trained model actually pursues match the training objective.",
                "Exploiting flaws in a reward function to score highly without doing the intended task.",
            ])
        #expect(q.correct == [1])
        #expect(q.hint == "Not c")
    }

    @Test func typed() throws {
        let q = try make("mesa-optimization", .recognize, .typed)
        #expect(
            q.prompt == "Type the term: When a learned model is itself an _____; such _____ may pursue their own objective.")
        #expect(q.options.isEmpty)
        #expect(q.accepted == ["Mesa-Optimization", "mesa optimisation"])
    }

    @Test func relatedChoice() throws {
        let q = try make("mesa-optimization", .relate, .relatedChoice)
        #expect(q.prompt == "Which of these is related to “Mesa-Optimization”?")
        #expect(
            q.options == [
                "Red Teaming", "Inner Alignment", "Specification Gaming", "Reinforcement Learning from Human Feedback (RLHF)",
            ])
        #expect(q.correct == [1])
    }

    @Test func oddOneOut() throws {
        let q = try make("reward-hacking", .relate, .oddOneOut)
        #expect(q.prompt == "Which of these is NOT related to “Reward Hacking”?")
        #expect(
            q.options == [
                "Deceptive Alignment", "Goodhart's Law", "Reinforcement Learning from Human Feedback (RLHF)", "Outer Alignment",
            ])
        #expect(q.correct == [3])
    }

    @Test func matching() throws {
        let q = try make("mesa-optimization", .recall, .matching)
        #expect(q.terms == ["Deceptive Alignment", "Mesa-Optimization", "Inner Alignment", "Reward Hacking"])
        #expect(q.optionEntries == ["mesa-optimization", "deceptive-alignment", "inner-alignment", "reward-hacking"])
        // Each definition hides its own term's words ("reward" in Reward Hacking's).
        #expect(q.options[3] == "Exploiting flaws in a _____ function to score highly without doing the intended task.")
        #expect(q.correct == [1, 0, 2, 3])
        #expect(q.accepted == ["1b 2a 3c 4d"])
        // The hint gives a pair, never the asked entry's own (term 2).
        #expect(q.hint == "3 goes with c")
    }

    @Test func flashcard() throws {
        let q = try make("rlhf", .recognize, .flashcard)
        #expect(q.prompt == "Fine-tuning a model with a reward model trained on human preference comparisons.")
        #expect(q.reveal == "Reinforcement Learning from Human Feedback (RLHF)")
    }

    @Test func errorsNameTheCardAndTheNeed() throws {
        #expect(
            throws: CoreError.question(
                .tooFewRelated(
                    deck: "safety", entry: "mesa-optimization", related: 2, format: .oddOneOut, needs: 3))
        ) {
            try make("mesa-optimization", .relate, .oddOneOut)
        }
        #expect(throws: CoreError.question(.unknownEntry(deck: "safety", entry: "nope"))) { try make("nope", .recall, .matching) }
        #expect(throws: CoreError.question(.formatNotForFacet(format: .typed, facet: .recall))) {
            try make("rlhf", .recall, .typed)
        }
        #expect(
            CoreError.question(.tooFewRelated(deck: "safety", entry: "x", related: 2, format: .oddOneOut, needs: 3)).description
                == "entry 'x' in deck 'safety' has 2 related terms; a odd-one-out question needs 3")
        let tiny = QuestionGenerator(
            index: QuestionIndex(deck: Deck(id: "t", title: "T", entries: [Entry(id: "a", term: "A", definition: "x")])))
        var rng = SplitMix64(seed: 1)
        #expect(throws: CoreError.question(.deckTooSmall(deck: "t", entries: 1, format: .choiceTerm, needs: 2))) {
            try tiny.question(for: CardKey(deck: "t", entry: "a", facet: .recognize), format: .choiceTerm, using: &rng)
        }
    }

    @Test(
        "format follows memory strength",
        arguments: [
            (Facet.recognize, CardState.new, false, QuestionFormat.choiceTerm),
            (.recognize, CardState(phase: .review, stability: 3), false, .choiceTerm),
            (.recognize, CardState(phase: .review, stability: 13.9), false, .choiceTerm),
            (.recognize, CardState(phase: .review, stability: 14), false, .typed),  // the default threshold
            (.recall, CardState(phase: .review, stability: 30), false, .cloze),
            (.relate, CardState(phase: .review, stability: 30), false, .nameRelated),
            (.recall, CardState.new, false, .choiceDefinition),
            // This ten-entry deck has too few entries clearly unrelated to Reward Hacking for a
            // fair related-term question: it falls back to odd one out.
            (.relate, CardState.new, false, .oddOneOut),
            (.recognize, CardState(phase: .review, stability: 30), true, .flashcard),
        ])
    func formatChoice(facet: Facet, state: CardState, flip: Bool, expected: QuestionFormat) {
        var settings = LearnerSettings()
        settings.flip = flip
        let card = CardKey(deck: "safety", entry: "reward-hacking", facet: facet)
        #expect(generator.format(for: card, state: state, settings: settings) == expected)
    }

    @Test func strongRelateCardsNameARelatedTermAndFallBackToOddOneOutOnlyWithThreeRelated() {
        let strong = CardState(phase: .review, stability: 30)
        let settings = LearnerSettings()
        let reward = CardKey(deck: "safety", entry: "reward-hacking", facet: .relate)
        let mesa = CardKey(deck: "safety", entry: "mesa-optimization", facet: .relate)
        #expect(generator.format(for: reward, state: strong, settings: settings) == .nameRelated)
        #expect(generator.canAsk(reward, as: .oddOneOut))
        #expect(!generator.canAsk(mesa, as: .oddOneOut))
    }

    @Test func pastConfusionsBecomeDistractors() throws {
        var confusions = Confusions()
        confusions.record(deck: "safety", asked: "mesa-optimization", picked: "goodharts-law", times: 3)
        let generator = QuestionGenerator(index: index, confusions: confusions)
        for seed in UInt64(0)..<20 {
            var rng = SplitMix64(seed: seed)
            let q = try generator.question(
                for: CardKey(deck: "safety", entry: "mesa-optimization", facet: .recognize), format: .choiceTerm, using: &rng)
            #expect(q.optionEntries.contains("goodharts-law"))
        }
    }
}
