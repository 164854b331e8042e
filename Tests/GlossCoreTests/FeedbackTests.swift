import Testing

@testable import GlossCore

@Suite struct FeedbackTests {
    let index = QuestionIndex(deck: QuestionTestDecks.small)

    func question(_ entry: EntryID, _ facet: Facet, _ format: QuestionFormat) throws -> Question {
        var rng = SplitMix64(seed: 7)
        return try QuestionGenerator(index: index).question(
            for: CardKey(deck: "safety", entry: entry, facet: facet), format: format, using: &rng)
    }

    @Test func rightChoice() throws {
        let q = try question("mesa-optimization", .recognize, .choiceTerm)
        #expect(
            Feedback.lines(for: q, outcome: .right(slip: false), index: index) == [
                "Right.",
                "Answer: b) Mesa-Optimization",
                "Mesa-Optimization: When a learned model is itself an optimizer; such mesa-optimizers may pursue their own objective.",
            ])
    }

    @Test func confusionExplainsThePick() throws {
        let q = try question("mesa-optimization", .recognize, .choiceTerm)
        #expect(
            Feedback.lines(for: q, outcome: .confused(with: "outer-alignment"), index: index) == [
                "Wrong.",
                "Answer: b) Mesa-Optimization",
                "Mesa-Optimization: When a learned model is itself an optimizer; such mesa-optimizers may pursue their own objective.",
                "You picked Outer Alignment: Specifying a training objective that captures what the designers intend.",
            ])
    }

    @Test func typedSlipShowsWhatWasTyped() throws {
        let q = try question("goodharts-law", .recognize, .typed)
        #expect(
            Feedback.lines(for: q, outcome: .right(slip: true), input: "Goodhart law", index: index) == [
                "Right, with a slip: you typed “Goodhart law”.",
                "Answer: Goodhart's Law",
                "Goodhart's Law: When a measure becomes a target, it ceases to be a good measure.",
            ])
    }

    @Test func matchingListsWrongPairs() throws {
        let q = try question("mesa-optimization", .recall, .matching)
        let outcome = AnswerMatcher(index: index).match("1a 2b 3c 4d", to: q)
        #expect(
            Feedback.lines(for: q, outcome: outcome, index: index) == [
                "2 of 4 pairs right.",
                "Answer: 1b 2a 3c 4d",
                "Mesa-Optimization: When a learned model is itself an optimizer; such mesa-optimizers may pursue their own objective.",
                "Deceptive Alignment is not: When a learned model is itself an optimizer; such mesa-optimizers may pursue their own objective.",
                "Mesa-Optimization is not: A model that behaves well during training in order to pursue other goals once deployed.",
            ])
    }

    @Test func aRelateQuestionShowsTheRelatedTermsNotTheDefinition() throws {
        let q = try question("mesa-optimization", .relate, .relatedChoice)
        let lines = Feedback.lines(for: q, outcome: .right(slip: false), index: index)
        #expect(lines.last == "Related to Mesa-Optimization: Inner Alignment, Deceptive Alignment")
        #expect(!lines.contains { $0.contains("When a learned model is itself an optimizer") })
    }

    @Test func hintAndUnreadableAreOneLine() throws {
        let q = try question("mesa-optimization", .recognize, .typed)
        #expect(Feedback.lines(for: q, outcome: .hintRequested, index: index) == ["Hint: M___-O___________"])
        #expect(Feedback.lines(for: q, outcome: .gaveUp, index: index).prefix(2) == ["Gave up.", "Answer: Mesa-Optimization"])
        let c = try question("mesa-optimization", .recognize, .choiceTerm)
        let unreadable = AnswerMatcher(index: index).match("7", to: c)
        #expect(Feedback.lines(for: c, outcome: unreadable, index: index) == ["Answer with 1–4, a–d or the text of an option."])
    }

    @Test func previewText() throws {
        let q = try question("mesa-optimization", .recognize, .choiceTerm)
        #expect(
            QuestionPreview.text([q]) == """
                1. [choice-term · mesa-optimization · recognize] Which term means: When a learned model is itself an _____; such _____ may pursue their own objective.
                   a) Deceptive Alignment
                   b) Mesa-Optimization
                   c) Inner Alignment
                   d) Reward Hacking
                   answer: b) Mesa-Optimization

                """)
        let item = QuestionPreview.items([q])[0]
        #expect(item.correct == [1] && item.facet == .recognize && item.entry == "mesa-optimization" && item.terms == nil)
    }
}
