import Foundation
import GlossCore
import GlossStore

/// The decks that loaded from the deck folder, the files that did not, and lookups.
public struct DeckLibrary {
    public var decks: [Deck]
    /// One line per deck file that was skipped, naming the file, line and problem.
    public var problems: [String]
    /// The file each deck was read from.
    public var files: [DeckID: String]
    /// The decks' question indexes, built when first asked for (a copy of the library shares them).
    let questionIndexes = QuestionIndexes()

    public init(decks: [Deck], problems: [String], files: [DeckID: String] = [:]) {
        self.decks = decks
        self.problems = problems
        self.files = files
    }

    public func deck(_ id: DeckID) -> Deck? { decks.first { $0.id == id } }

    /// A deck by exact id, else by a unique case-insensitive prefix of its id or title.
    public func findDeck(_ name: String) -> Deck? {
        if let exact = decks.first(where: { $0.id.rawValue == name }) { return exact }
        let lowered = name.lowercased()
        let found = decks.filter {
            $0.id.rawValue.lowercased().hasPrefix(lowered) || $0.title.lowercased().hasPrefix(lowered)
        }
        return found.count == 1 ? found[0] : nil
    }

    /// Entries named `name` (term, alias or id, case-insensitive) in the given decks.
    public func findEntries(_ name: String, in decks: [Deck]) -> [(deck: Deck, entry: Entry)] {
        let lowered = name.lowercased()
        var result: [(Deck, Entry)] = []
        for deck in decks {
            for entry in deck.entries
            where entry.id.rawValue == lowered || entry.names.contains(where: { $0.lowercased() == lowered }) {
                result.append((deck, entry))
            }
        }
        return result
    }

    /// Every term and alias, for completion.
    public var allNames: [String] { decks.flatMap { $0.entries.flatMap(\.names) } }
}
