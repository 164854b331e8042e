import Testing

@testable import GlossCore

@Suite struct ConfusionsTests {
    @Test func pairsListEveryCountOnceAndDropTakenBackOnes() {
        var confusions = Confusions()
        confusions.record(deck: "ai-safety", asked: "mesa-optimization", picked: "inner-alignment", times: 2)
        confusions.record(deck: "ai-safety", asked: "mesa-optimization", picked: "outer-alignment")
        confusions.record(deck: "bio", asked: "a.b", picked: "c-d")
        confusions.record(deck: "bio", asked: "x", picked: "y")
        confusions.record(deck: "bio", asked: "x", picked: "y", times: -1)
        let pairs = confusions.pairs.map { "\($0.deck)|\($0.asked)|\($0.picked)|\($0.count)" }.sorted()
        #expect(
            pairs == [
                "ai-safety|mesa-optimization|inner-alignment|2", "ai-safety|mesa-optimization|outer-alignment|1", "bio|a.b|c-d|1",
            ])
        #expect(confusions.count(deck: "ai-safety", asked: "mesa-optimization", picked: "inner-alignment") == 2)
        #expect(confusions.count(deck: "bio", asked: "x", picked: "y") == 0)
    }
}
