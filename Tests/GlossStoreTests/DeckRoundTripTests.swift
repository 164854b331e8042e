import Foundation
import GlossCore
import Testing

@testable import GlossStore

/// parse(write(deck)) == deck, in both formats, for decks whose strings are well-formed.
@Suite struct DeckRoundTripTests {
    func markdownRoundTrip(_ deck: Deck) throws -> Deck {
        try MarkdownDeckParser.parse(MarkdownDeckWriter.write(deck), file: "\(deck.id).md").deck
    }

    func jsonRoundTrip(_ deck: Deck) throws -> Deck {
        try JSONDeckCoder.parse(JSONDeckCoder.write(deck), file: "\(deck.id).json").deck
    }

    @Test func aDefinitionThatStartsLikeAKeyIsNotMetadata() throws {
        let deck = Deck(
            id: "d", title: "T",
            entries: [
                Entry(id: "ratio", term: "Ratio", definition: "note: a quotient of two numbers."),
                Entry(id: "sum", term: "Sum", definition: "see: the result of adding.", tags: ["math"]),
            ])
        #expect(try markdownRoundTrip(deck) == deck)
    }

    @Test func quotedTitleAndDescriptionKeepTheirQuotes() throws {
        let deck = Deck(
            id: "d", title: "\"Quoted\"", description: "\"Also quoted\"",
            entries: [
                Entry(id: "a", term: "A", definition: "x.")
            ])
        #expect(try markdownRoundTrip(deck) == deck)
    }

    @Test func aRelatedTermWithACommaIsWrittenByID() throws {
        let deck = Deck(
            id: "d", title: "T",
            entries: [
                Entry(id: "reading-writing", term: "Reading, Writing", definition: "x.", related: ["arithmetic"]),
                Entry(id: "arithmetic", term: "Arithmetic", definition: "y.", related: ["reading-writing"]),
            ])
        let text = MarkdownDeckWriter.write(deck)
        #expect(text.contains("## Arithmetic\nrelated: reading-writing\n"))
        #expect(try markdownRoundTrip(deck) == deck)
    }

    @Test func aTermBeatsAnotherEntrysIDOrAlias() throws {
        // "Bar" is the term of the second entry, the id of the first and an alias of the third.
        let deck = Deck(
            id: "d", title: "T",
            entries: [
                Entry(id: "bar", term: "Foo", definition: "x."),
                Entry(id: "bar-2", term: "Bar", definition: "y.", related: ["baz"]),
                Entry(id: "baz", term: "Baz", definition: "z.", related: ["bar-2", "bar"], aliases: ["Bar-2"]),
            ])
        #expect(try markdownRoundTrip(deck) == deck)
        #expect(try jsonRoundTrip(deck) == deck)
    }

    @Test func jsonRelatedIDsResolveByIDBeforeAliases() throws {
        let deck = Deck(
            id: "d", title: "T",
            entries: [
                Entry(id: "large-language-model", term: "Large Language Model", definition: "x.", aliases: ["llm"]),
                Entry(id: "llm", term: "LLM Evaluation", definition: "y."),
                Entry(id: "benchmark", term: "Benchmark", definition: "z.", related: ["llm"]),
            ])
        #expect(try jsonRoundTrip(deck) == deck)
    }

    @Test func jsonIsVersionedPrettyAndSorted() throws {
        let deck = Deck(id: "d", title: "T", entries: [Entry(id: "a", term: "A", definition: "x.")])
        let text = String(decoding: JSONDeckCoder.write(deck), as: UTF8.self)
        #expect(
            text == """
                {
                  "description" : "",
                  "entries" : [
                    {
                      "aliases" : [

                      ],
                      "definition" : "x.",
                      "explanation" : "",
                      "id" : "a",
                      "related" : [

                      ],
                      "tags" : [

                      ],
                      "term" : "A"
                    }
                  ],
                  "id" : "d",
                  "title" : "T",
                  "version" : 1
                }
                """)
    }

    @Test("random well-formed decks round-trip", arguments: 0..<40)
    func randomDecks(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let deck = randomDeck(using: &rng)
        #expect(try markdownRoundTrip(deck) == deck, "seed \(seed):\n\(MarkdownDeckWriter.write(deck))")
        #expect(try jsonRoundTrip(deck) == deck, "seed \(seed)")
    }
}

// MARK: - A generator of well-formed decks

/// Words that stress the format: colons, quotes, hashes, dashes, commas inside text, non-ASCII.
private let words = [
    "alpha", "Beta", "gamma:", "delta", "note:", "id:", "\"quoted\"", "#tag", "##", "---", "x-y",
    "Café", "naïve", "a,b", "(AGI)", "50%", "C++", "r&d", "über", "Ω", "tags:", "related:", "日本",
]

private func pick<T>(_ items: [T], _ rng: inout SplitMix64) -> T {
    items[Int(rng.next() % UInt64(items.count))]
}

private func phrase(_ count: ClosedRange<Int>, _ rng: inout SplitMix64, noCommas: Bool = false) -> String {
    let n = count.lowerBound + Int(rng.next() % UInt64(count.count))
    var parts: [String] = []
    for _ in 0..<n {
        var word = pick(words, &rng)
        if noCommas { word = word.replacingOccurrences(of: ",", with: "") }
        // Keep the first word from reading as markup at the start of a line.
        if parts.isEmpty, word.hasPrefix("#") || word == "---" { word = "w" + word }
        parts.append(word)
    }
    return parts.joined(separator: " ")
}

private func randomDeck(using rng: inout SplitMix64) -> Deck {
    let count = Int(rng.next() % 7)
    var entries: [Entry] = []
    var usedNames = Set<String>()
    var usedIDs = Set<String>()
    while entries.count < count {
        let term = phrase(1...3, &rng)
        let explicit = rng.next() % 4 == 0
        let id = explicit ? "e\(entries.count)-\(rng.next() % 100)" : slug(term)
        guard !id.isEmpty, !usedNames.contains(term.lowercased()), !usedIDs.contains(id) else { continue }
        var aliases: [String] = []
        for _ in 0..<Int(rng.next() % 3) {
            let alias = phrase(1...2, &rng, noCommas: true)
            if !usedNames.contains(alias.lowercased()), alias.lowercased() != term.lowercased(),
                !aliases.contains(where: { $0.lowercased() == alias.lowercased() })
            {
                aliases.append(alias)
            }
        }
        usedNames.insert(term.lowercased())
        usedNames.formUnion(aliases.map { $0.lowercased() })
        usedIDs.insert(id)
        let paragraphs = Int(rng.next() % 3)
        // Some paragraphs end in a list, whose items keep their own lines.
        let explanation = (0..<paragraphs).map { _ in
            let items = rng.next() % 3 == 0 ? (1...Int(1 + rng.next() % 3)).map { _ in "\n- " + phrase(1...3, &rng) } : []
            return phrase(1...6, &rng) + items.joined()
        }.joined(separator: "\n\n")
        entries.append(
            Entry(
                id: EntryID(id), term: term, definition: phrase(1...8, &rng), explanation: explanation,
                aliases: aliases, tags: (0..<Int(rng.next() % 3)).map { _ in phrase(1...1, &rng, noCommas: true) }))
    }
    for index in entries.indices {
        let others = entries.indices.filter { $0 != index && rng.next() % 3 == 0 }
        entries[index].related = others.map { entries[$0].id }
    }
    let description = rng.next() % 2 == 0 ? "" : phrase(1...5, &rng)
    return Deck(
        id: DeckID("deck-\(rng.next() % 1000)"), title: phrase(1...4, &rng), description: description,
        entries: entries)
}
