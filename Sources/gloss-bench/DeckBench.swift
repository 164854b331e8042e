import Foundation
import GlossCore
import GlossStore

/// Deck formats at the design scale: one deck of 10,000 entries, each with aliases, tags
/// and 5 related links, read and written as Markdown and JSON, and linted.
func deckBench() -> BenchGroup {
    BenchGroup(name: "decks") {
        let deck = syntheticDeck(entries: 10_000)
        let markdown = MarkdownDeckWriter.write(deck)
        let json = JSONDeckCoder.write(deck)
        let parsed = try MarkdownDeckParser.parse(markdown, file: "big.md")
        guard parsed.deck == deck else { throw StoreError.unreadable(file: "big.md", reason: "round trip differs") }
        let size = "\(markdown.utf8.count / 1024) KiB md, \(json.count / 1024) KiB json"
        return [
            BenchResult(
                name: "parse markdown 10k entries",
                nanosecondsPerOp: try measure(iterations: 1, rounds: 3) {
                    blackHole(try MarkdownDeckParser.parse(markdown, file: "big.md"))
                }, operations: 3, note: size),
            BenchResult(
                name: "write markdown 10k entries",
                nanosecondsPerOp: measure(iterations: 1, rounds: 3) {
                    blackHole(MarkdownDeckWriter.write(deck))
                }, operations: 3),
            BenchResult(
                name: "parse json 10k entries",
                nanosecondsPerOp: try measure(iterations: 1, rounds: 3) {
                    blackHole(try JSONDeckCoder.parse(json, file: "big.json"))
                }, operations: 3),
            BenchResult(
                name: "write json 10k entries",
                nanosecondsPerOp: measure(iterations: 1, rounds: 3) {
                    blackHole(JSONDeckCoder.write(deck))
                }, operations: 3),
            BenchResult(
                name: "lint 10k entries",
                nanosecondsPerOp: measure(iterations: 1, rounds: 3) {
                    blackHole(DeckLinter.lint(parsed))
                }, operations: 3),
        ]
    }
}

/// A deck whose entries relate symmetrically to their 5 neighbours (±1, ±2 and +n/2).
private func syntheticDeck(entries count: Int) -> Deck {
    func term(_ i: Int) -> String { "Concept \(i) of Systems" }
    let entries = (0..<count).map { i in
        let neighbours = Set([i + 1, i - 1, i + 2, i - 2, i + count / 2, i - count / 2].map { ($0 + count) % count })
        return Entry(
            id: EntryID(slug(term(i))), term: term(i),
            definition: "A made-up idea number \(i) used to measure how fast decks load and lint.",
            explanation: "It has a longer explanation.\n\nIn two paragraphs, like real entries.",
            related: neighbours.sorted().map { EntryID(slug(term($0))) },
            aliases: ["C\(i)"], tags: ["bench", "group-\(i % 10)"])
    }
    return Deck(id: "big", title: "Benchmark Deck", entries: entries)
}
