import Foundation

extension Session {
    /// Runs `body` in a session of its own for a REPL line that gives global options, as
    /// `gloss COMMAND OPTIONS` runs it: the line's options, and this session's for the rest
    /// (its learner as `learner NAME` left it, its seed, its current deck if the line's decks
    /// have it). The line's session is closed after it (its learner's progress saved and
    /// unlocked); this session's learner, decks, clock and seed are untouched.
    ///
    /// A line on this session's own learner and progress folder takes the progress over: this
    /// session saves and unlocks it first, and opens it again when a later line needs it.
    func run(withLineOptions line: GlobalOptions, _ body: (Session) throws -> Void) throws {
        let lineSession = try session(forLine: line)
        if lineSession.learner == learner, lineSession.options.device == options.device,
            Self.sameFolder(lineSession.progressFolder, progressFolder)
        {
            try closeProgress()
        }
        defer {
            lineSession.close()
            if lineSession.decksReloaded, Self.sameFolder(lineSession.decksFolder, decksFolder) {
                adopt(lineSession.library)
            }
        }
        try body(lineSession)
    }

    /// The session a line with `line`'s options runs in.
    func session(forLine line: GlobalOptions) throws -> Session {
        var merged = options
        merged.learner = learner
        merged.seed = seed
        for option in LineOption.given(in: line) {
            switch option {
            case .decks: merged.decks = line.decks
            case .progress: merged.progress = line.progress
            case .learner: merged.learner = line.learner
            case .device: merged.device = line.device
            case .noColor: merged.noColor = true
            case .now: merged.now = line.now
            case .seed: merged.seed = line.seed
            case .newLearner: merged.newLearner = true
            }
        }
        let folders = try merged.folders()
        let sameDecks = Self.sameFolder(folders.decks.path, decksFolder)
        let made = try Session(
            options: merged, console: console.sharingStreams(color: startColor && !merged.noColor),
            library: sameDecks ? library : nil, currentDeck: currentDeck, folders: folders)
        // This session's own learner, as it was allowed here, unless the line names another.
        if made.learner == learner, Self.sameFolder(folders.progress.path, progressFolder), learnerAllowed {
            made.learnerAllowed = true
        }
        made.reader = reader
        return made
    }

    /// True when two folder paths (relative to the working folder) name the same folder.
    static func sameFolder(_ a: String, _ b: String) -> Bool {
        func resolved(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path }
        return resolved(a) == resolved(b)
    }
}
