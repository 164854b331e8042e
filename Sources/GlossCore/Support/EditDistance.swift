/// The Damerau–Levenshtein distance (optimal string alignment) between two strings,
/// counted in characters: insertions, deletions, substitutions and adjacent swaps.
///
/// ```swift
/// editDistance("mesa", "maes") // 2
/// editDistance("alignment", "alginment") // 1
/// ```
public func editDistance(_ a: String, _ b: String) -> Int {
    let x = Array(a), y = Array(b)
    if x.isEmpty { return y.count }
    if y.isEmpty { return x.count }
    var previous2 = [Int](repeating: 0, count: y.count + 1)
    var previous = Array(0...y.count)
    var current = [Int](repeating: 0, count: y.count + 1)
    for i in 1...x.count {
        current[0] = i
        for j in 1...y.count {
            let cost = x[i - 1] == y[j - 1] ? 0 : 1
            var best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                best = min(best, previous2[j - 2] + 1)
            }
            current[j] = best
        }
        (previous2, previous, current) = (previous, current, previous2)
    }
    return previous[y.count]
}

/// The candidate closest to `word` (case-insensitive), if it is close enough to be a
/// plausible typo: within a third of the word's length, and at least 1.
public func closestMatch(to word: String, in candidates: some Sequence<String>) -> String? {
    let lowered = word.lowercased()
    let bound = max(1, lowered.count / 3)
    var best: (String, Int)?
    for candidate in candidates {
        let distance = editDistance(lowered, candidate.lowercased())
        if distance <= bound, distance < (best?.1 ?? Int.max) { best = (candidate, distance) }
    }
    return best?.0
}
