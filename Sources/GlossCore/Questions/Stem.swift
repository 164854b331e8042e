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
        var bytes = Array(word.utf8)
        guard bytes.allSatisfy({ $0 < 128 }) else { return unicodeStem(word) }
        // ASCII: the same rule on bytes (a byte is a character), without counting characters.
        for suffix in asciiSuffixes where bytes.count - suffix.count >= 3 && bytes.ends(with: suffix) {
            bytes.removeLast(suffix.count)
            if suffix == ies { return String(decoding: bytes, as: UTF8.self) + "y" }
            break
        }
        if bytes.count > 3, bytes.last == UInt8(ascii: "e") { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
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

extension Array where Element == UInt8 {
    fileprivate func ends(with suffix: [UInt8]) -> Bool {
        count >= suffix.count && self[(count - suffix.count)...].elementsEqual(suffix)
    }
}
