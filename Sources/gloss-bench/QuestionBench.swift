import Foundation
import GlossCore

/// A generated deck of `count` entries: made-up terms, vocabulary-drawn definitions and
/// explanations, tags and about two relations per entry, deterministic for a seed.
func benchQuestionDeck(count: Int, seed: UInt64) -> Deck {
    let vocabulary = (0..<3000).map { "w\(String($0, radix: 36))" }
    let tags = (0..<40).map { "tag\($0)" }
    var rng = SplitMix64(seed: seed)
    var entries: [Entry] = []
    entries.reserveCapacity(count)
    for i in 0..<count {
        let term = "Term \(String(i, radix: 36)) \(vocabulary[Int.random(in: 0..<vocabulary.count, using: &rng)])"
        func words(_ count: ClosedRange<Int>) -> [String] {
            (0..<Int.random(in: count, using: &rng)).map { _ in
                // Zipf-like: small indices are common words.
                let u = Double.random(in: 0..<1, using: &rng)
                return vocabulary[min(vocabulary.count - 1, Int(pow(u, 3) * Double(vocabulary.count)))]
            }
        }
        let definition = words(8...20)
        let explanation = words(20...50)
        let related = (0..<Int.random(in: 0...4, using: &rng)).map { _ in
            EntryID("term-\(String(Int.random(in: 0..<count, using: &rng), radix: 36))")
        }
        entries.append(
            Entry(
                id: EntryID("term-\(String(i, radix: 36))"), term: term,
                definition: definition.joined(separator: " ") + ".", explanation: explanation.joined(separator: " ") + ".",
                related: related,
                tags: [tags[Int.random(in: 0..<tags.count, using: &rng)]]))
    }
    return Deck(id: "bench", title: "Bench", entries: entries)
}

/// Computed: a global `let` of the non-Sendable `BenchGroup` is refused in Swift 6 mode.
var questionBenches: BenchGroup {
    BenchGroup(name: "questions") {
        // The design-scale glossary (made-up words, real-sized definitions and explanations,
        // links, aliases and tags) for the closeness model and every question format.
        let scale = ScaleDeck.make(id: "scale", entries: 10_000, seed: 1)
        var results: [BenchResult] = []
        let build = measure(iterations: 1, rounds: 3) { blackHole(QuestionIndex(deck: scale)) }
        results.append(
            BenchResult(name: "index build, 10,000 entries", nanosecondsPerOp: build, operations: 1, note: "goal < 500 ms"))
        let scaleIndex = QuestionIndex(deck: scale)
        let scaleGenerator = QuestionGenerator(index: scaleIndex)
        for format in QuestionFormat.allCases where format != .flashcard {
            let facet = QuestionGenerator.facet(for: format)
            let cards = scale.entries.map { CardKey(deck: scale.id, entry: $0.id, facet: facet) }
            var rng = SplitMix64(seed: 7)
            var k = 0
            let iterations = 2_000
            var asked = 0
            let perQuestion = try measure(iterations: iterations, rounds: 3) {
                k = (k &+ 7919) % cards.count
                // canAsk is part of the cost: the study loop asks it before every question.
                guard scaleGenerator.canAsk(cards[k], as: format) else { return }
                asked += 1
                blackHole(try scaleGenerator.question(for: cards[k], format: format, using: &rng))
            }
            results.append(
                BenchResult(
                    name: "question \(format.rawValue) (with its canAsk; \(asked * 100 / (3 * iterations))% askable)",
                    nanosecondsPerOp: perQuestion, operations: iterations, note: "goal < 1 ms"))
        }
        // Typed answers on a deck of look-alike names ("term <id> <word>"), the matcher's worst case.
        let deck = benchQuestionDeck(count: 10_000, seed: 1)
        let index = QuestionIndex(deck: deck)
        let generator = QuestionGenerator(index: index)
        let matcher = AnswerMatcher(index: index)
        var rng = SplitMix64(seed: 3)
        let typed = try generator.question(
            for: CardKey(deck: deck.id, entry: deck.entries[42].id, facet: .recognize), format: .typed, using: &rng)
        let match = measure(iterations: 200, rounds: 3) { blackHole(matcher.match("term 16 wrongish", to: typed)) }
        results.append(
            BenchResult(name: "match a wrong typed answer (scans all names)", nanosecondsPerOp: match, operations: 200))
        // Every name here is "term <id> <word>", short words all: one letter off is near hundreds.
        let near = String(deck.entries[42].term.dropLast())
        let nearMatch = measure(iterations: 200, rounds: 3) { blackHole(matcher.match(near, to: typed)) }
        results.append(
            BenchResult(
                name: "match a typed answer one letter off, near many names", nanosecondsPerOp: nearMatch, operations: 200))
        let rules = measure(iterations: 1, rounds: 3) { blackHole(AnswerMatcher(index: index)) }
        results.append(
            BenchResult(
                name: "answer matcher build (typed-answer rules), 10,000 entries", nanosecondsPerOp: rules, operations: 1,
                note: "once per deck"))
        return results
    }
}
