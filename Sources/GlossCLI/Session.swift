import ArgumentParser
import Foundation
import GlossCore
import GlossStore

/// What a running gloss holds: the decks, the current deck and learner, the clock, the
/// random seed and where output goes. One per process; the REPL keeps it between commands.
public final class Session {
    public let options: GlobalOptions
    public let console: Console
    public private(set) var library: DeckLibrary
    /// The deck commands use when none is named.
    public var currentDeck: DeckID?
    public var learner: String
    private let fixedNow: Date?
    /// The seed for this session's questions; `--seed` fixes it.
    public let seed: UInt64

    public init(options: GlobalOptions, console: Console) throws {
        self.options = options
        self.console = console
        self.fixedNow = try options.fixedNow()
        self.seed = options.seed ?? UInt64.random(in: 0...UInt64.max)
        self.learner = options.learnerName
        self.library = DeckLibrary.load(folder: options.decksFolder)
        self.currentDeck = library.decks.count == 1 ? library.decks.first?.id : library.decks.first?.id
    }

    /// The time now: fixed by `--now`, else the system clock. Only the CLI reads the clock.
    public func now() -> Date { fixedNow ?? Date() }

    /// Loads the deck folder again (after an edit, say), keeping the current deck if it is still there.
    public func reloadDecks() {
        library = DeckLibrary.load(folder: options.decksFolder)
        if let current = currentDeck, library.deck(current) == nil { currentDeck = library.decks.first?.id }
    }

    /// The deck a command means: the one named (by id or title prefix), else the current one.
    public func resolveDeck(_ name: String?) throws -> Deck {
        if let name {
            guard let deck = library.findDeck(name) else {
                throw CLIError.unknownDeck(name, suggestion: closestMatch(to: name, in: library.decks.map(\.id.rawValue)))
            }
            return deck
        }
        guard let id = currentDeck, let deck = library.deck(id) else { throw CLIError.noDecks(folder: options.decksFolder) }
        return deck
    }

    /// Releases what the session holds (the learner's lock, once progress is open).
    public func close() {}
}
