import Foundation
import GlossCore

/// Loads decks from files: Markdown (`.md`) and JSON (`.json`).
public enum DeckLoader {
    /// What loading a folder gave: the decks that loaded and, per file that did not, why.
    public struct FolderResult: Sendable {
        public var decks: [ParsedDeck]
        public var failures: [StoreError]
    }

    /// Parses one deck file.
    public static func load(file path: String) throws(StoreError) -> ParsedDeck {
        let name = (path as NSString).lastPathComponent
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(file: name, reason: FileManager.default.fileExists(atPath: path) ? "permission denied" : "no such file")
        }
        if path.lowercased().hasSuffix(".json") { return try JSONDeckCoder.parse(data, file: name) }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .unreadable(file: name, reason: "not UTF-8 text")
        }
        return try MarkdownDeckParser.parse(text, file: name)
    }

    /// Loads every `*.md` and `*.json` deck in `folder` (README.md excepted), sorted by name.
    /// A deck that fails never stops the others; a second deck with an id already loaded is skipped.
    public static func load(folder: String) -> FolderResult {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        var result = FolderResult(decks: [], failures: [])
        var firstFile: [DeckID: String] = [:]
        for name in names.sorted() where isDeckFile(name) {
            do {
                let parsed = try load(file: (folder as NSString).appendingPathComponent(name))
                if let first = firstFile[parsed.deck.id] {
                    result.failures.append(.deckSyntax(file: name, line: parsed.headerLine,
                        message: "deck id '\(parsed.deck.id)' is already used by \(first); give this deck another 'id:'"))
                    continue
                }
                firstFile[parsed.deck.id] = name
                result.decks.append(parsed)
            } catch {
                result.failures.append(error)
            }
        }
        return result
    }

    public static func isDeckFile(_ name: String) -> Bool {
        let lower = name.lowercased()
        guard !name.hasPrefix("."), lower != "readme.md" else { return false }
        return lower.hasSuffix(".md") || lower.hasSuffix(".json")
    }
}
