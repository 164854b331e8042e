import Foundation
import PropertyBased
import Testing

@testable import GlossCore

/// Random decks for typed answers: made-up words of one to five syllables, names of one to
/// three words, and entries made to be confused: a name that differs from another only by
/// accents, by a prefix of one word, or by one word.
enum TypedAnswerRandomDecks {
    private static let syllables = ["ka", "lo", "mi", "ren", "tus", "vor", "zel", "qua", "bri", "dax", "fen", "gor", "e", "o"]
    private static let accents: [Character: [String]] = [
        "a": ["â", "á", "à"], "e": ["é", "è", "ê"], "o": ["ô", "ö"], "u": ["ü", "û"], "i": ["î", "ï"],
    ]
    static let prefixes = ["un", "mis", "dis", "non", "in", "de"]

    static func word(using rng: inout SplitMix64) -> String {
        (0..<Int.random(in: 1...5, using: &rng)).map { _ in syllables.randomElement(using: &rng) ?? "ka" }.joined()
    }

    static func name(using rng: inout SplitMix64) -> String {
        (0..<Int.random(in: 1...3, using: &rng)).map { _ in word(using: &rng) }.joined(separator: " ")
    }

    /// `name` with one vowel accented (nil if it has none).
    static func accented(_ name: String, using rng: inout SplitMix64) -> String? {
        let letters = Array(name)
        let vowels = letters.indices.filter { accents[letters[$0]] != nil }
        guard let k = vowels.randomElement(using: &rng), let marks = accents[letters[k]],
            let mark = marks.randomElement(using: &rng)
        else { return nil }
        return String(letters[..<k]) + mark + String(letters[(k + 1)...])
    }

    static func deck(seed: UInt64, count: Int = 30) -> Deck {
        var rng = SplitMix64(seed: seed)
        var names: [String] = []  // every name in the deck, lower-cased: all distinct
        var entries: [Entry] = []
        func fresh(_ candidate: String?) -> String? {
            guard let candidate, !candidate.isEmpty, !names.contains(candidate.lowercased()) else { return nil }
            return candidate
        }
        var attempts = 0
        while entries.count < count, attempts < 20 * count {
            attempts += 1
            let base = entries.randomElement(using: &rng)?.term.lowercased()
            var term: String?
            switch Int.random(in: 0..<6, using: &rng) {
            case 0: term = base.flatMap { accented($0, using: &rng) }
            case 1:
                if let base {
                    var words = base.split(separator: " ").map(String.init)
                    let k = Int.random(in: 0..<words.count, using: &rng)
                    words[k] = (prefixes.randomElement(using: &rng) ?? "un") + words[k]
                    term = words.joined(separator: " ")
                }
            case 2:
                if let base {
                    var words = base.split(separator: " ").map(String.init)
                    words[Int.random(in: 0..<words.count, using: &rng)] = word(using: &rng)
                    term = words.joined(separator: " ")
                }
            default: term = name(using: &rng)
            }
            guard let found = fresh(term) else { continue }
            names.append(found.lowercased())
            var aliases: [String] = []
            if Int.random(in: 0..<4, using: &rng) == 0, let alias = fresh(name(using: &rng)),
                TextFold.normalize(alias) != TextFold.normalize(found)
            {
                names.append(alias.lowercased())
                aliases.append(alias)
            }
            let definition = (0..<Int.random(in: 4...10, using: &rng)).map { _ in word(using: &rng) }.joined(separator: " ")
            entries.append(
                Entry(
                    id: EntryID("e\(entries.count)"), term: found.capitalized, definition: definition + ".", aliases: aliases
                ))
        }
        return Deck(id: "random", title: "Random", entries: entries)
    }

    /// The folded words of every name and text of `deck`.
    static func vocabulary(_ deck: Deck) -> Set<String> {
        Set(deck.entries.flatMap { ($0.names + [$0.definition, $0.explanation]).flatMap(TextFold.words) })
    }
}

@Suite struct TypedAnswerPropertyTests {
    static let seeds = Gen.int(in: 0...1_000_000)

    /// Asks `entry` of `deck` as a typed question.
    static func outcome(_ input: String, _ entry: Entry, _ matcher: AnswerMatcher) -> AnswerOutcome {
        matcher.match(input, to: TypedAnswerDecks.question(entry.id, in: matcher.index.deck))
    }

    @Test func theVocabularyIsEveryWordOfEveryNameAndText() async {
        await propertyCheck(count: 100, input: Self.seeds) { seed in
            var deck = TypedAnswerRandomDecks.deck(seed: UInt64(seed))
            // Texts beyond the definitions: an explanation (some with accents and apostrophes)
            // and a parenthesised alias, whose words the index reads apart.
            for i in deck.entries.indices where i % 3 == 0 {
                deck.entries[i].explanation = "Not the déjà vu of \(deck.entries[i].term)'s rival (or Øre's)."
                deck.entries[i].aliases.append("Alias (AL\(i)) Extra")
            }
            let rules = TypedAnswerRules(index: QuestionIndex(deck: deck))
            #expect(rules.vocabulary == TypedAnswerRandomDecks.vocabulary(deck))
        }
    }

    @Test func theTermOrAnyAliasIsAlwaysRight() async {
        await propertyCheck(count: 200, input: Self.seeds) { seed in
            let deck = TypedAnswerRandomDecks.deck(seed: UInt64(seed))
            let matcher = AnswerMatcher(index: QuestionIndex(deck: deck))
            for entry in deck.entries {
                for name in entry.names {
                    for typed in [name, name.uppercased(), name.lowercased(), " \(name) "] {
                        #expect(Self.outcome(typed, entry, matcher) == .right(slip: false), "\(typed) for \(entry.term)")
                    }
                }
            }
        }
    }

    @Test func anotherEntrysNameIsAConfusionNeverRight() async {
        await propertyCheck(count: 200, input: Self.seeds) { seed in
            let deck = TypedAnswerRandomDecks.deck(seed: UInt64(seed))
            let matcher = AnswerMatcher(index: QuestionIndex(deck: deck))
            var rng = SplitMix64(seed: UInt64(seed))
            for asked in deck.entries {
                // Every other entry whose name folds like one of the asked entry's, and five more.
                let folded = Set(asked.names.map(TextFold.normalize))
                let others = deck.entries.filter { $0.id != asked.id }
                let alike = others.filter { !folded.isDisjoint(with: $0.names.map(TextFold.normalize)) }
                for other in alike + others.shuffled(using: &rng).prefix(5) {
                    for name in other.names {
                        #expect(
                            Self.outcome(name, asked, matcher) == .confused(with: other.id), "\(name) for \(asked.term)")
                    }
                }
            }
        }
    }

    /// A name of the random deck of a seed, with one word edited, and what the matcher made of it.
    struct EditedName {
        var name: String
        var typed: String
        var outcome: AnswerOutcome
        /// The answer is one of the asked entry's own names, or another entry's.
        var isOwnName: Bool
        var isOtherName: Bool
        /// The name is also another entry's (up to accents), or the edited word is a deck word.
        var nameIsShared: Bool
        var editedWordIsDeckWord: Bool
        /// The answer is within a slip of another name of the asked entry ("misfenren" of its
        /// alias "Mifen Ren"): right for that name, whatever the edit did to this one.
        var nearAnotherOwnName: Bool
    }

    /// Every name of every entry of the random deck of `seed`, edited by `edit` (which changes
    /// one of the folded words and says which, nil to skip the name) and asked as typed.
    static func editedNames(seed: Int, _ edit: (inout [String], inout SplitMix64) -> Int?) -> [EditedName] {
        let deck = TypedAnswerRandomDecks.deck(seed: UInt64(seed))
        let matcher = AnswerMatcher(index: QuestionIndex(deck: deck))
        let vocabulary = TypedAnswerRandomDecks.vocabulary(deck)
        var rng = SplitMix64(seed: UInt64(seed))
        var results: [EditedName] = []
        for entry in deck.entries {
            let own = Set(entry.names.map(TextFold.normalize))
            let others = Set(deck.entries.filter { $0.id != entry.id }.flatMap { $0.names.map(TextFold.normalize) })
            for name in entry.names {
                var words = TextFold.words(name)
                guard let w = edit(&words, &rng) else { continue }
                let typed = words.joined(separator: " ")
                results.append(
                    EditedName(
                        name: name, typed: typed, outcome: outcome(typed, entry, matcher), isOwnName: own.contains(typed),
                        isOtherName: others.contains(typed), nameIsShared: others.contains(TextFold.normalize(name)),
                        editedWordIsDeckWord: vocabulary.contains(words[w]),
                        nearAnotherOwnName: entry.names.contains { other in
                            let folded = TextFold.normalize(other).replacingOccurrences(of: " ", with: "")
                            return other != name
                                && DamerauLevenshtein.distance(typed.replacingOccurrences(of: " ", with: ""), folded)
                                    <= DamerauLevenshtein.allowedSlips(forLength: folded.count)
                        }))
            }
        }
        return results
    }

    /// One adjacent transposition in a word of eight letters or more is a slip, unless the
    /// result is another entry's name or a word of the deck.
    @Test func aTranspositionInALongWordIsASlip() async {
        await propertyCheck(count: 200, input: Self.seeds) { seed in
            let results = Self.editedNames(seed: seed) { words, rng in
                guard let w = words.indices.filter({ words[$0].count >= 8 }).randomElement(using: &rng) else { return nil }
                var letters = Array(words[w])
                guard let k = (0..<(letters.count - 1)).filter({ letters[$0] != letters[$0 + 1] }).randomElement(using: &rng)
                else { return nil }
                letters.swapAt(k, k + 1)
                words[w] = String(letters)
                return w
            }.filter { !$0.nameIsShared && !$0.isOtherName && !$0.editedWordIsDeckWord }
            #expect(!results.isEmpty)
            for r in results {
                #expect(r.outcome == .right(slip: !r.isOwnName), "\(r.typed) for \(r.name)")
            }
        }
    }

    /// A prefix (un-, mis-, dis-, non-, in-, de-) added to a word of a name makes another word.
    @Test func aPrefixAddedIsNeverASlip() async {
        await propertyCheck(count: 200, input: Self.seeds) { seed in
            let results = Self.editedNames(seed: seed) { words, rng in
                guard let w = words.indices.filter({ words[$0].count >= 3 }).randomElement(using: &rng),
                    let prefix = TypedAnswerRandomDecks.prefixes.randomElement(using: &rng)
                else { return nil }
                words[w] = prefix + words[w]
                return w
            }.filter { !$0.isOwnName && !$0.nearAnotherOwnName }
            #expect(!results.isEmpty)
            for r in results { #expect(!r.outcome.isRight, "\(r.typed) for \(r.name)") }
        }
    }

    /// One letter changed in a word of up to four letters is never a slip.
    @Test func noSlipInAShortWord() async {
        await propertyCheck(count: 200, input: Self.seeds) { seed in
            let results = Self.editedNames(seed: seed) { words, rng in
                guard let w = words.indices.filter({ words[$0].count <= 4 }).randomElement(using: &rng) else { return nil }
                var letters = Array(words[w])
                let k = Int.random(in: 0..<letters.count, using: &rng)
                letters[k] = letters[k] == "x" ? "y" : "x"
                words[w] = String(letters)
                return w
            }.filter { !$0.isOwnName }
            #expect(!results.isEmpty)
            for r in results { #expect(!r.outcome.isRight, "\(r.typed) for \(r.name)") }
        }
    }

    /// Where a name differs from another entry's only by accents, leaving out the accents of a
    /// word that tells them apart is never right.
    @Test func accentsThatTellNamesApartAreRequired() async {
        await propertyCheck(count: 200, input: Self.seeds) { seed in
            let deck = TypedAnswerRandomDecks.deck(seed: UInt64(seed))
            let matcher = AnswerMatcher(index: QuestionIndex(deck: deck))
            for entry in deck.entries {
                for name in entry.names {
                    let words = name.lowercased().split(separator: " ").map(String.init)
                    for other in deck.entries where other.id != entry.id {
                        for otherName in other.names where TextFold.normalize(otherName) == TextFold.normalize(name) {
                            let otherWords = otherName.lowercased().split(separator: " ").map(String.init)
                            guard otherWords.count == words.count else { continue }
                            let apart = words.indices.filter { words[$0] != otherWords[$0] }
                            let typed = words.indices.map { apart.contains($0) ? TextFold.normalize(words[$0]) : words[$0] }
                            guard apart.contains(where: { typed[$0] != words[$0] }) else { continue }
                            #expect(!Self.outcome(typed.joined(separator: " "), entry, matcher).isRight, "\(typed) for \(name)")
                        }
                    }
                }
            }
        }
    }

    /// The matcher skips a name whose whole-text distance to the answer exceeds the bound: sound
    /// only if that distance never exceeds the word-by-word edits. Random edits of every kind.
    @Test func wholeTextDistanceNeverExceedsTheWordEdits() async {
        await propertyCheck(count: 200, input: Self.seeds) { seed in
            let deck = TypedAnswerRandomDecks.deck(seed: UInt64(seed))
            let rules = TypedAnswerRules(index: QuestionIndex(deck: deck))
            var rng = SplitMix64(seed: UInt64(seed))
            var costed = 0
            for name in deck.entries.flatMap(\.names) {
                let folded = TextFold.normalize(name)
                for _ in 0..<4 {
                    var letters = Array(folded)
                    for _ in 0..<Int.random(in: 1...3, using: &rng) {
                        let k = Int.random(in: 0..<letters.count, using: &rng)
                        switch Int.random(in: 0..<4, using: &rng) {
                        case 0: if letters.count > 1 { letters.remove(at: k) }
                        case 1: letters.insert(["s", "e", "a", " "].randomElement(using: &rng) ?? "s", at: k)
                        case 2: if k + 1 < letters.count { letters.swapAt(k, k + 1) }
                        default: letters[k] = "o"
                        }
                    }
                    let answer = TypedName(String(letters))
                    guard let cost = rules.cost(of: answer, against: TextFold.words(name)) else { continue }
                    costed += 1
                    #expect(DamerauLevenshtein.distance(answer.folded, folded) <= cost, "\(answer.folded) for \(name)")
                }
            }
            #expect(costed > 0)
        }
    }

    /// On the shipped deck: every name is right, and every adjacent transposition in a word of
    /// eight letters or more is a slip unless it makes another entry's name or a deck word.
    @Test func shippedDeckNamesAndTranspositions() throws {
        let deck = try #require(ShippedDeckQuestionTests.deck)
        let matcher = AnswerMatcher(index: QuestionIndex(deck: deck))
        let vocabulary = TypedAnswerRandomDecks.vocabulary(deck)
        let names = deck.entries.map { Set(Mask.names(of: $0).map(TextFold.normalize)) }
        var tried = 0
        for (i, entry) in deck.entries.enumerated() {
            let others = names.indices.filter { $0 != i }.reduce(into: Set<String>()) { $0.formUnion(names[$1]) }
            for name in Mask.names(of: entry) {
                #expect(Self.outcome(name, entry, matcher) == .right(slip: false), "\(name)")
                let words = TextFold.words(name)
                for (w, word) in words.enumerated() where word.count >= 8 {
                    let letters = Array(word)
                    for k in 0..<(letters.count - 1) where letters[k] != letters[k + 1] {
                        var swapped = letters
                        swapped.swapAt(k, k + 1)
                        var typedWords = words
                        typedWords[w] = String(swapped)
                        let typed = typedWords.joined(separator: " ")
                        guard !others.contains(typed), !vocabulary.contains(typedWords[w]) else { continue }
                        tried += 1
                        #expect(Self.outcome(typed, entry, matcher) == .right(slip: true), "\(typed) for \(name)")
                    }
                }
            }
        }
        #expect(tried > 1000)
    }

    @Test func randomDecksHoldTheCasesTheRulesAreAbout() {
        let decks = (0..<20).map { TypedAnswerRandomDecks.deck(seed: UInt64($0)) }
        #expect(decks.allSatisfy { $0.entries.count == 30 })
        let folded = decks.map { deck in deck.entries.flatMap { $0.names.map(TextFold.normalize) } }
        // Names that only accents tell apart, and names one prefix apart.
        #expect(folded.filter { Set($0).count < $0.count }.count >= 10)
        #expect(
            folded.filter { names in
                names.contains { a in TypedAnswerRandomDecks.prefixes.contains { names.contains($0 + a) } }
            }.count >= 10)
    }
}
