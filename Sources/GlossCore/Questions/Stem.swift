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
