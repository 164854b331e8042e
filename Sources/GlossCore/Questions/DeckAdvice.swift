/// What the question generator's closeness model says a deck author should look at, entry by
/// entry (`gloss lint` turns each into a line of the deck file):
/// - pairs whose definitions name each other but are not linked (warnings), or that read
///   alike but are not linked (notes: a missing link, or lures that need a careful reader);
/// - a definition using a form of a word of its own term or alias ("misaligned" in a
///   definition of "Deceptive Alignment"): questions blank it, so they read worse (warning);
/// - aliases that are everyday words: accepted when typed, never used to mask (warning);
/// - names that are the same but for accents: typed answers must then carry them (note);
/// - entries with links that cannot get a fair related-term or odd-one-out question (notes,
///   in decks of `noteMinimumEntries` or more).
///
/// ```swift
/// for advice in DeckAdvice.findings(index: QuestionIndex(deck: deck)) { print(advice.message) }
/// ```
public struct DeckAdvice: Hashable, Sendable {
    public enum Place: Hashable, Sendable { case heading, definition, aliases }
    public enum Level: Hashable, Sendable { case warning, note }

    /// Position of the entry in the deck.
    public var entry: Int
    public var place: Place
    public var level: Level
    public var message: String

    /// Decks smaller than this get no notes about related-term questions: they are too small
    /// for any, and fall back to other formats.
    public static let noteMinimumEntries = 12
    /// Text similarity at or above which two unlinked entries are reported as reading alike,
    /// when their texts also share at least `alikeSharedWords` words ("Fifth letter." and
    /// "Sixth letter." share one: not alike).
    public static let alikeTextSimilarity: Float = 0.35
    public static let alikeSharedWords = 3

    /// - Complexity: O(entries × (names in their texts + 3 lexical neighbours)), plus one fair-question check per entry.
    public static func findings(index: QuestionIndex) -> [DeckAdvice] {
        var result: [DeckAdvice] = []
        let deck = index.deck
        let generator = QuestionGenerator(index: index)
        let entries = deck.entries
        for (i, entry) in entries.enumerated() {
            func add(_ place: Place, _ level: Level, _ message: String) {
                result.append(DeckAdvice(entry: i, place: place, level: level, message: message))
            }
            var namedTerms = Set([TextFold.normalize(entry.term)])  // one finding per name, even for duplicate entries
            for j in index.definitionMentions[i]
            where !index.relatedSet[i].contains(j) && namedTerms.insert(TextFold.normalize(entries[j].term)).inserted {
                add(
                    .definition, .warning,
                    "the definition of '\(entry.term)' names '\(entries[j].term)', but they are not linked: "
                        + "link them (related: \(entries[j].term)) or reword")
            }
            for (j, _) in index.lexicalNeighbours(of: i, limit: 3)
            where j > i && !index.relatedSet[i].contains(j) && index.textSimilarity(i, j) >= alikeTextSimilarity
                && index.sharedWords(i, j) >= alikeSharedWords
            {
                add(
                    .heading, .note,
                    "'\(entry.term)' and '\(entries[j].term)' read alike (text similarity "
                        + "\(String(format2: index.textSimilarity(i, j)))) but are not linked: "
                        + "link them, or write definitions that tell them apart")
            }
            let definition = " " + TextFold.normalize(entry.definition) + " "
            let namesWhole = entry.names.contains { name in
                let folded = TextFold.normalize(name)
                return !folded.isEmpty && definition.contains(" " + folded + " ")
            }
            // (A definition holding a whole name is an error of its own, reported by the linter.)
            if !namesWhole,
                let word = TextFold.words(entry.definition).first(where: { word in
                    let stem = Stem.of(word)
                    return !index.commonStems.contains(stem) && index.nameStems[i].contains { TermWords.matches(stem, $0) }
                })
            {
                add(
                    .definition, .warning,
                    "the definition of '\(entry.term)' uses '\(word)', a form of a word of its name: questions blank it; reword")
            }
            for alias in entry.aliases where Mask.isCommonWord(alias) && !Mask.isMatchedAsWritten(alias) {
                add(
                    .aliases, .warning,
                    "alias '\(alias)' of '\(entry.term)' is an everyday word: it is accepted when typed but never "
                        + "hidden in definitions; remove it or use a longer name")
            }
            let relate = CardKey(deck: deck.id, entry: entry.id, facet: .relate)
            guard entries.count >= noteMinimumEntries else { continue }
            if !index.related[i].isEmpty, !generator.canAsk(relate, as: .relatedChoice) {
                add(
                    .heading, .note,
                    "'\(entry.term)' gets no related-term question: "
                        + (index.broad[i]
                            ? "it is named in the texts of many entries, so nothing is clearly unrelated to it"
                            : "it needs a link whose term shares no word with it and three entries clearly unrelated to it"))
            }
            if index.related[i].count >= QuestionGenerator.oddOneOutRelated, !index.broad[i],
                !generator.canAsk(relate, as: .oddOneOut)
            {
                add(
                    .heading, .note,
                    "'\(entry.term)' gets no odd-one-out question: at most one shown link may share a word with its "
                        + "term, and one entry must be clearly unrelated to it")
            }
        }
        var byFolded: [String: (name: String, entry: Int)] = [:]
        for (i, entry) in entries.enumerated() {
            for name in entry.names {
                let folded = TextFold.normalize(name)
                guard !folded.isEmpty else { continue }
                if let first = byFolded[folded], first.entry != i, first.name.lowercased() != name.lowercased() {
                    result.append(
                        DeckAdvice(
                            entry: i, place: .heading, level: .note,
                            message: "'\(name)' and '\(first.name)' ('\(entries[first.entry].term)') differ only by "
                                + "accents: typed answers for them must carry the accents"))
                } else if byFolded[folded] == nil {
                    byFolded[folded] = (name, i)
                }
            }
        }
        return result
    }
}
