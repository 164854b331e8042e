/// Errors a user can cause at the command line, each one line that says what to do.
public enum CLIError: Error, Equatable, CustomStringConvertible {
    case unknownDeck(String, suggestion: String?)
    case noDecks(folder: String)
    case unknownTerm(String, deck: String, suggestion: String?)
    case ambiguousTerm(String, decks: [String])
    case unknownCommand(String, suggestion: String?)
    /// A decks folder named by `source` (`--decks`, `$GLOSS_DECKS`, config.toml) that is not there.
    case decksFolderMissing(String, source: String)
    case decksFolderIsFile(String, source: String)
    /// `config.toml` that can't be read as the two keys gloss reads.
    case config(file: String, line: Int?, message: String)
    /// A learner with no progress in a progress folder that has others, without `--new`.
    case unknownLearner(String, folder: String, suggestion: String?)

    public var description: String {
        switch self {
        case .unknownDeck(let name, let suggestion):
            "no deck '\(name)'" + (suggestion.map { " — did you mean '\($0)'?" } ?? " — 'decks' lists them")
        case .noDecks(let folder):
            "no decks in '\(folder)' — add a deck file there or point --decks at a folder of decks"
        case .unknownTerm(let term, let deck, let suggestion):
            "no term '\(term)' in deck '\(deck)'" + (suggestion.map { " — did you mean '\($0)'?" } ?? "")
        case .ambiguousTerm(let term, let decks):
            "'\(term)' is in several decks (\(decks.joined(separator: ", "))) — add --deck to choose"
        case .unknownCommand(let name, let suggestion):
            "unknown command '\(name)'" + (suggestion.map { " — did you mean '\($0)'?" } ?? " — type 'help' for the list")
        case .decksFolderMissing(let path, let source):
            "\(source) '\(path)': no such folder (give a folder of deck files)"
        case .decksFolderIsFile(let path, let source):
            "\(source) '\(path)' is a file, not a folder (give the folder of deck files)"
        case .config(let file, let line, let message):
            "\(file)\(line.map { ":\($0)" } ?? ""): \(message)"
        case .unknownLearner(let name, let folder, let suggestion):
            "no learner '\(name)' in \(folder)" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
                + " (--new to start a new learner)"
        }
    }
}
