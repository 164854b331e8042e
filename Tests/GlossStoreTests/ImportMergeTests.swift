import GlossCore
import Testing

@testable import GlossStore

@Suite struct ImportMergeTests {
    let existing = Deck(
        id: "ai", title: "AI",
        entries: [
            Entry(
                id: "mesa", term: "Mesa-Optimization", definition: "Old definition.", explanation: "Kept.",
                aliases: ["Inner Optimizer"], tags: ["theory"]),
            Entry(id: "deepfake", term: "Deepfake", definition: "Synthetic media."),
        ])

    @Test func matchesByIdTermOrAliasKeepingExistingIds() {
        let incoming = Deck(
            id: "import", title: "Import",
            entries: [
                Entry(
                    id: "mesa-optimization", term: "mesa-optimization", definition: "New definition.",
                    related: ["hallucination"], tags: ["alignment"]),
                Entry(id: "deepfake", term: "Deepfake", definition: "Synthetic media."),
                Entry(id: "hallucination", term: "Hallucination", definition: "Made-up output.", related: ["mesa-optimization"]),
                Entry(id: "inner-optimizer", term: "Inner Optimizer", definition: "New definition."),
            ])
        let merged = DeckMerge.merge(incoming, into: existing)
        #expect(merged.added == ["hallucination"])
        #expect(merged.updated == ["mesa"])
        #expect(merged.unchanged == ["deepfake"])
        #expect(merged.deck.id == "ai")
        #expect(
            merged.deck.entries == [
                Entry(
                    id: "mesa", term: "Mesa-Optimization", definition: "New definition.", explanation: "Kept.",
                    related: ["hallucination"], aliases: ["Inner Optimizer"], tags: ["theory", "alignment"]),
                Entry(id: "deepfake", term: "Deepfake", definition: "Synthetic media."),
                Entry(id: "hallucination", term: "Hallucination", definition: "Made-up output.", related: ["mesa"]),
            ])
    }

    @Test func mergingTheSameDeckChangesNothing() {
        let merged = DeckMerge.merge(existing, into: existing)
        #expect(merged.deck == existing)
        #expect(merged.added == [])
        #expect(merged.updated == [])
        #expect(merged.unchanged == ["mesa", "deepfake"])
    }
}
