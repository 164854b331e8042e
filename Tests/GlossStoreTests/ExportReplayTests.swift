import Foundation
import GlossCore
import Testing

@testable import GlossStore

@Suite struct ExportReplayTests {
    /// A journal made the way the app makes it: each review moves the card through the
    /// scheduler (fuzz off, as `gloss replay` runs), one revoked answer, practice answers.
    static func journal(scheduler: FSRSScheduler) -> (records: [ReviewRecord], states: [CardKey: CardState]) {
        var rng = SplitMix64(seed: 5)
        let cards = ["ai/mesa/recall", "ai/mesa/recognize", "ai/reward-hacking/recall"].compactMap(CardKey.init)
        var states: [CardKey: CardState] = [:]
        var records: [ReviewRecord] = []
        var time = Date(timeIntervalSince1970: 1_711_744_352.25)
        for seq in 1...60 {
            let card = cards[Int.random(in: 0..<cards.count, using: &rng)]
            let before = states[card] ?? .new
            let rating = Rating(rawValue: Int.random(in: 1...4, using: &rng)) ?? .good
            time = time.addingTimeInterval(Double.random(in: 60...(4 * 86_400), using: &rng).rounded() + 0.123456)
            if seq % 7 == 0 {
                records.append(ReviewRecord(seq: seq, kind: .practice, time: time, card: card, correct: true, rating: .good))
                continue
            }
            let after = scheduler.review(
                before, rating: rating, at: time, fuzzSeed: FuzzSeed.of(card.description, reviews: before.reps))
            records.append(
                ReviewRecord(
                    seq: seq, time: time, card: card, correct: rating != .again, rating: rating,
                    responseMs: 1000 + seq, before: before, after: after))
            states[card] = after
        }
        // Undo the last review: its card goes back to its state before it.
        if let last = records.last(where: { $0.kind == .review }) {
            records.append(
                ReviewRecord(
                    seq: 61, kind: .revoke, time: time, card: last.card, correct: false, rating: .again,
                    revokes: last.seq))
            states[last.card] = last.before
        }
        return (records, states)
    }

    @Test func reviewsExportReplaysToTheSameStates() throws {
        let scheduler = try Replay.scheduler(steps: .default, retention: 0.9, parameters: [])
        let (records, states) = Self.journal(scheduler: scheduler)
        let csv = try ReviewsCSV.text(rows: ReviewsCSV.rows(records: records))
        let log = try ReviewLogCSV.parse(csv, file: "r.csv")
        #expect(log.problems.isEmpty)
        #expect(log.reviews.count == records.filter { $0.kind == .review }.count - 1)
        let rows = Replay.run(log.reviews, scheduler: scheduler)
        var last: [String: ReplayRow] = [:]
        for row in rows { last[row.cardID] = row }
        #expect(last.count == states.count)
        for (card, state) in states {
            let row = try #require(last[card.description])
            #expect(row.stability == state.stability)
            #expect(row.difficulty == state.difficulty)
            #expect(row.phase == state.phase)
        }
        // Times survive to the microsecond.
        let reviews = records.filter { $0.kind == .review }.dropLast()
        #expect(
            zip(log.reviews, reviews).allSatisfy {
                abs($0.time.timeIntervalSince($1.time)) < 1e-6 && $0.durationMs == $1.responseMs
            })
    }
}
