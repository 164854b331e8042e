import ArgumentParser
import Foundation
import GlossCore
import GlossStore

/// `quiz [N]`: a quick practice quiz; answers are logged but the schedule does not move.
struct QuizCommand: GlossCommand {
    static let configuration = CommandConfiguration(
        commandName: "quiz",
        abstract: "A quick quiz of N questions (default 10); practice that leaves the schedule alone.")

    @Argument(help: "How many questions.")
    var count = 10

    @Option(name: .long, help: "The deck (default: the current deck).")
    var deck: String?

    @Option(name: .long, help: "Only entries with this tag.")
    var tag: String?

    @Option(name: .long, help: "Only this facet: recognize, recall or relate.")
    var facet: String?

    @Option(
        name: .customLong("format"),
        help: "Ask only in this format: \(QuestionFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: String?

    @OptionGroup var global: GlobalOptions

    /// Share of a quiz drawn from entries never studied, so a quiz also previews a little.
    static let newShare = 0.2

    func validate() throws {
        if count < 1 || count > 500 { throw ValidationError("quiz takes 1 to 500 questions, not \(count)") }
        if let facet, Facet(rawValue: facet) == nil {
            throw ValidationError("--facet '\(facet)' is not one of: recognize, recall, relate")
        }
        if let format, QuestionFormat(rawValue: format) == nil {
            throw ValidationError(
                "--format '\(format)' is not one of: \(QuestionFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run(in session: Session) throws {
        let deck = try session.resolveDeck(deck)
        let store = try session.progress()
        let console = session.console
        var keys = DeckCards.of(deck).map(\.key)
        if let tag {
            let tagged = Set(deck.entries.filter { $0.tags.contains { $0.lowercased() == tag.lowercased() } }.map(\.id))
            keys = keys.filter { tagged.contains($0.entry) }
            if keys.isEmpty {
                let tags = Set(deck.entries.flatMap(\.tags)).sorted()
                throw ValidationError("no entry in '\(deck.id)' has the tag '\(tag)' (tags: \(tags.joined(separator: ", ")))")
            }
        }
        let forcedFormat = format.flatMap(QuestionFormat.init(rawValue:))
        if let facet = facet.flatMap(Facet.init(rawValue:)) ?? forcedFormat.map(QuestionGenerator.facet(for:)),
            forcedFormat != .flashcard
        {
            keys = keys.filter { $0.facet == facet }
        }
        var rng = SplitMix64(seed: session.seed ^ 0x5155_495A)
        let seen = keys.filter { store.state.cards[$0] != nil }.shuffled(using: &rng)
        let unseen = keys.filter { store.state.cards[$0] == nil }.shuffled(using: &rng)
        let newCount = seen.isEmpty ? count : min(unseen.count, Int((Double(count) * Self.newShare).rounded()))
        var picked = Array(seen.prefix(count - newCount)) + Array(unseen.prefix(newCount))
        if picked.count < count { picked += unseen.dropFirst(newCount).prefix(count - picked.count) }
        picked.shuffle(using: &rng)
        guard !picked.isEmpty else {
            console.line("There is nothing to quiz on in \(deck.id).")
            return
        }
        var plan = QuizPlan(cards: picked)
        let runner = try StudyRunner(
            session: session, store: store, reader: session.answerReader(), decks: [deck],
            mode: .quiz, format: forcedFormat)
        console.line(
            "Quiz: \(picked.count) question\(picked.count == 1 ? "" : "s") on \(deck.id). Practice only: your schedule does not change."
        )
        _ = runner.run(plan: &plan) { plan in
            "\(runner.summary.answered + 1)/\(picked.count) · quiz · \(deck.id)"
        }
        store.saveSnapshot()  // a failure is said once, on exit: the answers are in the journal
        console.line()
        let summary = runner.summary
        console.line(
            console.paint("Score: \(summary.right)/\(summary.answered)", .emphasis) + " — "
                + summary.scoreLine(elapsed: runner.elapsed))
        let missed = summary.hardest.map(\.term)
        if !missed.isEmpty { console.wrapped("Missed: " + missed.joined(separator: ", ") + ".") }
    }
}

/// A fixed list of cards, asked once each (a skipped card goes to the end).
struct QuizPlan: StudyPlan {
    private var cards: [CardKey]

    init(cards: [CardKey]) { self.cards = cards }

    var counts: (left: Int, new: Int, learning: Int) { (cards.count, 0, 0) }
    mutating func next(at now: Date) -> CardKey? { cards.isEmpty ? nil : cards.removeFirst() }
    mutating func answered(_ key: CardKey, state: CardState, at now: Date) {}
    mutating func postpone(_ key: CardKey) { cards.append(key) }
    mutating func putFirst(_ key: CardKey) { cards.insert(key, at: 0) }
}
