import Foundation
import GlossStore
import Testing

@testable import GlossCore

/// The rules of issue 15 that every generated question keeps, checked against the deck's
/// closeness model; returns the broken ones, as text.
func fairnessRuleViolations(_ q: Question, index: QuestionIndex) -> [String] {
    var problems: [String] = []
    guard let i = index.position(of: q.card.entry) else { return ["unknown entry"] }
    let deck = index.deck
    let positions = q.optionEntries.compactMap(index.position(of:))
    guard positions.count == q.optionEntries.count else { return ["an option names no entry"] }
    let right = q.correct.first.map { positions[$0] }
    func words(_ text: String) -> [String] { TextFold.words(text).map(Stem.of) }
    func uses(_ text: String, _ stem: String) -> Bool { words(text).contains { TermWords.matches($0, stem) } }
    func sharesWord(_ a: Int, _ b: Int) -> Bool {
        index.termStems[a].contains { x in index.termStems[b].contains { TermWords.matches(x, $0) } }
    }
    /// A stem of `k`'s term that not every option term has and the deck does not use everywhere.
    func distinctive(_ k: Int, among group: [Int]) -> [String] {
        index.termStems[k].filter { stem in
            !index.commonStems.contains(stem)
                && !group.allSatisfy { j in index.termStems[j].contains { TermWords.matches($0, stem) } }
        }
    }
    switch q.format {
    case .relatedChoice:
        guard let r = right else { return ["no right option"] }
        if !index.relatedSet[i].contains(r) { problems.append("right option \(deck.entries[r].id) not linked") }
        if sharesWord(r, i) { problems.append("right option shares a word with the asked term") }
        if index.broad[i] { problems.append("asked entry is broad") }
        for d in positions where d != r && !index.isFar(i, d) {
            problems.append("distractor \(deck.entries[d].id) is not far (closeness \(index.closeness(i, d)))")
        }
        if positions.count != QuestionGenerator.optionCount { problems.append("\(positions.count) options") }
    case .oddOneOut:
        guard let o = right else { return ["no right option"] }
        if !index.isFar(i, o) { problems.append("odd option \(deck.entries[o].id) is not far") }
        let shown = positions.filter { $0 != o }
        for k in shown where !index.relatedSet[i].contains(k) { problems.append("\(deck.entries[k].id) not linked") }
        if shown.filter({ sharesWord($0, i) }).count > 1 { problems.append("several related options share the term's words") }
    case .choiceTerm:
        if right != i { problems.append("right option is not the asked entry") }
        for stem in distinctive(i, among: positions) where uses(q.prompt, stem) {
            problems.append("prompt uses '\(stem)' of the term: \(q.prompt)")
        }
        for k in positions where k != i {
            if index.isSynonym(i, k) { problems.append("lure \(deck.entries[k].id) is a synonym") }
        }
        if q.options.count <= 2, !q.hint.isEmpty { problems.append("a hint with two options gives the answer") }
        for k in positions where k != i && QuestionIndex.sortedContains(index.definitionMentions[i], k) {
            problems.append("the prompt names lure \(deck.entries[k].id) (a blank would rule it out)")
        }
    case .choiceDefinition:
        for (k, option) in zip(positions, q.options) where k != i && option.contains(Mask.blank) {
            problems.append("lure \(deck.entries[k].id) shows a blank: \(option)")
        }
        for stem in index.termStems[i] where !index.commonStems.contains(stem) {
            let using = q.options.filter { uses($0, stem) }.count
            if using > 0 && using < q.options.count { problems.append("only \(using) options use '\(stem)'") }
        }
        if q.options.count <= 2, !q.hint.isEmpty { problems.append("a hint with two options gives the answer") }
    case .matching:
        let terms = q.termEntries.compactMap(index.position(of:))
        for (k, option) in zip(positions, q.options) {
            for stem in distinctive(k, among: terms) where uses(option, stem) {
                problems.append("definition of \(deck.entries[k].id) uses '\(stem)' of its term")
            }
        }
        if let t = terms.firstIndex(of: i), q.hint.hasPrefix("\(t + 1) goes with") {
            problems.append("hint gives the asked pair")
        }
        for a in terms {
            for b in terms where a != b && QuestionIndex.sortedContains(index.definitionMentions[a], b) {
                problems.append("definition of \(deck.entries[a].id) names \(deck.entries[b].id)")
            }
        }
    case .typed:
        for stem in index.nameStems[i] where !index.commonStems.contains(stem) && uses(q.prompt, stem) {
            problems.append("prompt uses '\(stem)' of a name: \(q.prompt)")
        }
    case .cloze:
        for stem in index.nameStems[i] where !index.commonStems.contains(stem) && uses(q.prompt, stem) {
            problems.append("cloze prompt uses '\(stem)' of a name: \(q.prompt)")
        }
    case .nameRelated, .flashcard: break
    }
    if [.choiceTerm, .choiceDefinition, .relatedChoice, .oddOneOut].contains(q.format), q.options.count >= 3 {
        // An elimination hint leaves at least two options standing.
        let ruledOut = q.hint.components(separatedBy: "not ").count - 1
        if q.options.count - ruledOut < 2 { problems.append("hint leaves one option: \(q.hint)") }
    }
    return problems
}

/// Decks the fairness suites run over.
enum FairnessDecks {
    static func load(_ relative: String) -> Deck? {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return try? DeckLoader.load(file: root.appendingPathComponent(relative).path).deck
    }

    static let shipped = load("Decks/ai-safety.md")
    static let epidemiology = load("Tests/GlossCoreTests/Fixtures/decks/epidemiology.md")
}

@Suite struct QuestionFairnessTests {
    static let formats: [QuestionFormat] = [.choiceTerm, .choiceDefinition, .typed, .relatedChoice, .oddOneOut, .matching]

    /// 1,000 seeds of `format` over `deck`: each question keeps every rule; returns how many were made.
    static func check(_ deck: Deck, _ format: QuestionFormat, seeds: Range<UInt64> = 0..<1000) throws -> Int {
        let index = QuestionIndex(deck: deck)
        let generator = QuestionGenerator(index: index)
        var made = 0
        for seed in seeds {
            var rng = SplitMix64(seed: seed)
            let entry = deck.entries[Int.random(in: 0..<deck.entries.count, using: &rng)]
            let card = CardKey(deck: deck.id, entry: entry.id, facet: QuestionGenerator.facet(for: format))
            guard generator.canAsk(card, as: format) else { continue }
            let question = try generator.question(for: card, format: format, using: &rng)
            made += 1
            let problems = fairnessRuleViolations(question, index: index) + fairnessViolations(question, deck: deck)
            #expect(problems.isEmpty, "\(deck.id) seed \(seed): \(problems)")
            if !problems.isEmpty { break }
        }
        return made
    }

    @Test("shipped deck keeps the fairness rules over 1,000 seeds", arguments: formats)
    func shipped(format: QuestionFormat) throws {
        let deck = try #require(FairnessDecks.shipped)
        #expect(try Self.check(deck, format) >= 300)
    }

    @Test("epidemiology deck keeps the fairness rules over 1,000 seeds", arguments: formats)
    func epidemiology(format: QuestionFormat) throws {
        let deck = try #require(FairnessDecks.epidemiology)
        #expect(try Self.check(deck, format) >= 300)
    }

    @Test("random decks keep the fairness rules", arguments: formats)
    func random(format: QuestionFormat) throws {
        for deckSeed in UInt64(1)...10 {
            let deck = QuestionTestDecks.generated(count: 60, seed: deckSeed)
            _ = try Self.check(deck, format, seeds: 0..<100)
        }
    }
}
