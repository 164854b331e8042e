/// A generated glossary for the simulated learner: fixed by its size and seed, so a
/// benchmark figure does not move when the shipped decks grow.
///
/// ```swift
/// let deck = SimulationDeck.make(entries: 100)   // "Bravik lattice: A sparse method that ..."
/// ```
public enum SimulationDeck {
    static let first = [
        "Bra", "Cor", "Del", "Fen", "Gal", "Hov", "Jas", "Kel", "Lum", "Mor", "Nev", "Pax", "Quin", "Rov", "Sil", "Tav", "Ulm",
        "Vor", "Wex", "Zan",
    ]
    static let second = ["vik", "dell", "tira", "mon", "sap", "rune", "lix", "ober", "quay", "nest"]
    static let nouns = [
        "lattice", "gradient", "filter", "channel", "buffer", "ledger", "kernel", "beacon", "anchor", "mirror",
    ]
    static let adjectives = [
        "sparse", "layered", "recurrent", "adaptive", "bounded", "latent", "robust", "shallow", "greedy", "causal",
        "noisy", "frozen", "modular", "implicit", "stochastic", "symbolic", "distilled", "convex", "dormant", "hybrid",
    ]
    static let methods = [
        "method", "measure", "model", "process", "signal", "protocol", "heuristic", "estimate", "pattern", "test",
    ]
    static let verbs = [
        "compresses", "ranks", "aligns", "predicts", "audits", "steers", "detects", "rewards", "filters", "verifies",
    ]
    static let objects = [
        "reward signals", "training data", "user queries", "hidden states", "model outputs", "safety cases",
        "policy updates", "sensor readings", "search results", "error reports", "value estimates", "log records",
    ]

    /// A deck of `entries` entries (at most 2,000) with distinct terms and definitions; two in
    /// three entries are related to the next one, every fifth also to the one seven on.
    public static func make(entries count: Int = 100, id: DeckID = "simulated") -> Deck {
        let n = max(0, min(count, 2000))
        var entries: [Entry] = []
        for i in 0..<n {
            let term =
                first[i % first.count] + second[(i / first.count) % second.count] + " "
                + nouns[(i / (first.count * second.count) + i) % nouns.count]
            let definition =
                "A \(adjectives[i % adjectives.count]) \(methods[(i / 2) % methods.count]) that "
                + "\(verbs[(i * 3) % verbs.count]) \(objects[(i * 7) % objects.count]) (variant \(i + 1))."
            var related: [EntryID] = []
            if i % 3 != 2, i + 1 < n { related.append(EntryID("e\(i + 1)")) }
            if i % 5 == 0, i + 7 < n { related.append(EntryID("e\(i + 7)")) }
            entries.append(Entry(id: EntryID("e\(i)"), term: term, definition: definition, related: related))
        }
        return Deck(id: id, title: "Simulated glossary", entries: entries)
    }
}
