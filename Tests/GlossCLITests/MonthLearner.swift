import Foundation
import GlossCore
import GlossStore

/// A simulated month of study on the shipped ai-safety deck: 26 study days out of 30, up to
/// 15 new cards and every due card a day, answers at hours spread over the day, about one in
/// four wrong (so true retention sits well below the desired 90%), some wrong typed or
/// choice answers confused with another entry. Written through `ProgressStore`, as `study` does.
enum MonthLearner {
    /// The study days start on 2026-03-02 (UTC, rollover 4); `now` is the evening of the last one.
    static let firstDay = Date(timeIntervalSince1970: 1_772_409_600)  // 2026-03-02T00:00:00Z
    static let now = "2026-03-31T21:00:00Z"
    static let skippedDays: Set<Int> = [5, 12, 19, 23]

    /// Makes `folder/Decks/ai-safety.md` and the learner `m` in `folder/Progress`.
    static func make(in folder: URL) throws {
        let decks = folder.appendingPathComponent("Decks")
        try FileManager.default.createDirectory(at: decks, withIntermediateDirectories: true)
        let deckFile = decks.appendingPathComponent("ai-safety.md")
        try FileManager.default.copyItem(at: BinaryRunner.packageRoot.appendingPathComponent("Decks/ai-safety.md"), to: deckFile)
        let deck = try DeckLoader.load(file: deckFile.path).deck
        let store = try ProgressStore(folder: folder.appendingPathComponent("Progress"), learner: "m")
        defer { try? store.close() }
        let scheduler = try store.settings.makeScheduler()
        var rng = SplitMix64(seed: 2026)
        let cards = DeckCards.of(deck).map(\.key)
        let entries = deck.entries.map(\.id)
        let formats: [QuestionFormat] = [.choiceTerm, .choiceDefinition, .typed, .relatedChoice, .oddOneOut, .flashcard]
        var introduced = 0
        for dayIndex in 0..<30 where !skippedDays.contains(dayIndex) {
            let dayStart = firstDay.addingTimeInterval(Double(dayIndex) * 86_400)
            // Two sittings: morning and evening, at hours that vary by day.
            var clock = dayStart.addingTimeInterval(Double(7 + Int(rng.next() % 4)) * 3600)
            let evening = dayStart.addingTimeInterval(Double(18 + Int(rng.next() % 4)) * 3600)
            var newToday = 0
            var asked = 0
            while asked < 120 {
                if asked == 50 && clock < evening { clock = evening }
                let due = cards.filter { key in
                    let state = store.card(key)
                    return state.phase != .new && (state.due ?? .distantFuture) <= clock
                }
                let key: CardKey
                if let first = due.first {
                    key = first
                } else if newToday < 15, introduced < cards.count {
                    key = cards[introduced]
                    introduced += 1
                    newToday += 1
                } else if clock < evening {
                    clock = evening
                    continue
                } else {
                    break
                }
                let state = store.card(key)
                let right = rng.next() % 100 < 74
                let rating: Rating = right ? (rng.next() % 5 == 0 ? .easy : rng.next() % 6 == 0 ? .hard : .good) : .again
                let format = formats[Int(rng.next() % UInt64(formats.count))]
                let ms = 2000 + Int(rng.next() % 9000)
                clock = clock.addingTimeInterval(Double(ms) / 1000 + 5)
                let other = entries[Int(rng.next() % UInt64(entries.count))]
                let confused = !right && other != key.entry && format != .flashcard ? other : nil
                _ = try store.append(
                    ReviewRecord(
                        seq: 0, time: clock, card: key, format: format, answer: right ? "right" : "wrong", correct: right,
                        rating: rating, responseMs: ms, confusedWith: confused, before: state,
                        after: scheduler.review(state, rating: rating, at: clock, card: key)))
                asked += 1
            }
        }
    }
}
