import Testing

@testable import GlossCore

@Test(
    "slug makes stable ids from terms",
    arguments: [
        ("Mesa-Optimization", "mesa-optimization"),
        ("Artificial General Intelligence (AGI)", "artificial-general-intelligence-agi"),
        ("  Café  Crème ", "cafe-creme"),
        ("RLHF", "rlhf"),
    ])
func slugs(term: String, expected: String) {
    #expect(slug(term) == expected)
}

@Test func cardKeyRoundTripsThroughText() {
    let key = CardKey(deck: "ai-safety", entry: "mesa-optimization", facet: .recall)
    #expect(key.description == "ai-safety/mesa-optimization/recall")
    #expect(CardKey(key.description) == key)
    #expect(CardKey("ai-safety/mesa") == nil)
    #expect(CardKey("a/b/unknown") == nil)
}

@Test func relationsAreSymmetric() {
    let deck = Deck(
        id: "d", title: "D",
        entries: [
            Entry(id: "a", term: "A", definition: "x", related: ["b"]),
            Entry(id: "b", term: "B", definition: "y"),
            Entry(id: "c", term: "C", definition: "z", related: ["a"]),
        ])
    #expect(deck.relatedIDs(of: "a") == ["b", "c"])
    #expect(deck.relatedIDs(of: "b") == ["a"])
}

@Test func splitMixIsDeterministic() {
    var a = SplitMix64(seed: 42)
    var b = SplitMix64(seed: 42)
    #expect((0..<5).map { _ in a.next() } == (0..<5).map { _ in b.next() })
}
