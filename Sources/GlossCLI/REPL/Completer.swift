/// Tab completion for the REPL: whole-line candidates for what has been typed so far.
///
/// `"he"` → `["help"]`; `"show mesa"` → `["show Mesa-Optimization"]` (multi-word terms too);
/// `"use ai"` → `["use ai-safety"]`.
struct Completer {
    var commands: [String]
    var deckNames: [String]
    var terms: [String]
    /// Offered only when no term matches, so `show mesa` completes to the term, not an alias.
    var aliases: [String] = []

    /// Commands whose argument is a term, a deck, or a command.
    static let termCommands: Set<String> = ["show", "edit", "link"]
    static let deckCommands: Set<String> = ["use", "export-deck"]

    func complete(_ line: String) -> [String] {
        let trimmed = line.drop { $0 == " " }
        guard let space = trimmed.firstIndex(of: " ") else {
            return matches(String(trimmed), in: commands).map { $0 + " " }
        }
        let command = String(trimmed[..<space])
        let argument = String(trimmed[trimmed.index(after: space)...].drop { $0 == " " })
        let pool: [String]
        if command == "help" {
            pool = commands
        } else if Self.termCommands.contains(command) {
            let found = matches(argument, in: terms)
            pool = found.isEmpty ? aliases : found
        } else if Self.deckCommands.contains(command) {
            pool = deckNames
        } else {
            return []
        }
        return matches(argument, in: pool).map { "\(command) \($0)" }
    }

    /// Candidates starting with `prefix`, case-insensitively, in a stable order without repeats.
    private func matches(_ prefix: String, in pool: [String]) -> [String] {
        let lowered = prefix.lowercased()
        var seen = Set<String>()
        return pool.filter { $0.lowercased().hasPrefix(lowered) && seen.insert($0).inserted }.sorted {
            $0.lowercased() < $1.lowercased()
        }
    }
}
