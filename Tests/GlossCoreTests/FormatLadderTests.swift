import Foundation
import Testing

@testable import GlossCore

@Suite struct FormatLadderTests {
    let deck = SimulationDeck.make(entries: 20)
    var index: QuestionIndex { QuestionIndex(deck: deck) }
    var generator: QuestionGenerator { QuestionGenerator(index: index) }
    let settings = LearnerSettings()

    func card(_ facet: Facet, entry: String = "e0") -> CardKey { CardKey(deck: deck.id, entry: EntryID(entry), facet: facet) }
    func state(_ phase: CardPhase, stability: Double) -> CardState {
        CardState(phase: phase, stability: stability, difficulty: 5, reps: 3)
    }

    @Test(
        "each facet climbs to production",
        arguments: [
            (Facet.recognize, QuestionFormat.choiceTerm, QuestionFormat.typed),
            (.recall, .choiceDefinition, .cloze),
            (.relate, .relatedChoice, .nameRelated),
        ])
    func climbs(facet: Facet, weak: QuestionFormat, strong: QuestionFormat) {
        let t = settings.typedRecallThreshold
        #expect(generator.format(for: card(facet), state: .new, settings: settings) == weak)
        #expect(generator.format(for: card(facet), state: state(.review, stability: t - 0.1), settings: settings) == weak)
        #expect(generator.format(for: card(facet), state: state(.review, stability: t), settings: settings) == strong)
        // A lapse keeps the production rung for the relearning steps, though stability fell.
        #expect(generator.format(for: card(facet), state: state(.relearning, stability: 1), settings: settings) == strong)
    }

    @Test func aClozeBlanksTheDefinitionsRarestWordAndTakesItTyped() throws {
        var rng = SplitMix64(seed: 1)
        let q = try generator.question(for: card(.recall), format: .cloze, using: &rng)
        let entry = deck.entries[0]
        #expect(q.prompt.hasPrefix("Fill the blank (“\(entry.term)”): "))
        #expect(q.accepted.count == 1)
        let word = try #require(q.accepted.first)
        #expect(entry.definition.contains(word))
        #expect(!q.prompt.contains(word))
        let matcher = AnswerMatcher(index: index)
        #expect(matcher.match(word, to: q) == .right(slip: false))
        #expect(matcher.match(word.uppercased(), to: q) == .right(slip: false))
        #expect(matcher.match("zzzz", to: q) == .wrong)
        #expect(matcher.match("", to: q) == .empty)
        // The blanked word is used by no more other definitions than any other candidate.
        let others = deck.entries.dropFirst().map { TextFold.words($0.definition).map(Stem.of) }
        func frequency(_ w: String) -> Int { others.filter { $0.contains(Stem.of(w)) }.count }
        let candidates = TextFold.words(entry.definition).filter {
            $0.count >= 4 && $0.allSatisfy(\.isLetter) && !QuestionIndex.stopwords.contains($0)
        }
        #expect(candidates.allSatisfy { frequency($0) >= frequency(TextFold.normalize(word)) })
    }

    @Test func anyRelatedTermIsAcceptedAndEachIsShown() throws {
        var rng = SplitMix64(seed: 1)
        let q = try generator.question(for: card(.relate, entry: "e5"), format: .nameRelated, using: &rng)
        let related = index.relatedEntries(of: "e5")
        #expect(related.count >= 2)
        #expect(q.prompt == "Name a term related to “\(deck.entries[5].term)”.")
        let matcher = AnswerMatcher(index: index)
        for entry in related { #expect(matcher.match(entry.term, to: q) == .right(slip: false)) }
        #expect(matcher.match(deck.entries[5].term, to: q) != .right(slip: false))
        let unrelated = try #require(deck.entries.first { e in e.id != "e5" && !related.contains { $0.id == e.id } })
        #expect(matcher.match(unrelated.term, to: q) == .confused(with: unrelated.id))
        #expect(Feedback.rightAnswer(q) == "any of " + related.map(\.term).joined(separator: ", "))
    }
}
