/// The production rungs of the format ladder: the learner types the answer.
///
/// - `cloze` (recall): the definition with one key word blanked, chosen as the definition's
///   rarest word across the deck (at least 4 letters, not a stopword, not part of the term;
///   every occurrence blanked), so that one answer fits;
/// - `nameRelated` (relate): "Name a term related to X": any related entry's name is right.
///
/// ```swift
/// let q = try generator.question(for: card, format: .cloze, using: &rng)
/// q.prompt     // "Fill the blank (“Goodhart's Law”): When a measure becomes a ____, it ..."
/// q.accepted   // ["target"]
/// ```
extension QuestionGenerator {
    /// Shortest word (in letters) a cloze may blank.
    public static let clozeMinimumLetters = 4

    /// The key word of entry `i`'s definition to blank, and the definition as shown (names masked).
    func clozeWord(_ i: Int) -> (word: String, masked: String, ranges: [Range<String.Index>])? {
        let entries = index.deck.entries
        let masked = Mask.apply(to: entries[i].definition, names: index.maskNames[i])
        let words = TextFold.wordRanges(masked)
        let nameStems = Set(index.maskNames[i].flatMap { TextFold.words($0).map(Stem.of) })
        var seen = Set<String>()
        var candidates: [(stem: String, word: String, frequency: Int)] = []
        for word in words.map(\.word) where word.count >= Self.clozeMinimumLetters && word.allSatisfy(\.isLetter) {
            let stem = Stem.of(word)
            guard !QuestionIndex.stopwords.contains(word), !nameStems.contains(stem), seen.insert(stem).inserted else {
                continue
            }
            candidates.append((stem, word, 0))
        }
        guard !candidates.isEmpty else { return nil }
        // How many definitions use each candidate (counted once per deck, in the index): the
        // rarest is the most telling blank. Every candidate is in this definition too, so the
        // order is that of the other definitions.
        guard
            let best = candidates.min(by: { a, b in
                let fa = index.definitionsWithStem[a.stem] ?? 0
                let fb = index.definitionsWithStem[b.stem] ?? 0
                return fa != fb ? fa < fb : a.word.count > b.word.count
            })
        else { return nil }
        let ranges = words.filter { Stem.of($0.word) == best.stem }.map(\.range)
        guard let first = ranges.first else { return nil }
        return (String(masked[first]), masked, ranges)
    }

    func cloze(_ card: CardKey, _ i: Int) throws(CoreError) -> Question {
        guard let (word, masked, ranges) = clozeWord(i) else {
            throw .question(.noDistractors(deck: index.deck.id, entry: index.deck.entries[i].id, format: .cloze))
        }
        var shown = ""
        var cursor = masked.startIndex
        for range in ranges {
            shown += masked[cursor..<range.lowerBound]
            shown += "____"
            cursor = range.upperBound
        }
        shown += masked[cursor...]
        let entry = index.deck.entries[i]
        return Question(
            card: card, format: .cloze, prompt: "Fill the blank (“\(entry.term)”): \(shown)", accepted: [word],
            hint: Hint.pattern(of: word), reveal: entry.definition)
    }

    func nameRelated(_ card: CardKey, _ i: Int) throws(CoreError) -> Question {
        let entries = index.deck.entries
        let related = index.related[i].filter { !index.foldedTerm[$0].isEmpty }
        guard !related.isEmpty else {
            throw .question(.tooFewRelated(deck: index.deck.id, entry: entries[i].id, related: 0, format: .nameRelated, needs: 1))
        }
        return Question(
            card: card, format: .nameRelated, prompt: "Name a term related to “\(entries[i].term)”.",
            accepted: related.flatMap { entries[$0].names },
            hint: related.map { Hint.pattern(of: entries[$0].term) }.joined(separator: " or "),
            reveal: related.map { entries[$0].term }.joined(separator: ", "))
    }

    /// Whether the production format `format` can ask entry `i`.
    func canAskProduction(_ format: QuestionFormat, _ i: Int) -> Bool {
        switch format {
        case .cloze: clozeWord(i) != nil
        case .nameRelated: index.related[i].contains { !index.foldedTerm[$0].isEmpty }
        case .choiceTerm, .choiceDefinition, .typed, .relatedChoice, .oddOneOut, .matching, .flashcard: false
        }
    }
}
