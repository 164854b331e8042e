import Foundation
import GlossCore

/// The question indexes of a library's decks (`QuestionIndex`), each built once and kept, so
/// a REPL that studies, quizzes and studies again builds a deck's index once, not three times
/// (half a second for a deck of 10,000 entries). `prepare` builds them on another thread while
/// the REPL waits for the learner's first line; asking for one still being built waits for it.
///
/// An index is kept for the deck it was built of: a deck with the same id and other entries
/// gets a new one. (Comparing a deck with the one an index holds is immediate when they are
/// the same loaded deck: their arrays share storage.)
final class QuestionIndexes: @unchecked Sendable {
    private let condition = NSCondition()
    private var built: [DeckID: QuestionIndex] = [:]
    private var building: Set<DeckID> = []
    private var buildCount = 0
    /// How many indexes were built (tests).
    var builds: Int {
        condition.lock()
        defer { condition.unlock() }
        return buildCount
    }

    /// The index of `deck`, built now unless it was before (or is being built: then waited for).
    func index(for deck: Deck) -> QuestionIndex {
        condition.lock()
        while building.contains(deck.id) { condition.wait() }
        if let index = built[deck.id], index.deck == deck {
            condition.unlock()
            return index
        }
        building.insert(deck.id)
        buildCount += 1
        condition.unlock()
        let index = QuestionIndex(deck: deck)
        condition.lock()
        built[deck.id] = index
        building.remove(deck.id)
        condition.broadcast()
        condition.unlock()
        return index
    }

    /// Starts building the indexes of `decks` on another thread.
    func prepare(_ decks: [Deck]) {
        guard !decks.isEmpty else { return }
        Thread.detachNewThread { for deck in decks { _ = self.index(for: deck) } }
    }
}
