import Testing

@testable import GlossCore

/// Decks the question tests share: a small literal deck and generated ones of any size.
enum QuestionTestDecks {
    static let small = Deck(
        id: "safety", title: "Safety",
        entries: [
            Entry(
                id: "mesa-optimization", term: "Mesa-Optimization",
                definition: "When a learned model is itself an optimizer; such mesa-optimizers may pursue their own objective.",
                related: ["inner-alignment", "deceptive-alignment"], aliases: ["mesa optimisation"], tags: ["alignment"]),
            Entry(
                id: "inner-alignment", term: "Inner Alignment",
                definition: "Making the objective a trained model actually pursues match the training objective.",
                related: ["outer-alignment"], tags: ["alignment"]),
            Entry(
                id: "outer-alignment", term: "Outer Alignment",
                definition: "Specifying a training objective that captures what the designers intend.",
                tags: ["alignment"]),
            Entry(
                id: "deceptive-alignment", term: "Deceptive Alignment",
                definition: "A model that behaves well during training in order to pursue other goals once deployed.",
                related: ["inner-alignment", "reward-hacking"], tags: ["alignment", "risk"]),
            Entry(
                id: "reward-hacking", term: "Reward Hacking",
                definition: "Exploiting flaws in a reward function to score highly without doing the intended task.",
                related: ["goodharts-law", "specification-gaming"], aliases: ["reward gaming"], tags: ["risk"]),
            Entry(
                id: "goodharts-law", term: "Goodhart's Law",
                definition: "When a measure becomes a target, it ceases to be a good measure.",
                tags: ["economics"]),
            Entry(
                id: "specification-gaming", term: "Specification Gaming",
                definition: "Satisfying the literal specification of an objective without achieving the intended outcome.",
                tags: ["risk"]),
            Entry(
                id: "red-teaming", term: "Red Teaming",
                definition: "Deliberately attacking a system to find its failures before others do; red-teamers probe models.",
                aliases: ["red-team exercise"], tags: ["evaluation"]),
            Entry(
                id: "rlhf", term: "Reinforcement Learning from Human Feedback (RLHF)",
                definition: "Fine-tuning a model with a reward model trained on human preference comparisons.",
                related: ["reward-hacking"], tags: ["training"]),
        ])

    private static let syllables = ["ka", "lo", "mi", "ren", "tus", "vor", "zel", "qua", "bri", "dax", "fen", "gor"]
    private static let nouns = [
        "model", "policy", "objective", "reward", "agent", "system", "benchmark", "dataset",
        "gradient", "oversight", "evaluation", "interpretability", "capability", "goal",
    ]
    private static let verbs = ["optimizes", "monitors", "predicts", "corrupts", "measures", "shapes", "hides", "tests"]
    private static let tagNames = ["alignment", "risk", "training", "evaluation", "governance", "theory"]

    /// A deck of `count` entries with unique made-up terms, aliases, tags and relations;
    /// some definitions use their own term (inflected) to exercise masking.
    static func generated(count: Int, seed: UInt64) -> Deck {
        var rng = SplitMix64(seed: seed)
        var entries: [Entry] = []
        var usedTerms = Set<String>()
        while entries.count < count {
            let words = Int.random(in: 1...2, using: &rng)
            let term =
                (0..<words).map { _ in
                    (0..<Int.random(in: 2...3, using: &rng)).map { _ in syllables.randomElement(using: &rng)! }.joined()
                }.joined(separator: " ").capitalized + " " + nouns.randomElement(using: &rng)!.capitalized
            let id = slug(term)
            guard usedTerms.insert(TextFold.normalize(term)).inserted, !entries.contains(where: { $0.id.rawValue == id }) else {
                continue
            }
            var definition =
                "A \(nouns.randomElement(using: &rng)!) that \(verbs.randomElement(using: &rng)!) the "
                + "\(nouns.randomElement(using: &rng)!) of a \(nouns.randomElement(using: &rng)!)"
            switch Int.random(in: 0..<4, using: &rng) {
            case 0: definition += "; several \(term.lowercased())s are common."
            case 1: definition += ", unlike a \(term.replacingOccurrences(of: " ", with: "-"))."
            default: definition += " while it \(verbs.randomElement(using: &rng)!) \(nouns.randomElement(using: &rng)!)s."
            }
            let aliases = Int.random(in: 0..<4, using: &rng) == 0 ? [String(term.prefix(3)) + "-" + String(entries.count)] : []
            let tags = Array(Set((0..<Int.random(in: 0...2, using: &rng)).map { _ in tagNames.randomElement(using: &rng)! }))
                .sorted()
            entries.append(Entry(id: EntryID(id), term: term, definition: definition, aliases: aliases, tags: tags))
        }
        for i in entries.indices {
            let links = Int.random(in: 0...4, using: &rng)
            for _ in 0..<links {
                let j = Int.random(in: 0..<entries.count, using: &rng)
                if j != i, !entries[i].related.contains(entries[j].id) { entries[i].related.append(entries[j].id) }
            }
        }
        return Deck(id: "generated", title: "Generated", entries: entries)
    }
}

@Test func generatedDecksAreDeterministicAndRich() {
    let a = QuestionTestDecks.generated(count: 80, seed: 3)
    let b = QuestionTestDecks.generated(count: 80, seed: 3)
    #expect(a == b)
    #expect(a.entries.count == 80)
    let index = QuestionIndex(deck: a)
    #expect(index.related.filter { $0.count >= 3 }.count >= 10)
    #expect(a.entries.filter { !$0.tags.isEmpty }.count >= 40)
}
