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
public enum Mask {
    /// What a hidden name is replaced with.
    public static let blank = "_____"

    /// `text` with every occurrence of any of `names` (and their inflections) blanked.
    public static func apply(to text: String, names: [String]) -> String {
        let patterns = names.compactMap { name -> [String]? in
            let stems = TextFold.words(name).map(Stem.of)
            return stems.isEmpty ? nil : stems
        }
        guard !patterns.isEmpty else { return text }
        let words = TextFold.wordRanges(text)
        let stems = words.map { Stem.of($0.word) }
        var spans: [Range<String.Index>] = []
        var i = 0
        while i < words.count {
            var best = 0
            for pattern in patterns where pattern.count > best && i + pattern.count <= words.count {
                if stems[i..<(i + pattern.count)].elementsEqual(pattern) { best = pattern.count }
            }
            if best > 0 {
                spans.append(words[i].range.lowerBound..<words[i + best - 1].range.upperBound)
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
    public static func names(of entry: Entry) -> [String] {
        var result: [String] = []
        for name in entry.names {
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
}
