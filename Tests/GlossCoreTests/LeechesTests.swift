import Foundation
import Testing

@testable import GlossCore

@Suite struct LeechesTests {
    let deck = Deck(
        id: "d", title: "D",
        entries: [
            Entry(id: "a", term: "Alpha", definition: "The first.", explanation: "Comes before beta."),
            Entry(id: "b", term: "Beta", definition: "The second.", explanation: ""),
            Entry(id: "c", term: "Gamma", definition: "The third.", explanation: "Last of three."),
        ])

    func state(lapses: Int) -> CardState { CardState(phase: .review, stability: 2, reps: lapses + 1, lapses: lapses) }

    @Test func aCardBecomesALeechOnTheLapseThatReachesTheThreshold() {
        #expect(Leeches.becameLeech(before: state(lapses: 7), after: state(lapses: 8), threshold: 8))
        #expect(!Leeches.becameLeech(before: state(lapses: 8), after: state(lapses: 9), threshold: 8))
        #expect(!Leeches.becameLeech(before: state(lapses: 6), after: state(lapses: 7), threshold: 8))
        #expect(!Leeches.isLeech(state(lapses: 50), threshold: 0))
    }

    @Test func theListIsMostLapsesFirstWithExplanationAndConfusions() {
        var confusions = Confusions()
        confusions.record(deck: "d", asked: "b", picked: "a", times: 3)
        confusions.record(deck: "d", asked: "b", picked: "c", times: 1)
        let cards: [CardKey: CardState] = [
            CardKey(deck: "d", entry: "a", facet: .recall): state(lapses: 8),
            CardKey(deck: "d", entry: "b", facet: .recognize): state(lapses: 11),
            CardKey(deck: "d", entry: "c", facet: .recall): state(lapses: 2),
            CardKey(deck: "d", entry: "gone", facet: .recall): state(lapses: 20),
        ]
        let list = Leeches.list(decks: [deck], cards: cards, confusions: confusions, threshold: 8)
        #expect(list.map(\.term) == ["Beta", "Alpha"])
        #expect(list[0].explanation == "The second.")  // no explanation: the definition
        #expect(list[0].confusedWith.map(\.term) == ["Alpha", "Gamma"])
        #expect(list[0].confusedWith.map(\.count) == [3, 1])
        #expect(list[1].explanation == "Comes before beta.")
    }
}
