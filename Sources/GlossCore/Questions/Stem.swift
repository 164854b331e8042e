/// A light stemmer for masking: strips inflections so that "optimization", "optimizer",
/// "optimize", "optimizing" and "optimized" all become `"optim"`, and "alignment",
/// "aligned" and "aligning" all become `"align"`.
///
/// It only has to make a term and its simple inflections agree; it is not a linguistic
/// stemmer. A stem is never shorter than three letters.
enum Stem {
    /// Suffixes tried longest first.
    private static let suffixes: [String] = [
        "izations", "isations", "ization", "isation", "ations", "ation", "ments", "ment",
        "izers", "isers", "izing", "ising", "izer", "iser", "ized", "ised", "izes", "ises",
        "ize", "ise", "ies", "ing", "ers", "ed", "er", "es", "s",
    ]

    static func of(_ word: String) -> String {
        var word = word
        return word.withUTF8(asciiStem) ?? unicodeStem(word)
    }

    /// The rule on the bytes of an ASCII word (a byte is a character), without counting
    /// characters or copying the word; nil for a word beyond ASCII.
    private static func asciiStem(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard ByteCursor.isASCII(bytes) else { return nil }
        var count = bytes.count
        for suffix in asciiSuffixes
        where count - suffix.count >= 3 && bytes[(count - suffix.count)...].elementsEqual(suffix) {
            count -= suffix.count
            if suffix == ies { return String(decoding: UnsafeBufferPointer(rebasing: bytes[..<count]), as: UTF8.self) + "y" }
            break
        }
        if count > 3, bytes[count - 1] == UInt8(ascii: "e") { count -= 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[..<count]), as: UTF8.self)
    }

    private static let asciiSuffixes = suffixes.map { Array($0.utf8) }
    private static let ies = Array("ies".utf8)

    /// The rule on characters, for words with letters outside ASCII.
    static func unicodeStem(_ word: String) -> String {
        var base = word
        for suffix in suffixes where word.count - suffix.count >= 3 && word.hasSuffix(suffix) {
            base = String(word.dropLast(suffix.count))
            if suffix == "ies" { return base + "y" }
            break
        }
        // A final silent e goes too, so that "cafe" and "cafes" (stem "caf") agree.
        if base.count > 3, base.hasSuffix("e") { base.removeLast() }
        return base
    }
}
