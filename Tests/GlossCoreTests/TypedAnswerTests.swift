import Testing

@testable import GlossCore

/// Small decks from two fields, each holding both entries of the pairs a learner confuses.
enum TypedAnswerDecks {
    static let machineLearning = Deck(
        id: "ml", title: "Machine learning",
        entries: [
            Entry(
                id: "supervised-learning", term: "Supervised Learning",
                definition: "Learning a mapping from inputs to outputs from labelled examples.",
                explanation: "Classification and regression are the usual tasks.", related: ["unsupervised-learning"]),
            Entry(
                id: "unsupervised-learning", term: "Unsupervised Learning",
                definition: "Learning structure, such as clusters or densities, from data without labels."),
            Entry(
                id: "model-collapse", term: "Model Collapse",
                definition: "The degradation of generative models trained on the output of earlier models.",
                explanation: "The tails of the distribution vanish first. Not to be confused with mode collapse in a GAN.",
                related: ["mode-collapse"]),
            Entry(
                id: "mode-collapse", term: "Mode Collapse",
                definition: "When a generative adversarial network produces only a few kinds of output.",
                explanation: "The generator covers few of the modes of the data distribution."),
            Entry(
                id: "misinformation", term: "Misinformation",
                definition: "False or misleading information spread without intent to deceive.",
                related: ["disinformation"]),
            Entry(
                id: "disinformation", term: "Disinformation", definition: "False information spread deliberately to deceive."),
            Entry(
                id: "deceptive-alignment", term: "Deceptive Alignment",
                definition: "A model that appears aligned during training in order to pursue other goals once deployed.",
                related: ["misalignment"]),
            Entry(
                id: "misalignment", term: "Misalignment",
                definition: "A gap between the goals a system pursues and the goals its designers intended."),
            Entry(
                id: "emergent-abilities", term: "Emergent Abilities",
                definition: "Capabilities that appear in larger models but not in smaller ones."),
            Entry(
                id: "agi", term: "Artificial General Intelligence (AGI)",
                definition: "AI that matches or exceeds human ability across most cognitive tasks.", related: ["ani"]),
            Entry(
                id: "ani", term: "Artificial Narrow Intelligence (ANI)",
                definition: "AI built for one task or a narrow range of tasks.",
                aliases: ["narrow AI"]),
        ])

    static let cooking = Deck(
        id: "cooking", title: "Cooking",
        entries: [
            Entry(id: "pate", term: "Pâte", definition: "Dough or pastry, as in pâte brisée.", related: ["pate-spread"]),
            Entry(id: "pate-spread", term: "Pâté", definition: "A spreadable paste of cooked ground meat, liver or fish."),
            Entry(id: "roux", term: "Roux", definition: "Flour cooked in fat, used to thicken sauces.", related: ["bechamel"]),
            Entry(id: "julienne", term: "Julienne", definition: "Vegetables cut into thin matchsticks.", related: ["brunoise"]),
            Entry(id: "brunoise", term: "Brunoise", definition: "Vegetables cut into tiny even cubes, usually from a julienne."),
            Entry(id: "bechamel", term: "Béchamel", definition: "A white sauce of milk thickened with a roux."),
            Entry(id: "veloute", term: "Velouté", definition: "A sauce of light stock thickened with a roux."),
            Entry(id: "coddle", term: "Coddle", definition: "To cook gently in water just below the boil, as coddled eggs."),
            Entry(id: "curdle", term: "Curdle", definition: "Of milk or a sauce: to separate into curds and liquid."),
            Entry(id: "deglaze", term: "Deglaze", definition: "To loosen browned bits from a pan with liquid to make a sauce."),
            Entry(id: "glaze", term: "Glaze", definition: "A glossy coating brushed onto food."),
        ])

    /// The typed question for `entry`, accepting its names as the generator does.
    static func question(_ entry: EntryID, in deck: Deck) -> Question {
        let names = deck.entry(entry).map(Mask.names(of:)) ?? []
        return Question(
            card: CardKey(deck: deck.id, entry: entry, facet: .recognize), format: .typed, prompt: "Type the term",
            accepted: names)
    }

    /// What `input` amounts to when `asked` is asked in `deck`.
    static func outcome(_ input: String, asked: EntryID, in deck: Deck) -> AnswerOutcome {
        AnswerMatcher(index: QuestionIndex(deck: deck)).match(input, to: question(asked, in: deck))
    }

    /// `deck` without the entry `id` (and the links to it).
    static func removing(_ id: EntryID, from deck: Deck) -> Deck {
        var copy = deck
        copy.entries.removeAll { $0.id == id }
        for i in copy.entries.indices { copy.entries[i].related.removeAll { $0 == id } }
        return copy
    }
}

@Suite struct TypedAnswerTests {
    @Test(
        "machine learning: another word is not a slip",
        arguments: [
            ("supervised-learning", "unsupervised learning", AnswerOutcome.confused(with: "unsupervised-learning")),
            ("unsupervised-learning", "supervised learning", .confused(with: "supervised-learning")),
            ("model-collapse", "mode collapse", .confused(with: "mode-collapse")),
            ("mode-collapse", "model collapse", .confused(with: "model-collapse")),
            ("misinformation", "disinformation", .confused(with: "disinformation")),
            ("disinformation", "misinformation", .confused(with: "misinformation")),
            ("deceptive-alignment", "deceptive misalignment", .wrong),
            ("agi", "artifical general inteligence", .right(slip: true)),
            ("agi", "Artificial General Intelligence", .right(slip: false)),
            ("agi", "agi", .right(slip: false)),
            ("agi", "artificial narrow intelligence", .confused(with: "ani")),
            ("agi", "artificial narow intelligence", .confused(with: "ani")),
            ("supervised-learning", "supervized learning", .right(slip: true)),
            ("supervised-learning", "supervisedlearning", .right(slip: true)),
            ("model-collapse", "model colapse", .right(slip: true)),
            ("model-collapse", "models collapse", .right(slip: true)),  // an inflection is a slip
            ("emergent-abilities", "emergent ability", .right(slip: true)),  // the singular for the plural
            ("emergent-abilities", "emergent abilites", .right(slip: true)),
            ("emergent-abilities", "emergent abilty", .wrong),  // three edits in one word
            ("supervised-learning", "emergent ability", .confused(with: "emergent-abilities")),
            ("misinformation", "misinfromation", .right(slip: true)),
            ("mode-collapse", "mod collapse", .wrong),  // no slip in a word of four letters
            ("model-collapse", "modecollapse", .confused(with: "mode-collapse")),  // a space left out hides no word
            ("model-collapse", "modelcolapse", .right(slip: true)),
            ("deceptive-alignment", "deceptivealignment", .right(slip: true)),
            ("agi", "artificialgeneralintelligence", .right(slip: true)),
            ("unsupervised-learning", "un supervised learning", .right(slip: true)),
            ("supervised-learning", "unsupervisedlearning", .confused(with: "unsupervised-learning")),
        ])
    func machineLearning(asked: EntryID, input: String, expected: AnswerOutcome) {
        #expect(TypedAnswerDecks.outcome(input, asked: asked, in: TypedAnswerDecks.machineLearning) == expected)
    }

    @Test(
        "cooking: accents matter only between names they tell apart",
        arguments: [
            ("pate-spread", "pate", AnswerOutcome.wrong),
            ("pate-spread", "pâte", .confused(with: "pate")),
            ("pate-spread", "paté", .wrong),
            ("pate-spread", "Pâté", .right(slip: false)),
            ("pate-spread", "PÂTÉ", .right(slip: false)),
            ("pate-spread", "pa\u{302}te\u{301}", .right(slip: false)),  // decomposed accents
            ("pate", "pate", .wrong),
            ("pate", "pâte", .right(slip: false)),
            ("pate", "pâté", .confused(with: "pate-spread")),
            ("roux", "roue", .wrong),
            ("roux", "ROUX", .right(slip: false)),
            ("julienne", "julliene", .right(slip: true)),
            ("bechamel", "bechamal", .right(slip: true)),
            ("bechamel", "bechamel", .right(slip: false)),
            ("bechamel", "béchamel", .right(slip: false)),
            ("bechamel", "bèchamél", .right(slip: false)),
            ("veloute", "veloute", .right(slip: false)),
            ("deglaze", "glaze", .confused(with: "glaze")),
            ("glaze", "deglaze", .confused(with: "deglaze")),
            ("brunoise", "julliene", .confused(with: "julienne")),
        ])
    func cooking(asked: EntryID, input: String, expected: AnswerOutcome) {
        #expect(TypedAnswerDecks.outcome(input, asked: asked, in: TypedAnswerDecks.cooking) == expected)
    }

    /// "cordle" is one edit from Coddle (d → r) and one from Curdle (u → o).
    @Test("one edit from two entries: the asked entry wins", arguments: ["coddle", "curdle"])
    func askedEntryWinsATie(asked: EntryID) {
        let deck = TypedAnswerDecks.cooking
        #expect(DamerauLevenshtein.distance("cordle", "coddle") == 1)
        #expect(DamerauLevenshtein.distance("cordle", "curdle") == 1)
        #expect(TypedAnswerDecks.outcome("cordle", asked: asked, in: deck) == .right(slip: true))
        let other: EntryID = asked == "coddle" ? "curdle" : "coddle"
        #expect(TypedAnswerDecks.outcome(other.rawValue, asked: asked, in: deck) == .confused(with: other))
    }

    @Test(
        "another word stays wrong when the deck lacks the entry it names",
        arguments: [
            ("supervised-learning", "unsupervised learning", "unsupervised-learning"),  // un-
            ("misinformation", "disinformation", "disinformation"),  // mis- for dis-
            ("model-collapse", "mode collapse", "mode-collapse"),  // "mode" is a word of the deck
            ("model-collapse", "modecollapse", "mode-collapse"),
            ("deceptive-alignment", "deceptive misalignment", "misalignment"),
        ] as [(EntryID, String, EntryID)])
    func anotherWordWithoutItsEntry(asked: EntryID, input: String, removed: EntryID) {
        let deck = TypedAnswerDecks.removing(removed, from: TypedAnswerDecks.machineLearning)
        #expect(deck.entries.count == TypedAnswerDecks.machineLearning.entries.count - 1)
        #expect(TypedAnswerDecks.outcome(input, asked: asked, in: deck) == .wrong)
    }

    @Test func accentsAreFoldedOnceNoOtherNameNeedsThem() {
        let deck = TypedAnswerDecks.removing("pate", from: TypedAnswerDecks.cooking)
        #expect(TypedAnswerDecks.outcome("pate", asked: "pate-spread", in: deck) == .right(slip: false))
        #expect(TypedAnswerDecks.outcome("paté", asked: "pate-spread", in: deck) == .right(slip: false))
    }

    @Test(
        "another word or a slip",
        arguments: [
            ("unsupervised", "supervised", true), ("disinformation", "misinformation", true),
            ("misalignment", "alignment", true), ("nonlinear", "linear", true), ("deglaze", "glaze", true),
            ("asymmetric", "symmetric", true), ("inteligence", "intelligence", false),
            ("aalignment", "alignment", false), ("lignment", "alignment", false), ("artifical", "artificial", false),
            ("julliene", "julienne", false),
        ])
    func prefixes(typed: String, word: String, other: Bool) {
        let rules = TypedAnswerRules(index: QuestionIndex(deck: Deck(id: "empty", title: "Empty")))
        #expect(rules.isOtherWord(typed, for: word) == other)
    }

    @Test(
        "the plural for the singular is one slip",
        arguments: [
            ("abilities", "ability", true), ("models", "model", true), ("laws", "law", true), ("boxes", "box", true),
            ("policies", "policy", true), ("model", "models", false), ("modes", "model", false), ("lawyer", "law", false),
        ])
    func plurals(plural: String, singular: String, inflection: Bool) {
        #expect(TypedAnswerRules.isNumberInflection(plural, of: singular) == inflection)
    }

    @Test("slips per word scale with its length", arguments: [(1, 0), (4, 0), (5, 1), (7, 1), (8, 2), (20, 2)])
    func slipsPerWord(length: Int, slips: Int) {
        #expect(DamerauLevenshtein.allowedSlips(inWordOfLength: length) == slips)
    }
}
