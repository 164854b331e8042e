import Foundation
import GlossCore

/// A synthetic glossary at the design scale: made-up words built from syllables, terms of
/// 1–4 words, one-sentence definitions of 12–30 words, two-sentence explanations, 0–6
/// related entries (symmetric), 0–2 aliases and 1–3 tags. Same seed, same deck.
enum ScaleDeck {
    private static let syllables = [
        "ka", "lo", "mi", "ter", "ven", "sor", "al", "pra", "dex", "nu", "ri", "gon", "tel", "qua", "zen", "bor",
        "cy", "lum", "fa", "ris", "ho", "mer", "pi", "stra", "tor", "ul", "vi", "xen", "ya", "ze", "ob", "ent",
    ]
    private static let filler = [
        "the", "a", "of", "model", "which", "signal", "training", "reward", "method", "that", "measures", "system",
        "policy", "under", "when", "data", "learned", "objective", "agent", "its", "from", "behaviour", "risk",
        "evaluation", "for", "input", "output", "across", "set", "in", "used", "to", "describe", "estimate",
    ]

    static func word(_ rng: inout SplitMix64) -> String {
        let count = Int.random(in: 2...4, using: &rng)
        return (0..<count).map { _ in syllables[Int.random(in: 0..<syllables.count, using: &rng)] }.joined()
    }

    private static func sentence(words: ClosedRange<Int>, _ rng: inout SplitMix64) -> String {
        let n = Int.random(in: words, using: &rng)
        let text = (0..<n).map { i in
            i % 4 == 2 ? word(&rng) : filler[Int.random(in: 0..<filler.count, using: &rng)]
        }.joined(separator: " ")
        return text.prefix(1).uppercased() + text.dropFirst() + "."
    }

    /// `count` entries with distinct terms and ids, in deck `id`.
    static func make(id: String, entries count: Int, seed: UInt64) -> Deck {
        var rng = SplitMix64(seed: seed)
        var terms: [String] = []
        var used = Set<String>()
        while terms.count < count {
            let words = Int.random(in: 1...4, using: &rng)
            let term = (0..<words).map { _ in word(&rng).capitalized }.joined(separator: " ")
            let id = slug(term)
            if !id.isEmpty, used.insert(id).inserted { terms.append(term) }
        }
        var related = Array(repeating: Set<Int>(), count: count)
        for i in 0..<count {
            for _ in 0..<Int.random(in: 0...3, using: &rng) {
                let j = Int.random(in: 0..<count, using: &rng)
                if j != i, related[i].count < 6, related[j].count < 6 {
                    related[i].insert(j)
                    related[j].insert(i)
                }
            }
        }
        let tagNames = (0..<40).map { _ in word(&rng) }
        let entries = (0..<count).map { i in
            let initials = String(terms[i].split(separator: " ").compactMap(\.first))
            let aliases = (0..<Int.random(in: 0...2, using: &rng)).map { k in k == 0 ? "\(initials)\(i)" : "\(initials)-\(i)" }
            let tags = Set((0..<Int.random(in: 1...3, using: &rng)).map { _ in tagNames[Int.random(in: 0..<40, using: &rng)] })
            return Entry(
                id: EntryID(slug(terms[i])), term: terms[i],
                definition: sentence(words: 12...30, &rng),
                explanation: sentence(words: 15...40, &rng) + " " + sentence(words: 10...30, &rng),
                related: related[i].sorted().map { EntryID(slug(terms[$0])) },
                aliases: aliases, tags: tags.sorted())
        }
        return Deck(id: DeckID(id), title: "Scale \(count)", description: "Synthetic deck (seed \(seed)).", entries: entries)
    }
}
