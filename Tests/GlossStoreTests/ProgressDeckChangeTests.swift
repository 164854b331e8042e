import Foundation
import GlossCore
import Testing

@testable import GlossStore

/// Progress follows the entry id (deck/entry/facet), whatever happens to the text.
@Suite struct ProgressDeckChangeTests {
    private func cards(of deck: Deck) -> Set<CardKey> {
        Set(
            deck.entries.flatMap { entry in [Facet.recognize, .recall].map { CardKey(deck: deck.id, entry: entry.id, facet: $0) }
            })
    }

    private let original = Deck(
        id: "ai", title: "AI",
        entries: [
            Entry(id: "mesa-optimization", term: "Mesa-optimization", definition: "A learned model that is itself an optimizer."),
            Entry(id: "reward-hacking", term: "Reward hacking", definition: "Gaming the reward signal."),
        ])

    @Test func editingADefinitionKeepsTheCard() throws {
        let folder = try makeProgressFolder()
        let card = key("ai", "mesa-optimization")
        let store = try ProgressStore(folder: folder, learner: "ada")
        try store.append(answer(store, card, at: 0))
        let learned = store.card(card)
        try store.close()

        var edited = original
        edited.entries[0].definition = "An optimizer found by another optimizer (rewritten)."
        let reopened = try ProgressStore(folder: folder, learner: "ada")
        #expect(cards(of: edited).contains(card))
        #expect(reopened.card(card) == learned)
        #expect(learned.reps == 1)
        let report = try ProgressDoctor.examine(folder: folder, learner: "ada", deckCards: cards(of: edited))
        #expect(report.orphanedCards.isEmpty)
    }

    @Test func removedEntryIsOrphanedAndRestoredWhenItReturns() throws {
        let folder = try makeProgressFolder()
        let card = key("ai", "reward-hacking", .recognize)
        do {
            let store = try ProgressStore(folder: folder, learner: "ada")
            try store.append(answer(store, card, at: 0))
            try store.append(answer(store, card, at: 10))
            try store.close()
        }
        var without = original
        without.entries.removeAll { $0.id == "reward-hacking" }
        let report = try ProgressDoctor.examine(folder: folder, learner: "ada", deckCards: cards(of: without))
        #expect(report.orphanedCards == [card])
        #expect(report.isHealthy)
        #expect(
            report.lines.contains {
                $0.hasPrefix("orphaned: 1 cards have progress but no entry in the current decks (ai/reward-hacking/recognize)")
            })

        // Studying the smaller deck for a while does not touch the orphan.
        let store = try ProgressStore(folder: folder, learner: "ada")
        let kept = store.card(card)
        try store.append(answer(store, key("ai", "mesa-optimization"), at: 20))
        try store.close()

        let back = try ProgressDoctor.examine(folder: folder, learner: "ada", deckCards: cards(of: original))
        #expect(back.orphanedCards.isEmpty)
        let reopened = try ProgressStore(folder: folder, learner: "ada")
        #expect(reopened.card(card) == kept)
        #expect(kept.reps == 2)
    }

    @Test func renamedTermWithExplicitIDKeepsProgress() throws {
        let folder = try makeProgressFolder()
        let card = key("ai", "mesa-optimization", .recall)
        let store = try ProgressStore(folder: folder, learner: "ada")
        try store.append(answer(store, card, at: 0, rating: .easy))
        let learned = store.card(card)
        try store.close()

        var renamed = original
        renamed.entries[0].term = "Mesa optimisation"  // slug would change; the explicit id does not
        #expect(slug(renamed.entries[0].term) != renamed.entries[0].id.rawValue)
        let reopened = try ProgressStore(folder: folder, learner: "ada")
        #expect(reopened.card(CardKey(deck: renamed.id, entry: renamed.entries[0].id, facet: .recall)) == learned)
        #expect(try ProgressDoctor.examine(folder: folder, learner: "ada", deckCards: cards(of: renamed)).orphanedCards.isEmpty)
    }
}
