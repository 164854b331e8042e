/// Hides names inside a text shown to the learner, so a definition never gives its term away.
///
/// Every occurrence of a name (as a run of words, compared by light stem, so plurals,
/// -ing/-ed forms, "optimization"/"optimizer" and hyphen/space variants all count) is
/// replaced by `_____`:
///
/// ```swift
/// Mask.apply(to: "A mesa-optimizer is a learned optimizer.", names: ["Mesa-Optimization"])
/// // "A _____ is a learned optimizer."
/// ```
///
/// Three refinements keep masking from saying too much or too little:
/// - a name of three letters or fewer ("AGI", "OR") matches case-sensitively, so the alias
///   "OR" does not blank every "or";
/// - an all-capital name of three to six letters also hides its spelled-out form, a run of
///   words whose initials spell it ("Susceptible–Infectious–Recovered" for "SIR"; short
///   function words inside the run are skipped, as "from" in "reinforcement learning from
///   human feedback");
/// - `words` hides single words by stem, inflected or prefixed ("misaligned" for the word
///   "alignment", "vaccinated" for "vaccine"): see `TermWords.matches(_:_:)`.
public enum Mask {
    /// What a hidden name is replaced with.
    public static let blank = "_____"

    /// `text` with every occurrence of any of `names` (and their inflections) blanked, and
    /// every word matching one of the stems in `words`.
    public static func apply(to text: String, names: [String], words: [String] = []) -> String {
        var patterns: [Pattern] = []
        for name in names {
            let folded = TextFold.words(name)
            guard !folded.isEmpty else { continue }
            let letters = name.unicodeScalars.filter { $0.properties.isAlphabetic }
            let short = folded.count == 1 && letters.count <= 3
            patterns.append(Pattern(stems: folded.map(Stem.of), exact: short ? String(String.UnicodeScalarView(letters)) : nil))
        }
        let acronyms = names.compactMap(acronym(of:))
        guard !patterns.isEmpty || !words.isEmpty || !acronyms.isEmpty else { return text }
        let ranges = TextFold.wordRanges(text)
        let stems = ranges.map { Stem.of($0.word) }
        var spans: [Range<String.Index>] = []
        var i = 0
        while i < ranges.count {
            var best = 0
            for pattern in patterns where pattern.stems.count > best && i + pattern.stems.count <= ranges.count {
                guard stems[i..<(i + pattern.stems.count)].elementsEqual(pattern.stems) else { continue }
                if let exact = pattern.exact, !sameCase(text[ranges[i].range], exact) { continue }
                best = pattern.stems.count
            }
            for letters in acronyms {
                if let length = expansionLength(of: letters, in: ranges, at: i), length > best { best = length }
            }
            if best == 0, words.contains(where: { TermWords.matches(stems[i], $0) }) { best = 1 }
            if best > 0 {
                spans.append(ranges[i].range.lowerBound..<ranges[i + best - 1].range.upperBound)
                i += best
            } else {
                i += 1
            }
        }
        guard !spans.isEmpty else { return text }
        var result = ""
        var cursor = text.startIndex
        for span in spans {
            result += text[cursor..<span.lowerBound]
            result += blank
            cursor = span.upperBound
        }
        result += text[cursor...]
        return result
    }

    /// The names to hide for an entry: its term, aliases, and for a term such as
    /// "Artificial General Intelligence (AGI)" both the part outside and inside parentheses.
    /// An alias that is an everyday word (`CommonWords`) is left out: it would blank prose (an
    /// all-capital alias of three letters or fewer, such as "OR", stays: it matches as written).
    public static func names(of entry: Entry) -> [String] {
        var result: [String] = []
        for (k, name) in entry.names.enumerated() {
            if k > 0, isCommonWord(name), !isMatchedAsWritten(name) { continue }
            result.append(name)
            if let open = name.firstIndex(of: "("), let close = name[open...].firstIndex(of: ")") {
                let inner = String(name[name.index(after: open)..<close])
                let outer = String(name[..<open]) + String(name[name.index(after: close)...])
                result.append(inner)
                result.append(outer)
            }
        }
        return result.filter { !TextFold.words($0).isEmpty }
    }

    /// Whether `name` is an all-capital name of three letters or fewer ("OR", "A"): masked only
    /// as written, so it may stay a mask name even when it spells an everyday word.
    public static func isMatchedAsWritten(_ name: String) -> Bool {
        name.count <= 3 && name.allSatisfy { $0.isUppercase }
    }

    /// Whether `name` is one everyday English word ("Control", "or").
    public static func isCommonWord(_ name: String) -> Bool {
        let words = TextFold.words(name)
        return words.count == 1 && CommonWords.contains(words[0])
    }

    /// The letters of an all-capital name of three to six letters ("SIR", "RLHF"), lowercased.
    static func acronym(of name: String) -> [Character]? {
        let trimmed = name.filter { !$0.isWhitespace }
        guard (3...6).contains(trimmed.count), trimmed.allSatisfy({ $0.isUppercase && $0.isASCII }) else { return nil }
        return trimmed.lowercased().map { $0 }
    }

    /// How many words from `start` spell `letters` by their initials (each spelling word of at
    /// least three letters; stopwords inside the run skipped), or nil.
    static func expansionLength(
        of letters: [Character], in words: [TextFold.Word], at start: Int
    ) -> Int? {
        var k = start
        var matched = 0
        while matched < letters.count, k < words.count {
            let word = words[k].word
            if matched > 0, QuestionIndex.stopwords.contains(word) {
                k += 1
                continue
            }
            guard word.count >= 3, word.first == letters[matched] else { return nil }
            matched += 1
            k += 1
        }
        return matched == letters.count ? k - start : nil
    }

    private struct Pattern {
        var stems: [String]
        /// For a short name: its letters as written, matched case-sensitively.
        var exact: String?
    }

    /// Whether the word as written starts with `exact` (same case) and only a plural or
    /// possessive ending follows ("LLMs", "AGI's").
    private static func sameCase(_ written: Substring, _ exact: String) -> Bool {
        guard written.hasPrefix(exact) else { return false }
        let rest = written.dropFirst(exact.count).filter { $0.isLetter }
        return rest.isEmpty || rest == "s"
    }
}
