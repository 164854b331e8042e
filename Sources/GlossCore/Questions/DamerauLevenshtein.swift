/// Edit distance counting insertions, deletions, substitutions and adjacent transpositions
/// (the "optimal string alignment" form), over Unicode characters.
///
/// `DamerauLevenshtein.distance("recieve", "receive")` → 1.
public enum DamerauLevenshtein {
    public static func distance(_ a: String, _ b: String) -> Int {
        distance(Array(a), Array(b), limit: Int.max)
    }

    /// The distance between two sequences, or a number above `limit` as soon as it must exceed it.
    static func distance<E: Equatable>(_ s: [E], _ t: [E], limit: Int) -> Int {
        if abs(s.count - t.count) > limit { return limit &+ 1 }
        if s.isEmpty { return t.count }
        if t.isEmpty { return s.count }
        var previous2 = [Int](repeating: 0, count: t.count + 1)
        var previous = Array(0...t.count)
        var current = [Int](repeating: 0, count: t.count + 1)
        for i in 1...s.count {
            current[0] = i
            for j in 1...t.count {
                let cost = s[i - 1] == t[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, s[i - 1] == t[j - 2], s[i - 2] == t[j - 1] {
                    value = min(value, previous2[j - 2] + 1)
                }
                current[j] = value
            }
            if limit != Int.max, current.min() ?? 0 > limit, previous.min() ?? 0 > limit { return limit + 1 }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[t.count]
    }

    /// The number of slips tolerated in an answer whose expected form has `length` characters:
    /// none up to 3, one up to 7, two up to 14, three beyond. Typed answers also bound the
    /// slips in each word (`allowedSlips(inWordOfLength:)`); option texts only this.
    public static func allowedSlips(forLength length: Int) -> Int {
        switch length {
        case ...3: 0
        case ...7: 1
        case ...14: 2
        default: 3
        }
    }

    /// The number of slips tolerated in one word of a typed name with `length` letters: none up
    /// to 4 ("roue" is not "roux"), one up to 7, two beyond ("julliene" is "julienne").
    public static func allowedSlips(inWordOfLength length: Int) -> Int {
        switch length {
        case ...4: 0
        case ...7: 1
        default: 2
        }
    }
}
