import Foundation
import GlossCore
import Testing

@testable import GlossCLI

@Suite struct QuestionIndexesTests {
    static let deck = Deck(
        id: "d", title: "D",
        entries: (0..<12).map { Entry(id: EntryID("e\($0)"), term: "Term \($0)", definition: "What term \($0) means.") })

    @Test func aDecksIndexIsBuiltOnceAndAgainWhenTheDeckChanges() {
        let indexes = QuestionIndexes()
        #expect(indexes.index(for: Self.deck).deck == Self.deck)
        #expect(indexes.index(for: Self.deck).deck == Self.deck)
        #expect(indexes.builds == 1)
        var edited = Self.deck
        edited.entries[3].definition = "Another meaning."
        #expect(indexes.index(for: edited).deck == edited, "the edited deck's, not the kept one")
        #expect(indexes.builds == 2)
        #expect(indexes.index(for: edited).deck == edited)
        #expect(indexes.builds == 2)
    }

    @Test func anIndexBeingPreparedIsWaitedForNotBuiltTwice() {
        let indexes = QuestionIndexes()
        indexes.prepare([Self.deck])
        #expect(indexes.index(for: Self.deck).deck == Self.deck)
        #expect(indexes.builds == 1)
    }

    @Test func copiesOfALibraryShareItsIndexes() {
        let library = DeckLibrary(decks: [Self.deck], problems: [])
        let copy = library
        _ = library.questionIndexes.index(for: Self.deck)
        _ = copy.questionIndexes.index(for: Self.deck)
        #expect(copy.questionIndexes.builds == 1)
    }
}
