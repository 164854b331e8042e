import Foundation

/// The per-user folders of the XDG base directory convention, read from an environment.
///
/// `$XDG_DATA_HOME/gloss` (default `~/.local/share/gloss`) holds `decks/` and `progress/`;
/// `$XDG_CONFIG_HOME/gloss/config.toml` (default `~/.config/gloss/config.toml`) may name
/// others. As the convention says, a relative `XDG_*` value is ignored.
struct UserFolders: Equatable {
    var home: String
    var dataHome: String
    var configHome: String

    init(environment: [String: String]) {
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        func base(_ variable: String, default fallback: String) -> String {
            if let value = environment[variable], value.hasPrefix("/") { return value }
            return (home as NSString).appendingPathComponent(fallback)
        }
        self.home = home
        self.dataHome = base("XDG_DATA_HOME", default: ".local/share")
        self.configHome = base("XDG_CONFIG_HOME", default: ".config")
    }

    /// gloss's own data folder, `$XDG_DATA_HOME/gloss`.
    var data: String { (dataHome as NSString).appendingPathComponent("gloss") }
    var decks: String { (data as NSString).appendingPathComponent("decks") }
    var progress: String { (data as NSString).appendingPathComponent("progress") }
    var configFile: String { (configHome as NSString).appendingPathComponent("gloss/config.toml") }

    /// `path` from a config file: `~` and `~/…` are under the home folder, a relative path is
    /// relative to the config file's folder.
    func expand(_ path: String, relativeTo folder: String) -> String {
        if path == "~" { return home }
        if path.hasPrefix("~/") { return (home as NSString).appendingPathComponent(String(path.dropFirst(2))) }
        if path.hasPrefix("/") { return path }
        return (folder as NSString).appendingPathComponent(path)
    }
}
