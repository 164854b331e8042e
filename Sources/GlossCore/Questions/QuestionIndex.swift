import Foundation

/// What question generation needs to know about a deck, built once per deck.
///
/// Holds the symmetric relation graph (with neighbours of neighbours), tag sets with their
/// rarity, the folded names of every entry, which entries each entry's text names, and
/// TF-IDF vectors of definition and explanation with an inverted index for lexical
/// neighbours. `QuestionIndex+Closeness.swift` turns these into the one model of how close
/// two entries are that every question format asks.
///
/// ```swift
/// let index = QuestionIndex(deck: deck)          // once, when the deck loads
/// let close = index.lexicalNeighbours(of: 0, limit: 10)
/// index.isFar(0, 12)                             // may 12 be "unrelated" to 0?
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
    /// Unit-length TF-IDF vectors of definition (counted twice) and explanation, stemmed,
    /// stopwords out, as (word id, weight) sorted by word id.
    let vectors: [[(word: Int, weight: Float)]]
    /// For each word id, the entries whose text holds it, with the weight.
    let postings: [[(entry: Int, weight: Float)]]
    /// Entries whose name (term or alias) the definition or explanation of each entry uses, sorted.
    let mentions: [[Int]]
    /// Entries whose name the definition alone uses, sorted.
    let definitionMentions: [[Int]]
    /// Stems of the content words of each entry's term, as options show it (for per-word leak checks).
    let termStems: [[String]]
    /// Stems of the content words of all of each entry's names.
    let nameStems: [[String]]
    /// How many definitions use each stem (stopwords out): how telling a word of a definition is.
    let definitionsWithStem: [String: Int]
    /// Stems found in more than a fifth of the definitions (at least 5): "model" in a machine
    /// learning deck. Seeing one says nothing about which term is meant.
    let commonStems: Set<String>
    /// Entries whose names the texts of many others use (a twentieth of the deck, at least 4),
    /// such as the field a deck is about: related to nearly everything, so never
    /// offered as clearly unrelated, and not asked about in related-term questions.
    let broad: [Bool]
    /// Stem of the last word of each term outside parentheses ("Selection Bias" → "bia"):
    /// entries that share it are of the same kind.
    let headStem: [String]
    /// Entries by head stem.
    let entriesByHead: [String: [Int]]
    /// Inverse document frequency of each tag id: ln((n + 1) / (entries with it + 1)).
    let tagRarity: [Float]
    /// The folded words of every definition and explanation, and of the names masked
    /// (`TypedAnswerRules` adds the words of every name to make the deck's vocabulary).
    let textWords: Set<String>

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
        self.tagRarity = entriesWithTag.map { Float(log(Double(n + 1) / Double($0.count + 1))) }

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
        self.termStems = entries.map { TermWords.stems(of: [$0.term]) }
        self.nameStems = maskNames.map(TermWords.stems(of:))
        let headStem = entries.map { entry -> String in
            let outer = entry.term.split(separator: "(").first.map(String.init) ?? entry.term
            return TextFold.words(outer).last.map(Stem.of) ?? ""
        }
        self.headStem = headStem
        var entriesByHead: [String: [Int]] = [:]
        for (i, head) in headStem.enumerated() where !head.isEmpty { entriesByHead[head, default: []].append(i) }
        self.entriesByHead = entriesByHead

        // TF-IDF over light-stemmed words of definition (twice) and explanation; on the way,
        // which names each text uses.
        var table = WordTable(capacity: min(200_000, 8 * n + 1_000))
        let finder = NameFinder(maskNames: maskNames, table: &table)
        var mentions = [[Int]](repeating: [], count: n)
        var definitionMentions = [[Int]](repeating: [], count: n)
        var counts = [[(word: Int, count: Int)]](repeating: [], count: n)
        var documentFrequency: [Int] = []
        var foldedDefinition: [String] = []
        foldedDefinition.reserveCapacity(n)
        var definitionFrequency: [Int] = []
        var lastSeen: [Int] = []  // the last entry whose definition or text counted each stem
        var lastDefinition: [Int] = []
        for (i, entry) in entries.enumerated() {
            let definition = TextFold.wordRanges(entry.definition)
            let explanation = TextFold.wordRanges(entry.explanation)
            foldedDefinition.append(TextFold.joined(definition))
            let definitionWords = definition.map { table.lookup($0.word) }
            let explanationWords = explanation.map { table.lookup($0.word) }
            let grown = table.stems.count - documentFrequency.count
            if grown > 0 {
                documentFrequency += [Int](repeating: 0, count: grown)
                definitionFrequency += [Int](repeating: 0, count: grown)
                lastSeen += [Int](repeating: -1, count: grown)
                lastDefinition += [Int](repeating: -1, count: grown)
            }
            let named = finder.entries(
                named: definition, stems: definitionWords.map(\.stem), in: entry.definition, except: i)
            definitionMentions[i] = named
            let alsoNamed = finder.entries(
                named: explanation, stems: explanationWords.map(\.stem), in: entry.explanation, except: i)
            mentions[i] = alsoNamed.isEmpty ? named : Array(Set(named + alsoNamed)).sorted()
            var tf: [(word: Int, count: Int)] = []
            tf.reserveCapacity(definitionWords.count + explanationWords.count)
            for word in definitionWords where !word.stop {
                tf.append((word.stem, 2))
                if lastDefinition[word.stem] != i {
                    lastDefinition[word.stem] = i
                    definitionFrequency[word.stem] += 1
                }
            }
            for word in explanationWords where !word.stop { tf.append((word.stem, 1)) }
            tf.sort { $0.word < $1.word }
            var merged: [(word: Int, count: Int)] = []
            for item in tf {
                if let last = merged.last, last.word == item.word {
                    merged[merged.count - 1].count += item.count
                } else {
                    merged.append(item)
                    if lastSeen[item.word] != i {
                        lastSeen[item.word] = i
                        documentFrequency[item.word] += 1
                    }
                }
            }
            counts[i] = merged
        }
        self.mentions = mentions
        self.definitionMentions = definitionMentions
        var namedBy = [Int](repeating: 0, count: n)
        for named in mentions { for j in named { namedBy[j] += 1 } }
        let broadLimit = max(4, n / 20)
        self.broad = namedBy.map { $0 >= broadLimit }
        var definitionsWithStem: [String: Int] = [:]
        definitionsWithStem.reserveCapacity(definitionFrequency.count)
        for (id, count) in definitionFrequency.enumerated() where count > 0 { definitionsWithStem[table.stems[id]] = count }
        self.definitionsWithStem = definitionsWithStem
        let commonLimit = max(5, n / 5)
        self.commonStems = Set(
            definitionFrequency.indices.filter { definitionFrequency[$0] > commonLimit }.map { table.stems[$0] })
        self.foldedDefinition = foldedDefinition
        var vectors = [[(word: Int, weight: Float)]](repeating: [], count: n)
        var postings = [[(entry: Int, weight: Float)]](repeating: [], count: documentFrequency.count)
        for i in 0..<n {
            // In word order (as counted), so that the sum is the same in every process.
            var vector = counts[i].map { word, count -> (word: Int, weight: Float) in
                let idf = Float(log(Double(n + 1) / Double(documentFrequency[word] + 1))) + 1
                return (word, Float(count) * idf)
            }
            let length = vector.reduce(Float(0)) { $0 + $1.weight * $1.weight }.squareRoot()
            guard length > 0 else { continue }
            vector = vector.map { ($0.word, $0.weight / length) }
            vectors[i] = vector
            for (word, weight) in vector { postings[word].append((i, weight)) }
        }
        self.vectors = vectors
        self.postings = postings
        self.textWords = table.words
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
