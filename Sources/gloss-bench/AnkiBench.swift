import Foundation
import GlossCore
import GlossStore

/// Anki packages at scale: a 10,000-note package with 100,000 revlog rows (made by gloss's own
/// exporter from the scale deck and a synthetic history), read and replayed, and the export.
enum AnkiScale {
    /// The scale deck and 100,000 answers on its 20,000 cards (5 each, at most 30 days apart, from 2023).
    static func make(notes: Int = 10_000, reviews: Int = 100_000) throws -> (Deck, AnkiPackageWriter.Progress) {
        let deck = ScaleDeck.make(id: "scale", entries: notes, seed: 19)
        let scheduler = try LearnerSettings().makeScheduler()
        var rng = SplitMix64(seed: 19)
        var records: [ReviewRecord] = []
        records.reserveCapacity(reviews)
        var cards: [CardKey: CardState] = [:]
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        let keys = deck.entries.flatMap { entry in
            [Facet.recall, .recognize].map { CardKey(deck: deck.id, entry: entry.id, facet: $0) }
        }
        let perCard = max(1, reviews / keys.count)
        for (index, key) in keys.enumerated() where records.count < reviews {
            var state = CardState.new
            // Each card's answers in its own millisecond, so no two revlog ids collide (Anki's
            // revlog id is the answer time; a collision moves one by 1 ms, across a day boundary).
            let millisecond = Double(index % 1000) / 1000
            var time = start.addingTimeInterval(Double(index) * 60 + millisecond)
            for _ in 0..<perCard where records.count < reviews {
                let roll = Double(rng.next() % 100)
                let rating: Rating = roll < 10 ? .again : roll < 20 ? .hard : roll < 90 ? .good : .easy
                let after = scheduler.review(state, rating: rating, at: time, card: key)
                records.append(
                    ReviewRecord(
                        seq: records.count + 1, time: time, card: key, correct: rating != .again, rating: rating,
                        responseMs: 2000 + Int(rng.next() % 8000), before: state, after: after))
                state = after
                // On time, but never more than 30 days on: the history ends well before now.
                let next = min(max(time.addingTimeInterval(600), after.due ?? time), time.addingTimeInterval(30 * 86_400))
                time = Date(timeIntervalSince1970: next.timeIntervalSince1970.rounded(.down) + millisecond)
            }
            cards[key] = state
        }
        records.sort { $0.time < $1.time }
        return (deck, AnkiPackageWriter.Progress(cards: cards, records: records))
    }

    /// `gloss-bench gen-anki-package OUT.apkg`: writes the scale package for timing the CLI.
    static func write(to path: String) throws {
        let (deck, progress) = try make()
        let data = try AnkiPackageWriter.package(
            deck, progress: progress, now: Date(timeIntervalSince1970: 1_800_000_000), legacy: false)
        try data.write(to: URL(fileURLWithPath: path))
        print("wrote \(path): \(deck.entries.count) notes, \(progress.records.count) revlog rows, \(data.count / 1000) kB")
    }
}

@MainActor let ankiBenches = BenchGroup(name: "anki") {
    let (deck, progress) = try AnkiScale.make()
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("gloss-bench-anki-\(getpid()).apkg").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    var results: [BenchResult] = []
    var bytes = 0
    let exportNs = try measure(iterations: 1, rounds: 3) {
        let data = try AnkiPackageWriter.package(deck, progress: progress, now: now, legacy: false)
        bytes = data.count
        try data.write(to: URL(fileURLWithPath: path))
    }
    results.append(
        BenchResult(
            name: "export 10,000 notes + 100,000 revlog rows (.apkg)", nanosecondsPerOp: exportNs, operations: 3,
            note: "goal < 2 s; \(bytes / 1000) kB"))
    let scheduler = try LearnerSettings().makeScheduler()
    var replayed = 0
    let importNs = try measure(iterations: 1, rounds: 3) {
        let imported = try AnkiPackageImporter.read(path, options: AnkiImportOptions(deckID: "scale", now: now))
        replayed = imported.records(scheduler: scheduler).count
    }
    results.append(
        BenchResult(
            name: "import 10,000 notes + 100,000 revlog rows: read, map, replay", nanosecondsPerOp: importNs, operations: 3,
            note: "goal < 2 s; \(replayed) answers (journal append not included)"))
    return results
}
