import ArgumentParser
import Foundation
import GlossCore
import GlossStore

/// What a running gloss holds: the decks, the current deck and learner, the clock, the
/// random seed and where output goes. One per process; the REPL keeps it between commands.
public final class Session {
    public let options: GlobalOptions
    public let console: Console
    /// The decks and progress folders in use, and why (`where`).
    public let folders: Folders
    public var decksFolder: String { folders.decks.path }
    public var progressFolder: String { folders.progress.path }
    /// The decks, loaded when a command first needs them: a command that reads only the
    /// journal (`optimize`, `export --what reviews`, `rebuild`) never parses a deck.
    public var library: DeckLibrary {
        if let loadedLibrary { return loadedLibrary }
        let library = DeckLibrary.load(folder: folders.decks.path)
        take(library)
        return library
    }
    private var loadedLibrary: DeckLibrary?
    /// True once the decks are loaded (tests).
    var isLibraryLoaded: Bool { loadedLibrary != nil }
    /// The deck commands use when none is named.
    public var currentDeck: DeckID? {
        get {
            _ = library
            return storedDeck
        }
        set {
            pendingDeck = nil
            storedDeck = newValue
        }
    }
    private var storedDeck: DeckID?
    /// The deck asked for at the start (`.some(nil)`: none), until the library is loaded and
    /// says whether it has it.
    private var pendingDeck: DeckID??
    public var learner: String {
        didSet { if learner != oldValue { learnerAllowed = false } }
    }
    /// True once `learner` may be opened: the default learner, `--new`, a learner the progress
    /// folder has, or one the user confirmed (see `checkLearner`).
    var learnerAllowed: Bool
    private let fixedNow: Date?
    /// The seed for this session's questions; `--seed` fixes it.
    public let seed: UInt64

    /// The console's colour before a learner's `color off` turned it off.
    let startColor: Bool

    public convenience init(options: GlobalOptions, console: Console) throws {
        try self.init(options: options, console: console, library: nil, currentDeck: nil)
    }

    /// A session on `library` (else the deck folder's, loaded), on `currentDeck` if the library
    /// has it, else on its first deck.
    init(
        options: GlobalOptions, console: Console, library: DeckLibrary?, currentDeck: DeckID?, folders: Folders? = nil
    ) throws {
        self.options = options
        self.console = console
        self.startColor = console.color
        self.fixedNow = try options.fixedNow()
        self.seed = options.seed ?? UInt64.random(in: 0...UInt64.max)
        self.learner = options.learnerName
        self.learnerAllowed = options.learner == nil || options.newLearner
        let folders = try folders ?? options.folders()
        self.folders = folders
        if library == nil, folders.decks.reason == .perUserDefault,
            let written = try ShippedDeck.install(into: folders.decks.path)
        {
            console.note("First run: wrote the shipped deck to \(written).")
        }
        pendingDeck = .some(currentDeck)
        if let library { take(library) }
    }

    /// Keeps `library` as the decks; a deck still asked for becomes current if the library has
    /// it, else its first deck does. Answers whether one was asked for.
    @discardableResult private func take(_ library: DeckLibrary) -> Bool {
        loadedLibrary = library
        guard let requested = pendingDeck else { return false }
        pendingDeck = nil
        storedDeck = requested.flatMap { library.deck($0)?.id } ?? library.decks.first?.id
        return true
    }

    /// The time now: fixed by `--now`, else the system clock. Only the CLI reads the clock.
    public func now() -> Date { fixedNow ?? Date() }

    /// True under `--now`: time stands still, so runs are reproducible.
    public var isClockFixed: Bool { fixedNow != nil }

    /// A monotonic clock in nanoseconds, for measuring how long an answer took: stands still
    /// (at 0) under `--now`, so a piped run records the same response times every time.
    public func monotonicNanoseconds() -> UInt64 { isClockFixed ? 0 : DispatchTime.now().uptimeNanoseconds }

    /// Loads the deck folder again (after an edit, say), keeping the current deck if it is still there.
    public func reloadDecks() {
        adopt(DeckLibrary.load(folder: decksFolder))
        decksReloaded = true
    }

    /// True once `reloadDecks` ran: a REPL line's own session hands the new decks back.
    private(set) var decksReloaded = false

    /// Takes `library` as the decks, keeping the current deck if it is still there.
    func adopt(_ library: DeckLibrary) {
        if take(library) { return }
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
        guard let id = currentDeck, let deck = library.deck(id) else { throw CLIError.noDecks(folder: decksFolder) }
        return deck
    }

    /// How answers are read: the REPL's reader, or standard input for a one-shot command.
    public var reader: LineReader?

    /// The open progress of the current learner (locked while open).
    private var openStore: ProgressStore?

    /// The current learner's progress, opened (and locked) on first use; `forReading` (stats)
    /// also opens a folder that can't be written (see `ProgressStore.init`).
    public func progress(forReading: Bool = false) throws -> ProgressStore {
        if let openStore, openStore.learner == learner, forReading || !openStore.readOnly { return openStore }
        try closeProgress()
        let store = try openProgress(forReading: forReading, cardStates: true)
        openStore = store
        return store
    }

    /// The learner's progress for a reader of the journal alone (the reviews exports): the
    /// open store when there is one, else one opened for reading without its card states
    /// (`ProgressStore.hasCardStates`), not kept for later commands.
    func progressForJournal() throws -> ProgressStore {
        if let openStore, openStore.learner == learner { return openStore }
        return try openProgress(forReading: true, cardStates: false)
    }

    /// The current learner's progress, opened: its warnings said, its colour setting applied.
    private func openProgress(forReading: Bool, cardStates: Bool) throws -> ProgressStore {
        try checkLearner()
        let store = try ProgressStore(
            folder: URL(fileURLWithPath: progressFolder), learner: learner, forReading: forReading, device: options.device,
            cardStates: cardStates)
        for warning in store.takeWarnings() { console.warning(warning) }
        if !store.settings.color { console.color = false }
        return store
    }

    /// Saves and releases the current learner's progress.
    public func closeProgress() throws {
        guard let store = openStore else { return }
        openStore = nil
        defer { for warning in store.takeWarnings() { console.warning(warning) } }
        try store.close()
    }

    /// The reader for answers: the REPL's, else readline on a terminal, else plain lines.
    func answerReader() -> LineReader {
        if let reader { return reader }
        let made: LineReader =
            isatty(STDIN_FILENO) == 1
            ? ReadlineLineReader(historyFile: nil, completer: { _ in [] }) : PlainLineReader()
        reader = made
        return made
    }

    /// Releases what the session holds: saves progress and frees the learner's lock.
    public func close() {
        do {
            try closeProgress()
        } catch {
            console.error("progress not saved on exit: \(describe(error))")
        }
    }
}
