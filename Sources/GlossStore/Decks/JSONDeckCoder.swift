import Foundation
import GlossCore

/// Reads and writes decks as versioned JSON: `{"version": 1, "id", "title", "description", "entries"}`.
public enum JSONDeckCoder {
    public static let currentVersion = 1

    private struct File: Codable {
        var version: Int?
        var id: DeckID?
        var title: String
        var description: String?
        var entries: [FileEntry]
    }

    /// An entry as stored: every list may be missing.
    private struct FileEntry: Codable {
        var id: EntryID?
        var term: String
        var definition: String
        var explanation: String?
        var related: [String]?
        var aliases: [String]?
        var tags: [String]?
    }

    /// Parses JSON deck data; a missing version reads as 1, a newer one is refused.
    public static func parse(_ data: Data, file: String) throws(StoreError) -> ParsedDeck {
        let name = (file as NSString).lastPathComponent
        let decoded: File
        do {
            decoded = try JSONDecoder().decode(File.self, from: data)
        } catch {
            if let syntax = jsonSyntaxError(in: data) {
                throw .deckSyntax(file: name, line: syntax.line, message: "not a gloss JSON deck: \(syntax.reason)")
            }
            throw .deckSyntax(
                file: name, line: jsonErrorLine(error, in: data), message: "not a gloss JSON deck: \(jsonErrorSummary(error))")
        }
        let version = decoded.version ?? 1
        guard version <= currentVersion else {
            throw .deckSyntax(
                file: name, line: 1,
                message: "deck format version \(version) is newer than this gloss reads (\(currentVersion)); update gloss")
        }
        let stem = (name as NSString).deletingPathExtension
        for id in [decoded.id?.rawValue].compactMap({ $0 }) + decoded.entries.compactMap({ $0.id?.rawValue }) {
            if let problem = IdentifierRule.problem(id) {
                throw .deckSyntax(file: name, line: 1, message: "id '\(id)' \(problem): choose another id")
            }
        }
        var deck = Deck(id: decoded.id ?? DeckID(slug(stem)), title: decoded.title, description: decoded.description ?? "")
        let entries = decoded.entries.map { raw in
            Entry(
                id: raw.id ?? EntryID(slug(raw.term)), term: raw.term, definition: raw.definition,
                explanation: raw.explanation ?? "", related: [], aliases: raw.aliases ?? [], tags: raw.tags ?? [])
        }
        let resolver = RelatedNameResolver(entries: entries)
        deck.entries = zip(entries, decoded.entries).map { entry, raw in
            var entry = entry
            entry.related = resolver.related(of: entry.id, names: raw.related ?? [], idsFirst: true)
            return entry
        }
        let sources = zip(entries, decoded.entries).map { entry, raw in
            ParsedDeck.EntrySource(heading: 1, definition: 1, keys: [:], relatedNames: raw.related ?? [])
        }
        return ParsedDeck(file: name, deck: deck, sources: sources, headerLine: 1)
    }

    /// The deck as pretty-printed JSON with sorted keys and related entries by id.
    public static func write(_ deck: Deck) -> Data {
        let file = File(
            version: currentVersion, id: deck.id, title: deck.title, description: deck.description,
            entries: deck.entries.map {
                FileEntry(
                    id: $0.id, term: $0.term, definition: $0.definition, explanation: $0.explanation,
                    related: $0.related.map(\.rawValue), aliases: $0.aliases, tags: $0.tags)
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(file)) ?? Data()
    }
}

/// A short reason for a JSON decoding error, naming the key path.
func jsonErrorSummary(_ error: any Error) -> String {
    guard let error = error as? DecodingError else { return "invalid JSON" }
    func path(_ context: DecodingError.Context) -> String {
        let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        return keys.isEmpty ? "" : " at \(keys.hasPrefix(".") ? String(keys.dropFirst()) : keys)"
    }
    switch error {
    case .keyNotFound(let key, let context): return "missing '\(key.stringValue)'\(path(context))"
    case .typeMismatch(_, let context): return "wrong type\(path(context))"
    case .valueNotFound(_, let context): return "missing value\(path(context))"
    case .dataCorrupted(let context):
        return context.codingPath.isEmpty ? "invalid JSON" : "invalid value\(path(context))"
    @unknown default: return "invalid JSON"
    }
}

/// The 1-based line of a JSON syntax error when Foundation says where it is, else 1.
func jsonErrorLine(_ error: any Error, in data: Data) -> Int {
    guard case DecodingError.dataCorrupted(let context)? = error as? DecodingError,
        let underlying = context.underlyingError as NSError?,
        let index = underlying.userInfo["NSJSONSerializationErrorIndex"] as? Int
    else { return 1 }
    return data.prefix(index).reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
}

/// The line and reason of a JSON syntax error, or nil for valid JSON.
///
/// `JSONDecoder` on Linux says neither; `JSONSerialization` says "around character N"
/// or "unexpected end of file", which this turns into a 1-based line.
func jsonSyntaxError(in data: Data) -> (line: Int, reason: String)? {
    do {
        _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        return nil
    } catch {
        let detail = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String) ?? "invalid JSON"
        let lineOf = { (offset: Int) in
            data.prefix(max(0, offset)).reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        }
        var line = 1
        if let range = detail.range(of: "around character "),
            let offset = Int(String(detail[range.upperBound...].prefix { $0.isNumber }))
        {
            line = lineOf(offset)
        } else if detail.lowercased().contains("end of file") {
            line = lineOf(data.count)
        }
        var reason = detail.hasSuffix(".") ? String(detail.dropLast()) : detail
        if let first = reason.first { reason = first.lowercased() + reason.dropFirst() }
        return (line, reason)
    }
}
