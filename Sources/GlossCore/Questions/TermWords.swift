/// The content words of entry names, compared by stem, for the per-word leak checks.
///
/// A word of a text gives a term away when its stem matches a stem of one of the term's
/// words: the same stem, or the longer one made of the shorter (at least four letters) with
/// at most a common prefix before it (`prefixes`: mis-, un-, pre-, …) and at most four
/// letters of inflection after it. So "misaligned" → "misalign" is "mis" + "align" from
/// "Alignment" and "vaccinated" → "vaccinat" is "vaccin" + "at" from "Vaccine", while
/// "constrained" does not hold "Training" ("cons" is no prefix).
///
/// ```swift
/// TermWords.stems(of: ["Deceptive Alignment"])      // ["decept", "alignment" stem "align"]
/// TermWords.matches(Stem.of("misaligned"), Stem.of("alignment"))   // true
/// ```
public enum TermWords {
    /// Stems shorter than this only match when equal.
    static let minimumContained = 4

    /// The distinct stems of the words of `names`, stopwords and stems under three letters ("AI") left out.
    static func stems(of names: [String]) -> [String] {
        var result: [String] = []
        for name in names {
            for word in TextFold.words(name) where !QuestionIndex.stopwords.contains(word) {
                let stem = Stem.of(word)
                if stem.count >= 3, !result.contains(stem) { result.append(stem) }
            }
        }
        return result
    }

    /// Whether two stems stand for the same word (see the type's summary).
    static func matches(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        guard short.count >= minimumContained, let found = long.range(of: short) else { return false }
        let before = String(long[..<found.lowerBound])
        let after = long[found.upperBound...]
        return (before.isEmpty || prefixes.contains(before)) && after.count <= 4
    }

    /// Word-forming prefixes that leave the word recognisable.
    static let prefixes: Set<String> = [
        "a", "an", "anti", "co", "counter", "de", "dis", "il", "im", "in", "inter", "ir", "mis", "multi", "non", "over",
        "post", "pre", "re", "self", "semi", "sub", "super", "trans", "un", "under",
    ]

    /// Whether any word of `text` matches one of `stems`.
    static func text(_ text: String, mentions stems: [String]) -> Bool {
        TextFold.words(text).contains { word in
            let stem = Stem.of(word)
            return stems.contains { matches(stem, $0) }
        }
    }
}
