import CSV
import Foundation
import GlossCore
import GlossStore

/// The synthetic review workload shared with scripts/bench-py-fsrs.py (same formulas there):
/// `cards` cards × `perCard` reviews, ratings and gaps from fixed tables.
enum SchedulerWorkload {
    static let ratings = [3, 3, 1, 3, 4, 3, 2, 3, 3, 3]
    static let gapHours: [Double] = [0.1, 20, 30, 72, 200, 2, 400, 900, 50, 24]
    static let start = Date(timeIntervalSince1970: 1_700_000_000)

    static func rating(card: Int, review: Int) -> Rating { Rating(rawValue: ratings[(card + review) % 10]) ?? .good }
    static func gap(card: Int, review: Int) -> Double { gapHours[(card * 3 + review) % 10] * 3600 }
}

@MainActor let schedulerBenches = BenchGroup(name: "scheduler") {
    var results: [BenchResult] = []
    let fsrs = FSRSScheduler(learningSteps: [], relearningSteps: [], fuzz: false)

    // FSRS review updates on the shared workload (1,000 cards × 20 reviews).
    let cards = 1000
    let perCard = 20
    var checksum = 0.0
    let perReview =
        measure(iterations: 1, rounds: 7) {
            for c in 0..<cards {
                var s = CardState.new
                var t = SchedulerWorkload.start
                for k in 0..<perCard {
                    s = fsrs.review(s, rating: SchedulerWorkload.rating(card: c, review: k), at: t, fuzzSeed: 0)
                    t += SchedulerWorkload.gap(card: c, review: k)
                }
                checksum += s.stability ?? 0
            }
        } / Double(cards * perCard)
    results.append(
        BenchResult(
            name: "fsrs review update", nanosecondsPerOp: perReview, operations: cards * perCard,
            note: String(format: "%.0f updates/s", 1e9 / perReview)))
    blackHole(checksum)

    // Today's queue from 30,000 card states.
    let now = SchedulerWorkload.start
    var pairs: [(key: CardKey, state: CardState)] = []
    var states: [CardKey: CardState] = [:]
    var rng = SplitMix64(seed: 42)
    for i in 0..<30_000 {
        let key = CardKey(deck: DeckID("bench"), entry: EntryID("entry-\(i / 2)"), facet: i % 2 == 0 ? .recall : .recognize)
        let roll = Int(rng.next() % 10)
        let state: CardState
        if roll < 3 {
            state = .new
        } else if roll == 3 {
            state = CardState(
                phase: .learning, step: 1, stability: 1, difficulty: 5, due: now + 300, lastReview: now - 300, reps: 1)
        } else {
            let stability = Double(rng.next() % 300) + 1
            let dueIn = Double(Int(rng.next() % 200) - 30) * 86_400
            state = CardState(
                phase: .review, stability: stability, difficulty: 5, due: now + dueIn,
                lastReview: now + dueIn - stability * 86_400, reps: 5)
        }
        pairs.append((key, state))
        if state.phase != .new { states[key] = state }
    }
    let deckCards = pairs.map(\.key)
    let settings = LearnerSettings()
    let clock = DayClock(timeZone: TimeZone(identifier: "UTC") ?? .current)
    let queueTime = measure(iterations: 5, rounds: 7) {
        blackHole(StudyQueue(cards: pairs, now: now, settings: settings, clock: clock, scheduler: fsrs))
    }
    results.append(BenchResult(name: "queue build, 30000 cards (pairs)", nanosecondsPerOp: queueTime, operations: 5))
    let queueDictTime = measure(iterations: 5, rounds: 7) {
        blackHole(StudyQueue(states: states, deckCards: deckCards, now: now, settings: settings, clock: clock, scheduler: fsrs))
    }
    results.append(BenchResult(name: "queue build, 30000 cards (dictionary)", nanosecondsPerOp: queueDictTime, operations: 5))

    // Review-log CSV parsing, 100,000 generated rows.
    var text = "card_id,review_rating,review_time,review_duration\n"
    for i in 0..<100_000 {
        text += "\(1_711_684_180_217 + i % 5000),\(1 + i % 4),2024-03-29T20:32:\(10 + i % 50).250000+00:00,\(1000 + i)\n"
    }
    let csvTime =
        try measure(iterations: 1, rounds: 3) {
            blackHole(try ReviewLogCSV.parse(text, file: "bench.csv"))
        } / 100_000
    results.append(
        BenchResult(
            name: "review-log CSV parse (100000 rows)", nanosecondsPerOp: csvTime, operations: 100_000,
            note: String(format: "%.0f rows/s", 1e9 / csvTime)))
    // The CSV library alone (no field conversion), to separate its cost from ours.
    let libraryTime =
        try measure(iterations: 1, rounds: 3) {
            let reader = try CSVReader(string: text, hasHeaderRow: true)
            var fields = 0
            while let row = reader.next() { fields += row.count }
            blackHole(fields)
        } / 100_000
    results.append(
        BenchResult(
            name: "CSV library rows only (100000 rows)", nanosecondsPerOp: libraryTime, operations: 100_000,
            note: String(format: "%.0f rows/s", 1e9 / libraryTime)))
    return results
}
