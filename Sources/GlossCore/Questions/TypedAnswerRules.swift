/// When a typed answer is a name with a slip, and when it is another word: built once per deck.
///
/// An answer is compared with a name word by word (words run together or split apart are
/// judged joined, each space one more edit). A word may be off by
/// `DamerauLevenshtein.allowedSlips(inWordOfLength:)` edits of the name's word (none in words
/// of up to four letters, one up to seven, two beyond), and the whole answer by
/// `DamerauLevenshtein.allowedSlips(forLength:)` of the name; a word in the plural for the
/// singular, or the reverse, passes whatever its length (its edits still count towards the
/// whole answer's bound). An edited word is not a slip but another word when
/// - it adds, drops or swaps a whole prefix (`un-`, `mis-`, `dis-`, `non-`, `in-`, `de-`, …):
///   "unsupervised" for "supervised", "disinformation" for "misinformation" (a dropped
///   one-letter prefix only when what is left is a deck word: "lignment" is a slip);
/// - it is itself a word of the deck (of any term, alias, definition or explanation) and not an
///   inflection of the name's word (another `Stem`): "mode" for "model" where the deck speaks
///   of modes, while "models" for "model" stays a slip.
///
/// Accents are folded, except between names that differ only by accents (Pâte and Pâté): each
/// word of such a name that tells it apart from the other must be typed with exactly its accents.
///
/// ```swift
/// let rules = TypedAnswerRules(index: index)
/// rules.cost(of: TypedName("bechamal"), against: ["bechamel"])                 // 1
/// rules.cost(of: TypedName("unsupervised learning"), against: ["supervised", "learning"])  // nil
/// ```
/// - Complexity: building reads every word of the deck once.
public struct TypedAnswerRules: Sendable {
    /// The folded words of every term, alias, definition and explanation of the deck.
    let vocabulary: Set<String>
    /// Folded names that entries share only once accents are folded, with each entry's
    /// accent-kept words for that name.
    let accentGroups: [String: [AccentedName]]

    struct AccentedName: Sendable, Hashable {
        let entry: Int
        let accented: [String]
    }

    /// Prefixes that make another word: negations and opposites, then a few of degree and order.
    static let prefixes: [String] = [
        "a", "an", "anti", "counter", "de", "dis", "il", "im", "in", "ir", "mal", "mis", "non", "un",
        "hyper", "hypo", "inter", "intra", "over", "post", "pre", "re", "sub", "super", "under",
    ]
    private static let prefixesOrNone = [""] + prefixes

    public init(index: QuestionIndex) {
        // The words of the texts the index has read already; the names' words besides.
        var vocabulary = index.textWords
        for entry in index.deck.entries {
            for name in entry.names { vocabulary.formUnion(TextFold.words(name)) }
        }
        self.vocabulary = vocabulary
        var groups: [String: [AccentedName]] = [:]
        for (folded, hits) in index.entriesByName where hits.count > 1 {
            var members: [AccentedName] = []
            for i in hits where index.maskNames.indices.contains(i) {
                for name in index.maskNames[i] {
                    let typed = TypedName(name)
                    let member = AccentedName(entry: i, accented: typed.accented)
                    if typed.folded == folded, !members.contains(member) { members.append(member) }
                }
            }
            let othersDiffer = members.contains { a in members.contains { $0.entry != a.entry && $0.accented != a.accented } }
            if othersDiffer { groups[folded] = members }
        }
        self.accentGroups = groups
    }

    /// For a name of the entry at `entry` (`folded`, with accent-kept words `accented`): per
    /// word, the exact form to type where only accents tell it from another entry's name, else
    /// nil; empty when accents do not matter for this name.
    func required(folded: String, accented: [String], entry: Int) -> [String?] {
        guard let group = accentGroups[folded] else { return [] }
        var required = [String?](repeating: nil, count: accented.count)
        for other in group where other.entry != entry && other.accented.count == accented.count {
            for p in accented.indices where other.accented[p] != accented[p] { required[p] = accented[p] }
        }
        return required
    }

    /// The requirements (as `required`) of each name of the entry at `entry` that folds to `folded`.
    func requirements(folded: String, entry: Int) -> [[String?]] {
        guard let group = accentGroups[folded] else { return [[]] }
        let own = group.filter { $0.entry == entry }
        guard !own.isEmpty else { return [[]] }
        return own.map { required(folded: folded, accented: $0.accented, entry: entry) }
    }

    /// Whether `answer` is the name `words` exactly, with the accents `required` asks for.
    func isExact(_ answer: TypedName, _ words: [String], required: [String?] = []) -> Bool {
        guard answer.words == words else { return false }
        return required.indices.allSatisfy { p in required[p].map { $0 == answer.accented[p] } ?? true }
    }

    /// The edits from the name `words` to `answer` when the answer is that name with slips; nil
    /// when it is too far or turns a word of the name into another word.
    func cost(of answer: TypedName, against words: [String], required: [String?] = []) -> Int? {
        let m = answer.words.count
        let k = words.count
        guard m > 0, k > 0 else { return nil }
        let cap = DamerauLevenshtein.allowedSlips(forLength: words.joined(separator: " ").unicodeScalars.count)
        func need(_ j: Int) -> String? { required.indices.contains(j) ? required[j] : nil }
        // best[i][j]: fewest edits taking the first i answer words to the first j name words.
        let impossible = Int.max
        var best = [[Int]](repeating: [Int](repeating: impossible, count: k + 1), count: m + 1)
        best[0][0] = 0
        func relax(_ i: Int, _ j: Int, _ value: Int) {
            if value <= cap, value < best[i][j] { best[i][j] = value }
        }
        for i in 0..<m {
            for j in 0..<k where best[i][j] != impossible {
                let here = best[i][j]
                let typed = answer.words[i]
                if let c = wordCost(typed, accented: answer.accented[i], words[j], required: need(j)) {
                    relax(i + 1, j + 1, here + c)
                }
                guard need(j) == nil else { continue }
                // Spaces left out or typed inside a word: the words are judged joined, each space
                // one more edit; the edits are then counted between the texts with their spaces
                // (so the distance between the whole texts never exceeds the sum: see `AnswerMatcher`).
                let letters = Array(typed)
                for t in (j + 1)..<k {
                    guard need(t) == nil, here + t - j <= cap else { break }
                    if let c = piecesCost(letters, from: 0, words[j...t]), here + c + t - j <= cap {
                        relax(i + 1, t + 1, here + Self.distance(typed, words[j...t].joined(separator: " ")))
                    }
                }
                var typedJoined = typed
                for s in (i + 1)..<m {
                    guard here + s - i <= cap else { break }
                    typedJoined += answer.words[s]
                    if let c = wordCost(typedJoined, words[j]), here + c + s - i <= cap {
                        relax(s + 1, j + 1, here + Self.distance(answer.words[i...s].joined(separator: " "), words[j]))
                    }
                }
            }
        }
        let total = best[m][k]
        return total == impossible ? nil : total
    }

    private static func distance(_ a: String, _ b: String) -> Int {
        DamerauLevenshtein.distance(Array(a.unicodeScalars), Array(b.unicodeScalars), limit: Int.max)
    }

    /// The edits from the name words `parts` to `letters[start...]`, typed without the spaces
    /// between them: the fewest over every way to cut the letters into one slip of each word.
    private func piecesCost(_ letters: [Character], from start: Int, _ parts: ArraySlice<String>) -> Int? {
        guard let first = parts.first else { return start == letters.count ? 0 : nil }
        let rest = parts.dropFirst()
        let bound = DamerauLevenshtein.allowedSlips(inWordOfLength: first.count)
        let remaining = letters.count - start
        var best: Int?
        for length in max(1, first.count - bound)...(first.count + bound) where length <= remaining {
            if rest.isEmpty, length != remaining { continue }
            guard let c = wordCost(String(letters[start..<(start + length)]), first),
                let r = piecesCost(letters, from: start + length, rest)
            else { continue }
            best = min(best ?? Int.max, c + r)
        }
        return best
    }

    /// The edits from the name's `word` to the `typed` word when it is a slip of it, else nil.
    /// Where `required` is set (accents tell two names apart), only that exact form counts.
    func wordCost(_ typed: String, accented: String? = nil, _ word: String, required: String? = nil) -> Int? {
        if let required { return accented == required ? 0 : nil }
        if typed == word { return 0 }
        let a = Array(typed.unicodeScalars)
        let b = Array(word.unicodeScalars)
        // The plural for the singular, or the reverse: its edits count, whatever the word's bound.
        if Self.isNumberInflection(typed, of: word) || Self.isNumberInflection(word, of: typed) {
            return DamerauLevenshtein.distance(a, b, limit: Int.max)
        }
        let bound = DamerauLevenshtein.allowedSlips(inWordOfLength: b.count)
        guard bound > 0, abs(a.count - b.count) <= bound else { return nil }
        let distance = DamerauLevenshtein.distance(a, b, limit: bound)
        guard distance <= bound, !isOtherWord(typed, for: word) else { return nil }
        return distance
    }

    /// Whether `typed`, close to the name's `word`, is another word rather than a slip: it
    /// differs from `word` by a whole prefix, or is a deck word that is not an inflection of it.
    func isOtherWord(_ typed: String, for word: String) -> Bool {
        if vocabulary.contains(typed), Stem.of(typed) != Stem.of(word) { return true }
        for p in Self.prefixesOrNone where p.isEmpty || Self.isPrefix(p, of: typed) {
            for q in Self.prefixesOrNone where p != q && (q.isEmpty || Self.isPrefix(q, of: word)) {
                guard typed.dropFirst(p.count) == word.dropFirst(q.count) else { continue }
                // A one-letter prefix left out is also a typing slip, unless what is left is a word.
                if p.isEmpty, q.count == 1, !vocabulary.contains(typed) { continue }
                return true
            }
        }
        return false
    }

    /// Whether `plural` is `singular` with -s, -es, or -ies for -y ("abilities", "ability").
    static func isNumberInflection(_ plural: String, of singular: String) -> Bool {
        guard plural.count > singular.count, plural.hasPrefix(singular.dropLast()) else { return false }
        if plural == singular + "s" || plural == singular + "es" { return true }
        return singular.hasSuffix("y") && plural == singular.dropLast() + "ies"
    }

    /// Whether `word` starts with `prefix` followed by at least three letters; "a-" counts
    /// before a consonant only ("amoral"; "aalignment" is a slip) and "an-" before a vowel.
    static func isPrefix(_ prefix: String, of word: String) -> Bool {
        guard word.hasPrefix(prefix), word.count >= prefix.count + 3 else { return false }
        let next = word.dropFirst(prefix.count).first.map { "aeiou".contains($0) }
        switch prefix {
        case "a": return next == false
        case "an": return next == true
        default: return true
        }
    }
}
