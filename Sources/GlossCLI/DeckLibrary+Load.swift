import Foundation
import GlossCore
import GlossStore

extension DeckLibrary {
    /// Loads every deck file in `folder`; a deck that fails is reported, never fatal.
    static func load(folder: String) -> DeckLibrary {
        let result = DeckLoader.load(folder: folder)
        return DeckLibrary(
            decks: result.decks.map(\.deck),
            problems: result.failures.map(\.description),
            files: Dictionary(
                result.decks.map { ($0.deck.id, (folder as NSString).appendingPathComponent($0.file)) },
                uniquingKeysWith: { first, _ in first })
        )
    }
}
