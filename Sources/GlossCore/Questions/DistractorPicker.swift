/// Chooses plausible wrong options for a question about one entry.
///
/// Candidates are scored by what makes a half-learned learner hesitate: past confusions
/// with this entry (strongly preferred), shared tags, lexically close definitions (TF-IDF
/// cosine) and neighbours of neighbours in the relation graph. The picks are drawn from the
/// best-scored pool with the given generator, so they vary between sessions yet are
/// deterministic for a seed; a small deck is topped up with random entries.
///
/// ```swift
/// let picker = DistractorPicker(index: index, confusions: progress.confusions)
/// let wrong = picker.pick(3, for: asked, allowed: { candidate, chosen in true }, using: &rng)
/// ```
public struct DistractorPicker: Sendable {
    public let index: QuestionIndex
    public var confusions: Confusions

    /// Score weights, documented so that tuning them is a visible decision.
    public static let confusionWeight: Float = 10
    public static let lexicalWeight: Float = 3
    public static let tagWeight: Float = 1
    public static let secondDegreeWeight: Float = 1.5
    /// How many candidates per needed distractor stay in the pool the picks are drawn from.
    public static let poolPerPick = 3
    /// Entries read per shared tag (large tags are sampled from a random offset).
    static let tagScanLimit = 200

    public init(index: QuestionIndex, confusions: Confusions = Confusions()) {
        self.index = index
        self.confusions = confusions
    }

    /// Up to `count` distinct entry positions, none rejected by `allowed(candidate, chosenSoFar)`,
    /// most plausible first (confusions lead). Fewer only when too few entries are allowed.
    func pick(
        _ count: Int, for asked: Int, allowed: (Int, [Int]) -> Bool,
        using rng: inout some RandomNumberGenerator
    ) -> [Int] {
        guard count > 0 else { return [] }
        var scores: [Int: Float] = [:]
        let deckID = index.deck.id
        let askedID = index.deck.entries[asked].id
        var confused: [Int] = []
        for pick in confusions.picks(deck: deckID, asked: askedID) {
            guard let j = index.position(of: pick.entry), j != asked else { continue }
            scores[j, default: 0] += DistractorPicker.confusionWeight + Float(pick.count)
            confused.append(j)
        }
        for (j, score) in index.lexicalNeighbours(of: asked, limit: count * 8) {
            scores[j, default: 0] += DistractorPicker.lexicalWeight * score
        }
        let myTags = index.tags[asked]
        if !myTags.isEmpty {
            let share = DistractorPicker.tagWeight / Float(myTags.count)
            for tag in myTags {
                let members = index.entriesWithTag[tag]
                let limit = min(members.count, DistractorPicker.tagScanLimit)
                let offset = members.count > limit ? Int.random(in: 0..<members.count, using: &rng) : 0
                for k in 0..<limit {
                    let j = members[(offset + k) % members.count]
                    if j != asked { scores[j, default: 0] += share }
                }
            }
        }
        for j in index.secondDegree[asked] { scores[j, default: 0] += DistractorPicker.secondDegreeWeight }

        let ranked = scores.filter { $0.key != asked }
            .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .map(\.key)
        var chosen: [Int] = []
        // Past confusions first, most frequent first.
        for j in confused where chosen.count < count && !chosen.contains(j) && allowed(j, chosen) { chosen.append(j) }
        // Then a random draw from the best of the rest (checked lazily: `allowed` may be costly).
        var pool: [Int] = []
        let poolSize = count * DistractorPicker.poolPerPick
        for j in ranked where pool.count < poolSize && !chosen.contains(j) && allowed(j, []) { pool.append(j) }
        while chosen.count < count, !pool.isEmpty {
            let j = pool.remove(at: Int.random(in: 0..<pool.count, using: &rng))
            if allowed(j, chosen) { chosen.append(j) }
        }
        // Then any allowed entry: random tries, then a scan from a random start.
        let n = index.deck.entries.count
        var tries = 0
        while chosen.count < count, tries < 4 * count, n > 0 {
            tries += 1
            let j = Int.random(in: 0..<n, using: &rng)
            if j != asked, !chosen.contains(j), allowed(j, chosen) { chosen.append(j) }
        }
        if chosen.count < count, n > 0 {
            let start = Int.random(in: 0..<n, using: &rng)
            for k in 0..<n where chosen.count < count {
                let j = (start + k) % n
                if j != asked, !chosen.contains(j), allowed(j, chosen) { chosen.append(j) }
            }
        }
        return chosen
    }
}
