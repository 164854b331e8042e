import Foundation

/// What question generation needs to know about a deck, built once per deck.
///
/// Holds the symmetric relation graph (with neighbours of neighbours), tag sets, the
/// folded names of every entry, and TF-IDF vectors of the definitions with an inverted
/// index for lexical neighbours.
///
/// ```swift
/// let index = QuestionIndex(deck: deck)          // once, when the deck loads
/// let close = index.lexicalNeighbours(of: 0, limit: 10)
/// ```
public struct QuestionIndex: Sendable {
    public let deck: Deck
    /// Position of each entry in `deck.entries`.
    let position: [EntryID: Int]
    /// Related entries (both directions), sorted, without self.
    let related: [[Int]]
    let relatedSet: [Set<Int>]
    /// Entries two relation steps away that are not directly related, sorted.
    let secondDegree: [[Int]]
    /// Tag ids of each entry, sorted.
    let tags: [[Int]]
    /// Entries carrying each tag id, in deck order.
    let entriesWithTag: [[Int]]
    /// Folded names (term, aliases, parenthesis variants) of each entry.
    let foldedNames: [[String]]
    /// Names to mask for each entry.
    let maskNames: [[String]]
    /// Folded term of each entry (what a term option shows, for distinctness).
    let foldedTerm: [String]
    /// Folded definition of each entry (for distinctness checks).
    let foldedDefinition: [String]
    /// Entries by each folded name.
    let entriesByName: [String: [Int]]
    /// Unit-length TF-IDF vectors of the definitions, as (word id, weight) sorted by word id.
    let vectors: [[(word: Int, weight: Float)]]
    /// For each word id, the entries whose definition holds it, with the weight.
    let postings: [[(entry: Int, weight: Float)]]

    /// Words that carry no meaning for lexical closeness.
    static let stopwords: Set<String> = [
        "a", "an", "the", "of", "to", "in", "on", "for", "by", "with", "and", "or", "that", "which",
        "is", "are", "be", "as", "at", "it", "its", "from", "this", "into", "than", "not", "can",
        "their", "them", "they", "what", "when", "where", "who", "how", "such", "so", "but", "do",
        "doe", "has", "have", "was", "were", "will", "would", "may", "might", "more", "most", "one",
    ]

    public init(deck: Deck) {
        self.deck = deck
        let entries = deck.entries
        let n = entries.count
        var position: [EntryID: Int] = [:]
        for (i, entry) in entries.enumerated() where position[entry.id] == nil { position[entry.id] = i }
        self.position = position

        var relatedSet = [Set<Int>](repeating: [], count: n)
        for (i, entry) in entries.enumerated() {
            for id in entry.related {
                guard let j = position[id], j != i else { continue }
                relatedSet[i].insert(j)
                relatedSet[j].insert(i)
            }
        }
        self.relatedSet = relatedSet
        let related = relatedSet.map { $0.sorted() }
        self.related = related
        self.secondDegree = (0..<n).map { i in
            var seen = Set<Int>()
            for j in related[i] { for k in related[j] where k != i && !relatedSet[i].contains(k) { seen.insert(k) } }
            return seen.sorted()
        }

        var tagID: [String: Int] = [:]
        var entriesWithTag: [[Int]] = []
        var tags = [[Int]](repeating: [], count: n)
        for (i, entry) in entries.enumerated() {
            var mine = Set<Int>()
            for tag in entry.tags {
                let folded = TextFold.normalize(tag)
                guard !folded.isEmpty else { continue }
                let id: Int
                if let known = tagID[folded] {
                    id = known
                } else {
                    id = entriesWithTag.count
                    tagID[folded] = id
                    entriesWithTag.append([])
                }
                if mine.insert(id).inserted { entriesWithTag[id].append(i) }
            }
            tags[i] = mine.sorted()
        }
        self.tags = tags
        self.entriesWithTag = entriesWithTag

        let maskNames = entries.map(Mask.names(of:))
        self.maskNames = maskNames
        let foldedNames = maskNames.map { names in
            var unique: [String] = []
            for name in names.map(TextFold.normalize) where !unique.contains(name) { unique.append(name) }
            return unique
        }
        self.foldedNames = foldedNames
        self.foldedTerm = entries.map { TextFold.normalize($0.term) }
        var entriesByName: [String: [Int]] = [:]
        for (i, names) in foldedNames.enumerated() { for name in names { entriesByName[name, default: []].append(i) } }
        self.entriesByName = entriesByName

        // TF-IDF over light-stemmed definition words.
        var wordID: [String: Int] = [:]
        var counts = [[Int: Int]](repeating: [:], count: n)
        var documentFrequency: [Int] = []
        var foldedDefinition: [String] = []
        foldedDefinition.reserveCapacity(n)
        for (i, entry) in entries.enumerated() {
            var tf: [Int: Int] = [:]
            let words = TextFold.words(entry.definition)
            foldedDefinition.append(words.joined(separator: " "))
            for word in words where !QuestionIndex.stopwords.contains(word) {
                let stem = Stem.of(word)
                let id: Int
                if let known = wordID[stem] {
                    id = known
                } else {
                    id = documentFrequency.count
                    wordID[stem] = id
                    documentFrequency.append(0)
                }
                if tf[id] == nil { documentFrequency[id] += 1 }
                tf[id, default: 0] += 1
            }
            counts[i] = tf
        }
        self.foldedDefinition = foldedDefinition
        var vectors = [[(word: Int, weight: Float)]](repeating: [], count: n)
        var postings = [[(entry: Int, weight: Float)]](repeating: [], count: documentFrequency.count)
        for i in 0..<n {
            // Sorted before summing: a dictionary's order changes per process, and so would the sum.
            var vector = counts[i].map { word, count -> (word: Int, weight: Float) in
                let idf = Float(log(Double(n + 1) / Double(documentFrequency[word] + 1))) + 1
                return (word, Float(count) * idf)
            }.sorted { $0.word < $1.word }
            let length = vector.reduce(Float(0)) { $0 + $1.weight * $1.weight }.squareRoot()
            guard length > 0 else { continue }
            vector = vector.map { ($0.word, $0.weight / length) }
            vectors[i] = vector
            for (word, weight) in vector { postings[word].append((i, weight)) }
        }
        self.vectors = vectors
        self.postings = postings
    }

    /// Position of an entry in the deck.
    public func position(of id: EntryID) -> Int? { position[id] }

    /// The entries related to `id` (in either direction), in deck order.
    public func relatedEntries(of id: EntryID) -> [Entry] {
        guard let i = position[id] else { return [] }
        return related[i].map { deck.entries[$0] }
    }

    /// The entry whose term or alias is `answer` after folding (nil if none or several).
    public func entry(named answer: String) -> Entry? {
        guard let hits = entriesByName[TextFold.normalize(answer)], hits.count == 1 else { return nil }
        return deck.entries[hits[0]]
    }

    /// Definitions lexically closest to entry `i` by TF-IDF cosine, best first (ties by deck order).
    /// Words found in more than a twentieth of the deck (at least 50 entries) are skipped:
    /// they say little and cost most.
    func lexicalNeighbours(of i: Int, limit: Int) -> [(entry: Int, score: Float)] {
        guard limit > 0 else { return [] }
        var scores = [Float](repeating: 0, count: deck.entries.count)
        var touched: [Int] = []
        let common = max(50, deck.entries.count / 20)
        for (word, weight) in vectors[i] where postings[word].count <= common {
            for (j, other) in postings[word] where j != i {
                if scores[j] == 0 { touched.append(j) }
                scores[j] += weight * other
            }
        }
        // Keep the best `limit` with an insertion-sorted buffer: touched can be large.
        var best: [(entry: Int, score: Float)] = []
        best.reserveCapacity(limit + 1)
        func better(_ a: (entry: Int, score: Float), _ b: (entry: Int, score: Float)) -> Bool {
            a.score != b.score ? a.score > b.score : a.entry < b.entry
        }
        for j in touched {
            let candidate = (entry: j, score: scores[j])
            if best.count == limit, let worst = best.last, !better(candidate, worst) { continue }
            var k = best.count
            while k > 0, better(candidate, best[k - 1]) { k -= 1 }
            best.insert(candidate, at: k)
            if best.count > limit { best.removeLast() }
        }
        return best
    }
}
