import Foundation

/// The decks and progress folders a run uses, and why (`gloss where`).
///
/// First match wins, for each folder: the option (`--decks`, `--progress`), the environment
/// (`$GLOSS_DECKS`, `$GLOSS_PROGRESS`), the working folder's `Decks/` (then `./Decks` and
/// `./Progress`, as in the repository), `config.toml`, the per-user default
/// (`$XDG_DATA_HOME/gloss/decks` and `…/progress`). A decks folder that was named (by option,
/// environment or config) must be a folder that exists.
public struct Folders: Equatable {
    public var decks: FolderChoice
    public var progress: FolderChoice
    /// The config file that was (or would be) read.
    var configFile: String
    /// True when the config file exists and was read.
    var configRead: Bool

    /// Resolves the folders for `decks` and `progress` as given on a command line.
    static func resolve(
        decks: String?, progress: String?, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> Folders {
        let user = UserFolders(environment: environment)
        func given(_ value: String?, flag: String, variable: String) -> FolderChoice? {
            if let value { return FolderChoice(path: value, reason: .option(flag)) }
            if let value = environment[variable], !value.isEmpty {
                return FolderChoice(path: value, reason: .environment(variable))
            }
            return nil
        }
        var decksChoice = given(decks, flag: "--decks", variable: "GLOSS_DECKS")
        var progressChoice = given(progress, flag: "--progress", variable: "GLOSS_PROGRESS")
        var configRead = false
        if decksChoice == nil || progressChoice == nil {
            if isFolder("Decks") {
                decksChoice = decksChoice ?? FolderChoice(path: "Decks", reason: .workingFolder)
                progressChoice = progressChoice ?? FolderChoice(path: "Progress", reason: .workingFolder)
            } else if let config = try UserConfig.load(file: user.configFile) {
                configRead = true
                let folder = (user.configFile as NSString).deletingLastPathComponent
                func named(_ value: String?) -> FolderChoice? {
                    value.map { FolderChoice(path: user.expand($0, relativeTo: folder), reason: .config(file: user.configFile)) }
                }
                decksChoice = decksChoice ?? named(config.decks)
                progressChoice = progressChoice ?? named(config.progress)
            }
        }
        let folders = Folders(
            decks: decksChoice ?? FolderChoice(path: user.decks, reason: .perUserDefault),
            progress: progressChoice ?? FolderChoice(path: user.progress, reason: .perUserDefault),
            configFile: user.configFile, configRead: configRead)
        try folders.checkDecks()
        return folders
    }

    /// A decks folder that was named must exist and be a folder.
    func checkDecks() throws {
        let source: String
        switch decks.reason {
        case .option(let flag): source = flag
        case .environment(let variable): source = "$" + variable
        case .config(let file): source = "'decks' in \(file)"
        case .workingFolder, .perUserDefault: return
        }
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: decks.path, isDirectory: &isDirectory) {
            throw CLIError.decksFolderMissing(decks.path, source: source)
        }
        if !isDirectory.boolValue { throw CLIError.decksFolderIsFile(decks.path, source: source) }
    }

    /// The lines of `gloss where`.
    var whereLines: [String] {
        [
            "decks:    \(decks.path) (\(decks.reason.explanation))",
            "progress: \(progress.path) (\(progress.reason.explanation))",
            "config:   \(configFile) (\(configRead ? "read" : FileManager.default.fileExists(atPath: configFile) ? "not needed" : "none"))",
        ]
    }

    private static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
