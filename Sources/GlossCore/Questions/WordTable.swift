/// Each distinct folded word of a deck's text, looked up once: its stem's id and whether it is
/// a stopword. Stem ids number the distinct stems from 0, so per-stem figures live in arrays.
///
/// ```swift
/// var table = WordTable()
/// let a = table.lookup("optimizers")     // (stem: 0, stop: false), stem "optim"
/// table.lookup("optimized").stem == a.stem   // true
/// ```
struct WordTable {
    private var byWord: [String: (stem: Int, stop: Bool)] = [:]
    private var byStem: [String: Int] = [:]
    /// The stem of each id.
    private(set) var stems: [String] = []

    /// A table for about `words` distinct words.
    init(capacity words: Int = 0) {
        byWord.reserveCapacity(words)
        byStem.reserveCapacity(words)
        stems.reserveCapacity(words)
    }

    /// Every word looked up so far.
    var words: Set<String> { Set(byWord.keys) }

    mutating func lookup(_ word: String) -> (stem: Int, stop: Bool) {
        if let known = byWord[word] { return known }
        let found = (stem: id(ofStem: Stem.of(word)), stop: QuestionIndex.stopwords.contains(word))
        byWord[word] = found
        return found
    }

    mutating func id(ofStem stem: String) -> Int {
        if let known = byStem[stem] { return known }
        let id = stems.count
        byStem[stem] = id
        stems.append(stem)
        return id
    }
}
