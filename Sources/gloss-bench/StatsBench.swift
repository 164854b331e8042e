import Foundation
import GlossCore
import GlossStore

/// A big synthetic history: 20 decks × 500 entries (30,000 cards) and 1,000,000 review
/// records over ~3 years, generated in memory with a fixed seed.
private func syntheticHistory() -> (decks: [Deck], states: [CardKey: CardState], records: [ReviewRecord], now: Date) {
    var rng = SplitMix64(seed: 7)
    let decks = (0..<20).map { d in
        Deck(
            id: DeckID("deck-\(d)"), title: "Deck \(d)",
            entries: (0..<500).map { e in
                Entry(
                    id: EntryID("entry-\(e)"), term: "Term \(d)-\(e)", definition: "Definition \(e).",
                    related: e % 2 == 0 ? [EntryID("entry-\(e + 1)")] : [])
            })
    }
    let cards = decks.flatMap { DeckCards.of($0).map(\.key) }
    let now = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01
    let span = 3 * 365 * 86_400.0
    var states: [CardKey: CardState] = [:]
    for key in cards {
        let stability = Double.random(in: 0.5...400, using: &rng)
        let last = now.addingTimeInterval(-Double.random(in: 0...(stability * 86_400), using: &rng))
        states[key] = CardState(
            phase: .review, stability: stability, difficulty: 5, due: last.addingTimeInterval(stability * 86_400),
            lastReview: last, reps: 10, lapses: Int.random(in: 0...4, using: &rng))
    }
    var records: [ReviewRecord] = []
    records.reserveCapacity(1_000_000)
    let before = CardState(phase: .review, stability: 10, difficulty: 5, lastReview: now.addingTimeInterval(-span - 86_400))
    for seq in 1...1_000_000 {
        let time = now.addingTimeInterval(-span + span * Double(seq) / 1_000_000)
        let correct = Int.random(in: 0..<10, using: &rng) < 9
        let card = cards[Int.random(in: 0..<cards.count, using: &rng)]
        records.append(
            ReviewRecord(
                seq: seq, kind: seq % 10 == 0 ? .practice : .review, time: time, card: card, correct: correct,
                rating: correct ? .good : .again, responseMs: 4000,
                confusedWith: correct ? nil : EntryID("entry-\(seq % 500)"), before: before))
    }
    return (decks, states, records, now)
}

/// `stats`: the summary (what `gloss stats` and `export --what summary` compute) and rendering.
@MainActor let statsBenches = BenchGroup(name: "stats") {
    let (decks, states, records, now) = syntheticHistory()
    let zone = TimeZone(identifier: "Europe/Paris") ?? .current
    func retrievability(_ state: CardState, _ at: Date) -> Double {
        guard let s = state.stability, let last = state.lastReview else { return 0 }
        return pow(1 + 19.0 / 81.0 * at.timeIntervalSince(last) / 86_400 / s, -0.5)
    }
    func summary() -> StatsSummary {
        StatsSummary(
            records: records, states: states, decks: decks, now: now, timeZone: zone, rolloverHour: 4,
            desiredRetention: 0.9, retrievability: retrievability)
    }
    var results: [BenchResult] = []
    var last = summary()
    let summaryNs = measure(iterations: 1, rounds: 3) { last = summary() }
    results.append(
        BenchResult(
            name: "summary 1M records, 30k cards", nanosecondsPerOp: summaryNs, operations: 1,
            note: "answers \(last.totalAnswers), days \(last.studyDays)"))
    var bytes = 0
    let exportNs = try measure(iterations: 1, rounds: 3) {
        let data = try StatsJSON.encode(summary())
        bytes = data.count
    }
    results.append(
        BenchResult(
            name: "export summary JSON (summary + encode)", nanosecondsPerOp: exportNs, operations: 1, note: "\(bytes) bytes"))
    let renderNs = measure(iterations: 10, rounds: 3) {
        blackHole(StatsText.render(last, width: 100) { text, _ in text })
        blackHole(StatsHTML.render(last))
    }
    results.append(BenchResult(name: "render text + HTML", nanosecondsPerOp: renderNs, operations: 10))
    return results
}

/// `stats-export`: the reviews CSV through CSVWriter (slow: run on its own).
@MainActor let statsExportBenches = BenchGroup(name: "stats-export") {
    let records = syntheticHistory().records
    var results: [BenchResult] = []
    var lines = 0
    let reviewsNs = try measure(iterations: 1, rounds: 1) {
        let text = try ReviewsCSV.text(rows: ReviewsCSV.rows(records: records))
        lines = text.utf8.reduce(0) { $1 == 10 ? $0 + 1 : $0 }
    }
    results.append(
        BenchResult(
            name: "reviews CSV 900k rows (CSVWriter, in memory)", nanosecondsPerOp: reviewsNs, operations: 1,
            note: "\(lines) lines"))
    return results
}
