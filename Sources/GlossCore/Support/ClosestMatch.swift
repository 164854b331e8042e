/// The candidate closest to `word` (case-insensitive) by `DamerauLevenshtein.distance`, if it
/// is close enough to be a plausible typo: within a third of the word's length, and at least 1.
///
/// ```swift
/// closestMatch(to: "hlp", in: ["help", "show"]) // "help"
/// ```
public func closestMatch(to word: String, in candidates: some Sequence<String>) -> String? {
    let lowered = word.lowercased()
    let bound = max(1, lowered.count / 3)
    var best: (String, Int)?
    for candidate in candidates {
        let distance = DamerauLevenshtein.distance(lowered, candidate.lowercased())
        if distance <= bound, distance < (best?.1 ?? Int.max) { best = (candidate, distance) }
    }
    return best?.0
}
