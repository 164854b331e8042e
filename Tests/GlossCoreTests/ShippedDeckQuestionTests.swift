import Foundation
import GlossCore
import GlossStore
import Testing

/// The fairness properties over the shipped deck: 1,000 seeds per format.
@Suite struct ShippedDeckQuestionTests {
    static let deck: Deck? = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Decks/ai-safety.md")
        return try? DeckLoader.load(file: url.path).deck
    }()

    @Test("shipped deck: fair questions of every format over 1,000 seeds", arguments: QuestionFormat.allCases)
    func fairOverSeeds(format: QuestionFormat) throws {
        let deck = try #require(Self.deck)
        let generator = QuestionGenerator(index: QuestionIndex(deck: deck))
        var made = 0
        for seed in UInt64(0)..<1000 {
            var rng = SplitMix64(seed: seed)
            let entry = deck.entries[Int.random(in: 0..<deck.entries.count, using: &rng)]
            let facet = format == .flashcard ? Facet.recall : QuestionGenerator.facet(for: format)
            let card = CardKey(deck: deck.id, entry: entry.id, facet: facet)
            guard generator.canAsk(card, as: format) else { continue }
            let question = try generator.question(for: card, format: format, using: &rng)
            made += 1
            let problems = fairnessViolations(question, deck: deck)
            #expect(problems.isEmpty, "seed \(seed): \(problems)")
            if !problems.isEmpty { return }
        }
        #expect(made >= 500)
    }
}
