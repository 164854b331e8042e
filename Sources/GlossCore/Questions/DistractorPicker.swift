/// Chooses the wrong options of a question about one entry, from the deck's one model of
/// closeness (`QuestionIndex+Closeness.swift`).
///
/// - `lures`: for term, definition and matching questions, the options a half-learned
///   learner would hesitate over: past confusions with this entry first, then the entry's
///   direct siblings (linked entries), then the closest entries by the model, with a bonus
///   for entries of the same kind (terms sharing a head word: "Inner/Outer Alignment").
///   Never an entry whose text is nearly the same (a synonym) nor one whose name is the
///   broader part of the asked term ("Interpretability" for "Mechanistic Interpretability"):
///   its definition would also fit.
/// - `unrelated`: for related-term and odd-one-out questions, entries that are clearly far
///   from the asked one (`QuestionIndex.isFar`), preferring those farthest from it and from
///   every entry linked to it, with a little weight on sharing the shown options' tags.
///
/// Picks come from the top of the ranking with little randomness (each pick among the best
/// two or three left), so they vary between sessions yet are deterministic for a seed.
///
/// ```swift
/// let picker = DistractorPicker(index: index, confusions: progress.confusions)
/// let wrong = picker.lures(3, for: asked, allowed: { candidate, chosen in true }, using: &rng)
/// ```
public struct DistractorPicker: Sendable {
    public let index: QuestionIndex
    public var confusions: Confusions

    /// Score weights, documented so that tuning them is a visible decision.
    public static let confusionWeight: Float = 10
    /// Added to a direct sibling's closeness.
    public static let siblingBonus: Float = 3
    /// Added to the closeness of an entry whose term shares the asked term's head word.
    public static let sameKindBonus: Float = 0.8
    /// How much an unrelated option's closeness to the asked entry counts against it.
    public static let askedClosenessPenalty: Float = 2
    /// How much its closeness to the nearest entry linked to the asked one counts against it.
    public static let neighbourClosenessPenalty: Float = 1
    /// How much being of the shown options' kind (their tags) counts for it.
    public static let kindWeight: Float = 0.5
    /// Each pick is drawn among this many best candidates left.
    public static let topChoices = 2
    /// Entries read per shared tag or head word (large groups are sampled from a random offset).
    static let groupScanLimit = 60
    /// Decks up to this size are scanned whole for unrelated options; larger ones are sampled.
    static let fullScanLimit = 3_000

    public init(index: QuestionIndex, confusions: Confusions = Confusions()) {
        self.index = index
        self.confusions = confusions
    }

    /// Up to `count` distinct entry positions, none rejected by `allowed(candidate, chosenSoFar)`,
    /// most plausible first (confusions lead). Fewer only when too few entries are allowed.
    func lures(
        _ count: Int, for asked: Int, allowed: (Int, [Int]) -> Bool,
        using rng: inout some RandomNumberGenerator
    ) -> [Int] {
        guard count > 0 else { return [] }
        var scores: [Int: Float] = [:]
        var confused: [Int] = []
        for pick in confusions.picks(deck: index.deck.id, asked: index.deck.entries[asked].id) {
            guard let j = index.position(of: pick.entry), j != asked else { continue }
            scores[j, default: 0] += DistractorPicker.confusionWeight + Float(pick.count)
            confused.append(j)
        }
        var candidates = Set(index.related[asked])
        candidates.formUnion(index.secondDegree[asked])
        candidates.formUnion(index.mentions[asked])
        for (j, _) in index.lexicalNeighbours(of: asked, limit: count * 8) { candidates.insert(j) }
        sample(index.entriesByHead[index.headStem[asked]] ?? [], into: &candidates, using: &rng)
        for tag in index.tags[asked] { sample(index.entriesWithTag[tag], into: &candidates, using: &rng) }
        candidates.remove(asked)
        for j in candidates {
            var score = index.closeness(asked, j)
            if index.relatedSet[asked].contains(j) { score += DistractorPicker.siblingBonus }
            if index.sameKind(asked, j) { score += DistractorPicker.sameKindBonus }
            scores[j, default: 0] += score
        }
        var chosen: [Int] = []
        withoutActuallyEscaping(allowed) { allowed in
            let fits = { (j: Int, chosen: [Int]) -> Bool in
                !index.isSynonym(asked, j) && !isBroaderName(j, than: asked) && allowed(j, chosen)
            }
            pickLures(count, asked: asked, confused: confused, scores: scores, fits: fits, into: &chosen, using: &rng)
        }
        return chosen
    }

    private func pickLures(
        _ count: Int, asked: Int, confused: [Int], scores: [Int: Float], fits: (Int, [Int]) -> Bool,
        into chosen: inout [Int], using rng: inout some RandomNumberGenerator
    ) {
        for j in confused where chosen.count < count && !chosen.contains(j) && fits(j, chosen) { chosen.append(j) }
        let ranked = rank(scores, excluding: chosen + [asked])
        drawFromTop(ranked, count: count, into: &chosen, fits: fits, using: &rng)
        fillAtRandom(count: count, asked: asked, into: &chosen, fits: fits, using: &rng)
    }

    /// Up to `count` entries far from `asked`, most like `references` first, none rejected by
    /// `allowed(candidate, chosenSoFar)`.
    func unrelated(
        _ count: Int, for asked: Int, like references: [Int], allowed: (Int, [Int]) -> Bool,
        using rng: inout some RandomNumberGenerator
    ) -> [Int] {
        guard count > 0 else { return [] }
        let n = index.deck.entries.count
        var candidates = Set<Int>()
        if n <= DistractorPicker.fullScanLimit {
            candidates = Set(0..<n)
        } else {
            for r in references {
                for (j, _) in index.lexicalNeighbours(of: r, limit: 20) { candidates.insert(j) }
                sample(index.entriesByHead[index.headStem[r]] ?? [], into: &candidates, limit: 30, using: &rng)
                for tag in index.tags[r] { sample(index.entriesWithTag[tag], into: &candidates, limit: 30, using: &rng) }
            }
            for _ in 0..<100 { candidates.insert(Int.random(in: 0..<n, using: &rng)) }
        }
        var scores: [Int: Float] = [:]
        // As far as can be from the asked entry and from everything linked to it (what is close
        // to a relation of X reads as related to X too), then a little like the shown options
        // in kind, so that the wrong ones are not all from another field.
        let neighbours = index.related[asked]
        for j in candidates where index.isFar(asked, j) {
            let like = references.map { QuestionIndex.tagWeight * index.tagAffinity($0, j) }.max() ?? 0
            // Far: no link, no name either way, so closeness is its tag and text parts.
            let closeness = QuestionIndex.tagWeight * index.tagAffinity(asked, j) + index.textSimilarity(asked, j)
            let nearNeighbour = neighbours.map { index.closeness($0, j) }.max() ?? 0
            scores[j] =
                DistractorPicker.kindWeight * like - DistractorPicker.askedClosenessPenalty * closeness
                - DistractorPicker.neighbourClosenessPenalty * nearNeighbour
        }
        var chosen: [Int] = []
        drawFromTop(
            rank(scores, excluding: [asked]), count: count, into: &chosen, fits: allowed, using: &rng)
        return chosen
    }

    /// How many entries are far from `asked` and pass `allowed`, counted up to `needed`, scanning
    /// the deck from `asked` on (deterministic, no generator).
    func countFar(from asked: Int, upTo needed: Int, allowed: (Int) -> Bool) -> Int {
        let n = index.deck.entries.count
        var found = 0
        var k = 1
        while found < needed, k < n {
            let j = (asked + k) % n
            if index.isFar(asked, j), allowed(j) { found += 1 }
            k += 1
        }
        return found
    }

    /// Whether a name of `j` is made only of words of `asked`'s names (a broader term).
    func isBroaderName(_ j: Int, than asked: Int) -> Bool {
        let mine = Set(index.nameStems[asked])
        return index.maskNames[j].contains { name in
            let stems = TermWords.stems(of: [name])
            return !stems.isEmpty && stems.count < mine.count && stems.allSatisfy { mine.contains($0) }
        }
    }

    private func rank(_ scores: [Int: Float], excluding: [Int]) -> [Int] {
        scores.filter { !excluding.contains($0.key) }
            .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .map(\.key)
    }

    /// Adds picks from `ranked`, each drawn among the best `topChoices` that still fit.
    private func drawFromTop(
        _ ranked: [Int], count: Int, into chosen: inout [Int], fits: (Int, [Int]) -> Bool,
        using rng: inout some RandomNumberGenerator
    ) {
        var rest = ranked[...]
        var window: [Int] = []
        while chosen.count < count {
            while window.count < DistractorPicker.topChoices, let next = rest.first {
                rest = rest.dropFirst()
                if !chosen.contains(next), fits(next, chosen) { window.append(next) }
            }
            guard !window.isEmpty else { return }
            let j = window.remove(at: Int.random(in: 0..<window.count, using: &rng))
            if fits(j, chosen) { chosen.append(j) }
        }
    }

    /// Tops up a small deck with any allowed entry: random tries, then a scan from a random start.
    private func fillAtRandom(
        count: Int, asked: Int, into chosen: inout [Int], fits: (Int, [Int]) -> Bool,
        using rng: inout some RandomNumberGenerator
    ) {
        let n = index.deck.entries.count
        var tries = 0
        while chosen.count < count, tries < 4 * count, n > 0 {
            tries += 1
            let j = Int.random(in: 0..<n, using: &rng)
            if j != asked, !chosen.contains(j), fits(j, chosen) { chosen.append(j) }
        }
        if chosen.count < count, n > 0 {
            let start = Int.random(in: 0..<n, using: &rng)
            for k in 0..<n where chosen.count < count {
                let j = (start + k) % n
                if j != asked, !chosen.contains(j), fits(j, chosen) { chosen.append(j) }
            }
        }
    }

    private func sample(
        _ members: [Int], into set: inout Set<Int>, limit: Int = groupScanLimit, using rng: inout some RandomNumberGenerator
    ) {
        guard !members.isEmpty else { return }
        let limit = min(members.count, limit)
        let offset = members.count > limit ? Int.random(in: 0..<members.count, using: &rng) : 0
        for k in 0..<limit { set.insert(members[(offset + k) % members.count]) }
    }
}
