import Testing

@testable import GlossCore

@Suite struct DistractorTests {
    let index = QuestionIndex(deck: QuestionTestDecks.small)

    @Test func indexBuildsSymmetricGraphAndSecondDegree() throws {
        let mesa = try #require(index.position(of: "mesa-optimization"))
        let outer = try #require(index.position(of: "outer-alignment"))
        let reward = try #require(index.position(of: "reward-hacking"))
        #expect(index.relatedEntries(of: "mesa-optimization").map(\.id) == ["inner-alignment", "deceptive-alignment"])
        #expect(index.secondDegree[mesa].contains(outer))  // via inner alignment
        #expect(index.secondDegree[mesa].contains(reward))  // via deceptive alignment
        #expect(!index.secondDegree[mesa].contains(mesa))
    }

    @Test func lexicalNeighboursShareWords() throws {
        let inner = try #require(index.position(of: "inner-alignment"))
        let outer = try #require(index.position(of: "outer-alignment"))
        let close = index.lexicalNeighbours(of: inner, limit: 3).map(\.entry)
        #expect(close.first == outer)  // "training objective"
        #expect(!close.contains(inner))
    }

    @Test func entryNamedFoldsAndRefusesAmbiguity() {
        #expect(index.entry(named: "REWARD gaming")?.id == "reward-hacking")
        #expect(index.entry(named: "rlhf")?.id == "rlhf")
        #expect(index.entry(named: "nothing") == nil)
    }

    @Test func confusionsComeFirstThenPlausible() {
        var confusions = Confusions()
        confusions.record(deck: "safety", asked: "inner-alignment", picked: "red-teaming", times: 2)
        confusions.record(deck: "safety", asked: "inner-alignment", picked: "goodharts-law", times: 5)
        let picker = DistractorPicker(index: index, confusions: confusions)
        let inner = index.position(of: "inner-alignment") ?? -1
        var rng = SplitMix64(seed: 1)
        let picks = picker.lures(3, for: inner, allowed: { _, _ in true }, using: &rng).map { index.deck.entries[$0].id }
        #expect(Array(picks.prefix(2)) == ["goodharts-law", "red-teaming"])
        #expect(picks.count == 3 && !picks.contains("inner-alignment"))
    }

    @Test func plausibleBeatsRandom() {
        // Thirty fillers share no tag, word or relation with inner alignment: never picked.
        var deck = QuestionTestDecks.small
        for k in 0..<30 {
            deck.entries.append(Entry(id: EntryID("filler-\(k)"), term: "Filler \(k)", definition: "Zyx\(k) qwv\(k) plonk\(k)."))
        }
        let index = QuestionIndex(deck: deck)
        let picker = DistractorPicker(index: index)
        let inner = index.position(of: "inner-alignment") ?? -1
        var counts: [EntryID: Int] = [:]
        for seed in UInt64(0)..<200 {
            var rng = SplitMix64(seed: seed)
            for j in picker.lures(3, for: inner, allowed: { _, _ in true }, using: &rng) {
                counts[index.deck.entries[j].id, default: 0] += 1
            }
        }
        #expect(counts.keys.allSatisfy { !$0.rawValue.hasPrefix("filler") }, "\(counts)")
        #expect((counts["outer-alignment"] ?? 0) >= 67)
    }

    @Test func relatedDistractorsExcludedEvenWhenConfused() throws {
        var confusions = Confusions()
        confusions.record(deck: "safety", asked: "mesa-optimization", picked: "inner-alignment", times: 9)
        let generator = QuestionGenerator(index: index, confusions: confusions)
        for seed in UInt64(0)..<50 {
            var rng = SplitMix64(seed: seed)
            let q = try generator.question(
                for: CardKey(deck: "safety", entry: "mesa-optimization", facet: .relate), format: .relatedChoice, using: &rng)
            let wrong = q.optionEntries.enumerated().filter { $0.offset != q.correct[0] }.map(\.element)
            #expect(!wrong.contains("inner-alignment") && !wrong.contains("deceptive-alignment"))
        }
    }
}
