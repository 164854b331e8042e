import Foundation
import GlossCore

/// The user's `config.toml`: the two keys gloss reads, `decks = "…"` and `progress = "…"`.
///
/// A small reader of top-level TOML string keys (basic `"…"` and literal `'…'` strings,
/// comments, blank lines), so that two keys cost no TOML library in every build. Anything
/// else is refused with the file, line and what to write instead.
///
/// ```toml
/// # ~/.config/gloss/config.toml
/// decks = "~/Sync/gloss/decks"
/// progress = "~/Sync/gloss/progress"
/// ```
struct UserConfig: Equatable {
    var decks: String?
    var progress: String?

    /// The keys gloss reads.
    static let keys = ["decks", "progress"]

    /// Reads `file`; nil when there is none.
    static func load(file: String) throws -> UserConfig? {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isFolder) else { return nil }
        guard !isFolder.boolValue, let data = FileManager.default.contents(atPath: file),
            let text = String(data: data, encoding: .utf8)
        else {
            throw CLIError.config(file: file, line: nil, message: "cannot be read as UTF-8 text")
        }
        return try parse(text, file: file)
    }

    static func parse(_ text: String, file: String) throws -> UserConfig {
        var config = UserConfig()
        var seen: Set<String> = []
        for (index, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let number = index + 1
            func refuse(_ message: String) -> CLIError { .config(file: file, line: number, message: message) }
            // `\r\n` is one Character, a newline: a file saved on Windows reads the same.
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("[") {
                throw refuse("gloss reads only the top-level keys \(keyList); no tables")
            }
            guard let equals = line.firstIndex(of: "=") else {
                throw refuse("expected 'key = \"value\"'")
            }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            guard keys.contains(key) else {
                let hint = closestMatch(to: key, in: keys).map { "; did you mean '\($0)'?" } ?? ""
                throw refuse("unknown key '\(key)' (gloss reads \(keyList))\(hint)")
            }
            guard seen.insert(key).inserted else { throw refuse("'\(key)' is given twice") }
            let value = try string(line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces), refuse)
            if value.isEmpty { throw refuse("'\(key)' is empty: give a folder") }
            if key == "decks" { config.decks = value } else { config.progress = value }
        }
        return config
    }

    private static var keyList: String { keys.map { "'\($0)'" }.joined(separator: " and ") }

    /// A TOML string value followed by nothing but an optional comment.
    private static func string(_ text: String, _ refuse: (String) -> CLIError) throws -> String {
        guard let quote = text.first, quote == "\"" || quote == "'" else {
            throw refuse("the value must be a quoted string, e.g. \"~/gloss/decks\"")
        }
        var value = ""
        var escaped = false
        var rest: Substring?
        var index = text.index(after: text.startIndex)
        while index < text.endIndex {
            let character = text[index]
            if escaped {
                switch character {
                case "\"", "\\": value.append(character)
                case "n": value.append("\n")
                case "t": value.append("\t")
                default: throw refuse("unknown escape '\\\(character)' (write '\\\\' for a backslash)")
                }
                escaped = false
            } else if character == "\\" && quote == "\"" {
                escaped = true
            } else if character == quote {
                rest = text[text.index(after: index)...]
                break
            } else {
                value.append(character)
            }
            index = text.index(after: index)
        }
        guard let rest else { throw refuse("the string is not closed") }
        let after = rest.trimmingCharacters(in: .whitespaces)
        guard after.isEmpty || after.hasPrefix("#") else { throw refuse("unexpected '\(after)' after the value") }
        return value
    }
}
