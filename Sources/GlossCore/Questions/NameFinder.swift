/// Finds which entries a text names: a run of words whose stems are the stems of an entry's
/// term or alias (the names `Mask` hides, so an everyday-word alias never counts), names of
/// three letters or fewer only as written ("AGI", not "agi").
///
/// ```swift
/// let finder = NameFinder(maskNames: deck.entries.map(Mask.names(of:)))
/// let words = TextFold.wordRanges(text)
/// finder.entries(named: words, stems: words.map { Stem.of($0.word) }, in: text, except: 3)
/// ```
struct NameFinder {
    private struct Pattern {
        var entry: Int
        var stems: [String]
        var exact: String?
    }

    /// Patterns by their first stem.
    private let patterns: [String: [Pattern]]

    init(maskNames: [[String]]) {
        var patterns: [String: [Pattern]] = [:]
        for (i, names) in maskNames.enumerated() {
            for name in names {
                let words = TextFold.words(name)
                guard let first = words.first else { continue }
                let letters = name.filter(\.isLetter)
                let exact = words.count == 1 && letters.count <= 3 ? letters : nil
                patterns[Stem.of(first), default: []].append(Pattern(entry: i, stems: words.map(Stem.of), exact: exact))
            }
        }
        self.patterns = patterns
    }

    /// The entries (other than `except`) named in `text`, given its words and their stems; sorted.
    /// - Complexity: O(words × names sharing a first stem).
    func entries(
        named words: [(word: String, range: Range<String.Index>)], stems: [String], in text: String, except: Int
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
