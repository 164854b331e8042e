import Foundation

/// A typed answer or a name as typed-answer matching compares them: the `TextFold` words, and
/// the same words with their accents kept (lower-cased, composed), word for word.
///
/// ```swift
/// TypedName("Pâte à Choux")   // words ["pate", "a", "choux"], accented ["pâte", "à", "choux"]
/// ```
struct TypedName: Sendable, Hashable {
    /// Folded words (case and diacritics folded).
    let words: [String]
    /// The same words, lower-cased with their accents kept.
    let accented: [String]

    init(_ text: String) {
        let ranges = TextFold.wordRanges(text)
        words = ranges.map(\.word)
        accented = ranges.map { TypedName.keepingAccents(text[$0.range]) }
    }

    /// The folded, single-spaced text (as `TextFold.normalize` gives it).
    var folded: String { words.joined(separator: " ") }

    /// Lower-cased, compatibility-composed, letters, digits and combining marks only.
    private static func keepingAccents(_ word: Substring) -> String {
        let lowered = String(word).precomposedStringWithCompatibilityMapping.lowercased()
        var kept = String.UnicodeScalarView()
        for scalar in lowered.unicodeScalars
        where scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            || scalar.properties.generalCategory == .nonspacingMark
        {
            kept.append(scalar)
        }
        return String(kept).precomposedStringWithCanonicalMapping
    }
}
