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
        var current: [UInt8] = []
        var start: String.Index?
        var last = text.startIndex
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        var pending = ""  // non-ASCII run awaiting Foundation folding
        func flushPending() {
            guard !pending.isEmpty else { return }
            current.append(contentsOf: fold(pending).utf8)
            pending = ""
        }
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let next = scalars.index(after: index)
            let v = scalar.value
            if v < 128 {
                let byte = UInt8(v)
                if (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57) {
                    flushPending()
                    if start == nil { start = index }
                    current.append(byte)
                    last = next
                } else if byte >= 65 && byte <= 90 {
                    flushPending()
                    if start == nil { start = index }
                    current.append(byte + 32)
                    last = next
                } else if byte == 39, start != nil {
                    // "Goodhart's" folds to "goodharts": an apostrophe inside a word is dropped.
                } else if let begin = start {
                    flushPending()
                    result.append((String(decoding: current, as: UTF8.self), begin..<last))
                    current.removeAll(keepingCapacity: true)
                    start = nil
                }
            } else if isApostrophe(scalar), start != nil {
                // Typographic apostrophes too.
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                || (scalar.properties.generalCategory == .nonspacingMark && start != nil)
            {
                if start == nil { start = index }
                pending.unicodeScalars.append(scalar)
                last = next
            } else if let begin = start {
                flushPending()
                result.append((String(decoding: current, as: UTF8.self), begin..<last))
                current.removeAll(keepingCapacity: true)
                start = nil
            }
            index = next
        }
        if let begin = start {
            flushPending()
            result.append((String(decoding: current, as: UTF8.self), begin..<last))
        }
        return result.filter { !$0.word.isEmpty }
    }

    static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\u{2019}" || scalar == "\u{02BC}"
    }

    /// Compatibility form, then case, diacritic and width folding, keeping letters and digits.
    private static func fold(_ text: String) -> String {
        let folded = text.precomposedStringWithCompatibilityMapping
            .folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        var kept = String.UnicodeScalarView()
        for scalar in folded.unicodeScalars
        where scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
            kept.append(scalar)
        }
        return String(kept)
    }
}
