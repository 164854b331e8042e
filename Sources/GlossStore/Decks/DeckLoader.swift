import Foundation
import GlossCore

/// Loads decks from files: Markdown (`.md`) and JSON (`.json`).
public enum DeckLoader {
    /// What loading a folder gave: the decks that loaded and, per file that did not, why.
    public struct FolderResult: Sendable {
        public var decks: [ParsedDeck]
        public var failures: [StoreError]
    }

    /// The largest deck file gloss reads (a glossary of 10,000 entries is about 5 MB).
    public static let maximumFileSize = 32 * 1024 * 1024

    /// Parses one deck file.
    public static func load(file path: String) throws(StoreError) -> ParsedDeck {
        let name = (path as NSString).lastPathComponent
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        if let size = attributes?[.size] as? Int, size > maximumFileSize {
            throw .unreadable(
                file: name,
                reason:
                    "the file is \(size / (1024 * 1024)) MB; decks are read up to \(maximumFileSize / (1024 * 1024)) MB — split it into several decks"
            )
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw .unreadable(file: name, reason: exists ? "permission denied, or not a regular file" : "no such file")
        }
        return try parse(data, file: name)
    }

    /// Parses deck bytes: JSON when the name ends in `.json`, else Markdown.
    public static func parse(_ data: Data, file name: String) throws(StoreError) -> ParsedDeck {
        let nulOffset = data.withUnsafeBytes { raw -> Int? in
            guard let base = raw.baseAddress, let hit = memchr(base, 0, raw.count) else { return nil }
            return base.distance(to: UnsafeRawPointer(hit))
        }
        if let nul = nulOffset.map({ data.startIndex + $0 }) {
            throw .deckSyntax(
                file: name, line: lineNumber(at: nul, in: data),
                message: "the file contains a NUL byte: is it a text file?")
        }
        if name.lowercased().hasSuffix(".json") { return try JSONDeckCoder.parse(data, file: name) }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .deckSyntax(
                file: name, line: lineNumber(at: firstInvalidUTF8(data), in: data),
                message: "the text is not valid UTF-8: save the file as UTF-8")
        }
        return try MarkdownDeckParser.parse(text, file: name)
    }

    /// The 1-based line of byte `offset`.
    static func lineNumber(at offset: Int, in data: Data) -> Int {
        data[data.startIndex..<min(offset, data.endIndex)].reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
    }

    /// The offset of the first byte that does not start or continue valid UTF-8.
    static func firstInvalidUTF8(_ data: Data) -> Int {
        var lineStart = data.startIndex
        for index in data.indices where data[index] == UInt8(ascii: "\n") {
            if String(data: data[lineStart..<index], encoding: .utf8) == nil { return lineStart }
            lineStart = index + 1
        }
        return lineStart
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
                    result.failures.append(
                        .deckSyntax(
                            file: name, line: parsed.headerLine,
                            message: "deck id '\(parsed.deck.id)' is already used by \(first); give this deck another 'id:'"))
                    continue
                }
                if let clash = duplicateID(in: parsed) ?? lintError(in: parsed) {
                    result.failures.append(clash)
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

    /// Two entries with one id would share their cards' progress: such a deck is not loaded
    /// (the lint error it is, said at load time, naming the second entry's line).
    static func duplicateID(in parsed: ParsedDeck) -> StoreError? {
        let first = NameTable<Int>(ignoringCase: false)
        for i in 0..<min(parsed.deck.entries.count, parsed.sources.count) {
            let id = parsed.deck.entries[i].id, heading = parsed.sources[i].heading
            let kept = first.keepFirst(id.rawValue, heading)
            if !kept.isNew {
                return .deckSyntax(
                    file: parsed.file, line: heading,
                    message:
                        "entry id '\(id)' is used by two entries (first at line \(kept.value)), whose progress would mix; give one another 'id:' (`gloss lint` lists every problem)"
                )
            }
        }
        return nil
    }

    /// A deck with a lint error (a duplicate name, an empty definition, a related name that
    /// matches no entry) would ask broken questions: it is not loaded, and the first error is
    /// said at load time with its line. Only the error-level checks run (`DeckLinter.errors`,
    /// linear, no question index); warnings and notes never keep a deck out.
    static func lintError(in parsed: ParsedDeck) -> StoreError? {
        let errors = DeckLinter.errors(parsed)
        guard let first = errors.first else { return nil }
        let more = errors.count > 1 ? " and \(errors.count - 1) more error\(errors.count == 2 ? "" : "s")" : ""
        return .deckSyntax(
            file: parsed.file, line: first.line,
            message: "\(first.message)\(more); the deck is not loaded until it is fixed (`gloss lint` lists every problem)")
    }

    public static func isDeckFile(_ name: String) -> Bool {
        let lower = name.lowercased()
        guard !name.hasPrefix("."), lower != "readme.md" else { return false }
        return lower.hasSuffix(".md") || lower.hasSuffix(".json")
    }
}
