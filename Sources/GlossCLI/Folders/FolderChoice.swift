/// A folder gloss uses, and why that one: `gloss where` prints both.
public struct FolderChoice: Equatable, Sendable {
    /// The folder's path as gloss opens it (relative to the working folder for `./Decks`).
    public var path: String
    public var reason: FolderReason

    public init(path: String, reason: FolderReason) {
        self.path = path
        self.reason = reason
    }
}

/// Why gloss uses a folder, first match wins: an option, an environment variable, the
/// working folder's `Decks/`, the user's config file, else the per-user default.
public enum FolderReason: Equatable, Sendable {
    /// `--decks` or `--progress` on the command line (or the REPL line).
    case option(String)
    /// `$GLOSS_DECKS` or `$GLOSS_PROGRESS`.
    case environment(String)
    /// The working folder has `Decks/`: gloss runs as in the repository, on `./Decks` and `./Progress`.
    case workingFolder
    /// A key in `config.toml`.
    case config(file: String)
    /// `$XDG_DATA_HOME/gloss/…` (default `~/.local/share/gloss/…`).
    case perUserDefault

    /// The words `gloss where` gives for the reason.
    public var explanation: String {
        switch self {
        case .option(let flag): "\(flag) given"
        case .environment(let variable): "$\(variable) set"
        case .workingFolder: "./Decks found in the working folder"
        case .config(let file): "config.toml: \(file)"
        case .perUserDefault: "per-user default"
        }
    }
}
