import Foundation

/// Text normalisation shared by answer matching, option distinctness and masking.
///
/// `TextFold.normalize("  Mesa-Optimización! ")` → `"mesa optimizacion"`: compatibility
/// normalisation, case and diacritic folding, apostrophes dropped, other punctuation and
/// whitespace collapsed to single spaces.
public enum TextFold {
    /// The folded, punctuation-free, single-spaced form of `text`.
    public static func normalize(_ text: String) -> String {
        words(text).joined(separator: " ")
    }

    /// The folded words of `text` (split at anything that is not a letter or digit).
    public static func words(_ text: String) -> [String] {
        wordRanges(text).map { $0.word }
    }

    /// Each folded word of `text` with the range it came from in `text`.
    static func wordRanges(_ text: String) -> [(word: String, range: Range<String.Index>)] {
        var result: [(word: String, range: Range<String.Index>)] = []
        var current = ""
        var start: String.Index?
        var last = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            if isApostrophe(character), start != nil {
                // "Goodhart's" folds to "goodharts": an apostrophe inside a word is dropped.
            } else if character.isLetter || character.isNumber {
                if start == nil { start = index }
                current += fold(character)
                last = next
            } else if let begin = start {
                result.append((current, begin..<last))
                current = ""
                start = nil
            }
            index = next
        }
        if let begin = start { result.append((current, begin..<last)) }
        return result
    }

    static func isApostrophe(_ character: Character) -> Bool {
        character == "'" || character == "\u{2019}" || character == "\u{02BC}"
    }

    private static func fold(_ character: Character) -> String {
        if character.isASCII { return character.lowercased() }
        return String(character)
            .precomposedStringWithCompatibilityMapping
            .folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }
}
