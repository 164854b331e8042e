/// Finds which entries a text names: a run of words whose stems are the stems of an entry's
/// term or alias (the names `Mask` hides, so an everyday-word alias never counts), names of
/// three letters or fewer only as written ("AGI", not "agi").
///
/// ```swift
/// var table = WordTable()
/// let finder = NameFinder(maskNames: deck.entries.map(Mask.names(of:)), table: &table)
/// let words = TextFold.wordRanges(text)
/// finder.entries(named: words, stems: words.map { table.lookup($0.word).stem }, in: text, except: 3)
/// ```
struct NameFinder {
    private struct Pattern {
        var entry: Int
        var stems: [Int]
        var exact: String?
    }

    /// Patterns by their first stem's id (`WordTable`).
    private let patterns: [Int: [Pattern]]

    init(maskNames: [[String]], table: inout WordTable) {
        var patterns: [Int: [Pattern]] = [:]
        for (i, names) in maskNames.enumerated() {
            for name in names {
                let words = TextFold.words(name)
                guard let first = words.first else { continue }
                var exact: String?
                if words.count == 1, words[0].utf8.count <= 3 {
                    let letters = name.filter(\.isLetter)
                    if letters.count <= 3 { exact = letters }
                }
                let stems = words.map { table.lookup($0).stem }
                patterns[table.lookup(first).stem, default: []].append(Pattern(entry: i, stems: stems, exact: exact))
            }
        }
        self.patterns = patterns
    }

    /// The entries (other than `except`) named in `text`, given its words and their stem ids; sorted.
    /// - Complexity: O(words × names sharing a first stem).
    func entries(
        named words: [TextFold.Word], stems: [Int], in text: String, except: Int
    ) -> [Int] {
        var found = Set<Int>()
        for k in stems.indices {
            guard let candidates = patterns[stems[k]] else { continue }
            for pattern in candidates where pattern.entry != except && !found.contains(pattern.entry) {
                guard k + pattern.stems.count <= stems.count,
                    stems[k..<(k + pattern.stems.count)].elementsEqual(pattern.stems)
                else { continue }
                if let exact = pattern.exact, !text[words[k].range].hasPrefix(exact) { continue }
                found.insert(pattern.entry)
            }
        }
        return found.sorted()
    }
}
