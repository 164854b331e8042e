import Foundation
import GlossCore

/// One thing `gloss lint` found, pointing at a file and line.
public struct LintFinding: Equatable, Sendable, CustomStringConvertible {
    /// A note teaches without failing: it never changes the exit code.
    public enum Severity: String, Sendable { case error, warning, note }
    public var file: String
    public var line: Int
    public var severity: Severity
    public var message: String

    public init(file: String, line: Int, severity: Severity, message: String) {
        self.file = file
        self.line = line
        self.severity = severity
        self.message = message
    }

    public var description: String { "\(file):\(line): \(severity.rawValue): \(message)" }
}

/// The findings for some decks, and the exit code they call for.
public struct LintReport: Equatable, Sendable {
    public var findings: [LintFinding]

    public init(findings: [LintFinding]) { self.findings = findings }

    public var errors: Int { findings.filter { $0.severity == .error }.count }
    public var warnings: Int { findings.filter { $0.severity == .warning }.count }
    public var notes: Int { findings.filter { $0.severity == .note }.count }

    /// 0 clean; 2 with errors; 1 with warnings only when `strict`, else 0.
    public func exitCode(strict: Bool) -> Int32 {
        if errors > 0 { return 2 }
        if warnings > 0 && strict { return 1 }
        return 0
    }
}

/// Checks a parsed deck for what makes bad questions or broken links.
public enum DeckLinter {
    /// Every finding, sorted by line: the errors (`errors`), then warnings and notes, the
    /// question advice among them (which builds a question index).
    public static func lint(_ parsed: ParsedDeck) -> [LintFinding] {
        var findings = errors(parsed)
        let file = parsed.file
        let deck = parsed.deck
        func add(_ line: Int, _ severity: LintFinding.Severity, _ message: String) {
            findings.append(LintFinding(file: file, line: line, severity: severity, message: message))
        }

        let resolver = RelatedNameResolver(entries: deck.entries)
        // Lookups by id, so that a 10,000-entry deck lints in linear time.
        var indexOf: [EntryID: Int] = [:]
        for (index, entry) in deck.entries.enumerated() where indexOf[entry.id] == nil { indexOf[entry.id] = index }
        for (entry, source) in zip(deck.entries, parsed.sources) {
            let relatedLine = source.keys["related"] ?? source.heading
            for name in source.relatedNames where resolver.resolve(name) == entry.id {
                add(relatedLine, .warning, "'\(entry.term)' lists itself as related ('\(name)'); remove it")
            }
            for id in entry.related {
                guard let otherIndex = indexOf[id], !deck.entries[otherIndex].related.contains(entry.id) else { continue }
                let other = deck.entries[otherIndex]
                let otherLine = parsed.sources[otherIndex].heading
                add(
                    relatedLine, .warning,
                    "'\(entry.term)' lists '\(other.term)' as related, but '\(other.term)' (line \(otherLine)) does not list '\(entry.term)'"
                )
            }
            if let given = entry.names.first(where: { containsWord(entry.definition, $0) }) {
                add(
                    source.definition, .warning,
                    "the definition of '\(entry.term)' contains '\(given)', which gives the answer away")
            }
            // Relate questions of an entry related to nearly everything fall back to a
            // flashcard, so only the deck's size limits distractors here.
            let others = deck.entries.count - 1
            if others < 3 {
                add(
                    source.heading, .warning,
                    "'\(entry.term)' has only \(others) other entr\(others == 1 ? "y" : "ies") to use as distractors (3 needed)")
            }
        }
        questionFindings(parsed, add: add)
        return findings.sorted { ($0.line, $0.severity.rawValue) < ($1.line, $1.severity.rawValue) }
    }

    /// The error-level findings only (duplicate ids and names, empty definitions, related
    /// names that match no entry), in file order: what keeps a deck from loading. Linear in
    /// the deck's size; no question index.
    public static func errors(_ parsed: ParsedDeck) -> [LintFinding] {
        var findings: [LintFinding] = []
        let file = parsed.file
        let deck = parsed.deck
        func add(_ line: Int, _ severity: LintFinding.Severity, _ message: String) {
            findings.append(LintFinding(file: file, line: line, severity: severity, message: message))
        }

        // Duplicate names and ids (`NameTable`): the first entry with each.
        let nameLine = NameTable<(term: String, line: Int)>(ignoringCase: true)
        let idLine = NameTable<Int>(ignoringCase: false)
        // By index, not `zip`: its iterator copies each entry whole (a retain of every string).
        for i in 0..<min(deck.entries.count, parsed.sources.count) {
            let heading = parsed.sources[i].heading
            let term = deck.entries[i].term, id = deck.entries[i].id
            let sameTerm = nameLine.find(term) != nil
            let first = idLine.keepFirst(id.rawValue, heading)
            if !first.isNew, !sameTerm {
                add(heading, .error, "duplicate id '\(id)' (first at line \(first.value)); give one entry another 'id:'")
            }
            func check(_ name: String) {
                let first = nameLine.keepFirst(name, (term, heading)).value
                if first.line != heading {
                    let what = name == term ? "term" : "alias"
                    add(heading, .error, "duplicate \(what) '\(name)' (also '\(first.term)' at line \(first.line))")
                }
            }
            // The term, then each alias (`Entry.names`, without an array for them).
            check(term)
            for alias in deck.entries[i].aliases { check(alias) }
        }

        // Every name resolved when none was dropped in resolving them (the parser drops
        // unresolved names, the entry itself and repeats): only other entries are looked at.
        var lowerNames: Set<String>?
        for i in 0..<min(deck.entries.count, parsed.sources.count) {
            let entry = deck.entries[i], source = parsed.sources[i]
            if entry.definition.trimmedSpaces.isEmpty {
                add(source.heading, .error, "entry '\(entry.term)' has no definition: write one line under its heading")
            }
            guard entry.related.count != source.relatedNames.count else { continue }
            let known =
                lowerNames
                ?? Set(deck.entries.lazy.flatMap { $0.names }.map { $0.lowercased() })
                .union(deck.entries.lazy.map { $0.id.rawValue.lowercased() })
            lowerNames = known
            let relatedLine = source.keys[.related] ?? source.heading
            for name in source.relatedNames where !known.contains(name.lowercased()) {
                let suggestion = closestMatch(to: name, in: deck.entries.map(\.term))
                add(
                    relatedLine, .error,
                    "related term '\(name)' matches no entry" + (suggestion.map { " — did you mean '\($0)'?" } ?? ""))
            }
        }
        return findings.sorted { $0.line < $1.line }
    }

    /// Whether `text` contains `word` as a whole word, ignoring case.
    static func containsWord(_ text: String, _ word: String) -> Bool {
        let text = text.lowercased(), word = word.lowercased()
        guard !word.isEmpty else { return false }
        var searchRange = text.startIndex..<text.endIndex
        while let found = text.range(of: word, range: searchRange) {
            let before = found.lowerBound == text.startIndex ? nil : text[text.index(before: found.lowerBound)]
            let after = found.upperBound == text.endIndex ? nil : text[found.upperBound]
            if !(before?.isLetter ?? false) && !(before?.isNumber ?? false)
                && !(after?.isLetter ?? false) && !(after?.isNumber ?? false)
            {
                return true
            }
            searchRange = found.upperBound..<text.endIndex
        }
        return false
    }
}
