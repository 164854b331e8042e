import Foundation
import GlossCore

/// Random progress values for the readers' agreement tests and the journal tests.
enum RandomRecords {
    static let answers = [
        "Mesa-optimization", "", "naïve Bayes", "日本語", "emoji 🙂", "quote \" and \\ slash", "tab\tnew\nline", "a/b",
        "Reward Hacking Of A Long Term",
    ]
    static let entries = ["x", "y", "reward-hacking", "é-entry", "a.b_c", "a-rather-long-entry-identifier"]

    static func pick<T>(_ items: [T], _ rng: inout SplitMix64) -> T { items[Int.random(in: 0..<items.count, using: &rng)] }

    /// A card state with any field present or not (nil one time in five).
    static func state(_ rng: inout SplitMix64) -> CardState? {
        if Int.random(in: 0..<5, using: &rng) == 0 { return nil }
        func maybe<T>(_ value: T) -> T? { Bool.random(using: &rng) ? value : nil }
        let time = Date(timeIntervalSince1970: Double(Int64.random(in: -100_000_000_000...4_000_000_000_000, using: &rng)) / 1000)
        return CardState(
            phase: pick(CardPhase.allCases, &rng), step: maybe(Int.random(in: 0...3, using: &rng)),
            stability: maybe(Double.random(in: 0.001...36500, using: &rng)),
            difficulty: maybe(Double.random(in: 1...10, using: &rng)), due: maybe(time),
            lastReview: maybe(time.addingTimeInterval(-86400)), reps: Int.random(in: 0...500, using: &rng),
            lapses: Int.random(in: 0...50, using: &rng), ease: maybe(Double.random(in: 1.3...3.5, using: &rng)),
            intervalDays: maybe(Double(Int.random(in: 1...1000, using: &rng)) / 7))
    }

    /// Any record, fields unrelated to each other (for decoding agreement).
    static func record(_ rng: inout SplitMix64) -> ReviewRecord {
        ReviewRecord(
            seq: Int.random(in: 1...10_000_000, using: &rng), kind: pick([.review, .practice, .revoke], &rng),
            time: Date(timeIntervalSince1970: Double(Int64.random(in: 0...4_000_000_000_000, using: &rng)) / 1000),
            card: CardKey(
                deck: DeckID(pick(entries, &rng)), entry: EntryID(pick(entries, &rng)), facet: pick(Facet.allCases, &rng)),
            format: Bool.random(using: &rng) ? pick(QuestionFormat.allCases, &rng) : nil,
            answer: pick(answers, &rng), correct: Bool.random(using: &rng), rating: pick(Rating.allCases, &rng),
            responseMs: Int.random(in: 0...600_000, using: &rng),
            confusedWith: Bool.random(using: &rng) ? EntryID(pick(entries, &rng)) : nil,
            before: state(&rng), after: state(&rng),
            revokes: Bool.random(using: &rng) ? Int.random(in: 1...1000, using: &rng) : nil)
    }

    /// A journal as gloss writes one: numbered from 1, answers (reviews and practice, some
    /// confused) and, one time in eight, an undo of the latest answer not yet undone.
    static func journal(seed: UInt64, count: Int) -> [ReviewRecord] {
        var rng = SplitMix64(seed: seed)
        var records: [ReviewRecord] = []
        var undoable: [ReviewRecord] = []
        var time = Date(timeIntervalSince1970: 1_700_000_000)
        for seq in 1...max(count, 1) {
            if !undoable.isEmpty && Int.random(in: 0..<8, using: &rng) == 0 {
                records.append(undoable.removeLast().revocation(seq: seq))
                continue
            }
            time = time.addingTimeInterval(Double(Int.random(in: 1...90_000, using: &rng)))
            let kind: ReviewRecord.Kind = Int.random(in: 0..<4, using: &rng) == 0 ? .practice : .review
            let correct = Bool.random(using: &rng)
            let record = ReviewRecord(
                seq: seq, kind: kind, time: time,
                card: CardKey(
                    deck: DeckID(pick(["d", "e"], &rng)), entry: EntryID(pick(entries, &rng)), facet: pick(Facet.allCases, &rng)),
                answer: pick(answers, &rng), correct: correct, rating: correct ? .good : .again,
                responseMs: Int.random(in: 0...60_000, using: &rng),
                confusedWith: correct ? nil : EntryID(pick(entries, &rng)),
                before: kind == .review ? (state(&rng) ?? .new) : nil,
                after: kind == .review ? CardState(phase: .review, stability: Double(seq), lastReview: time, reps: seq) : nil)
            records.append(record)
            undoable.append(record)
        }
        return records
    }

    /// Lines no fast reader may take (the slow readers decide): a fraction where an integer
    /// belongs, trailing junk, an unknown kind, a string count, a bad time, a leading zero, a
    /// cut-off line.
    static let oddLines = [
        #"{"seq":1,"kind":"review","time":"2026-01-01T00:00:00.000Z","card":{"deck":"d","entry":"e","facet":"recall"},"answer":"a","correct":true,"rating":3,"responseMs":1.5}"#,
        #"{"seq":1,"kind":"review","time":"2026-01-01T00:00:00.000Z","card":{"deck":"d","entry":"e","facet":"recall"},"answer":"a","correct":true,"rating":3,"responseMs":1} x"#,
        #"{"seq":1,"kind":"oops","time":"2026-01-01T00:00:00.000Z","card":{"deck":"d","entry":"e","facet":"recall"},"answer":"a","correct":true,"rating":3,"responseMs":1}"#,
        #"{"seq":1,"kind":"review","time":"2026-01-01T00:00:00.000Z","card":{"deck":"d","entry":"e","facet":"recall"},"answer":"a","correct":true,"rating":3,"responseMs":1,"after":{"phase":"review","reps":"1","lapses":0}}"#,
        #"{"seq":1,"kind":"review","time":"yesterday","card":{"deck":"d","entry":"e","facet":"recall"},"answer":"a","correct":true,"rating":3,"responseMs":1}"#,
        #"{"seq":01,"kind":"review"}"#,
        #"{"seq":1,"kind":"review","time":"2026-01-01T00:00:00.000Z","card":{"deck":"d","entry":"e","facet":"recall"},"answer":"a","correct":true,"rating":3,"#,
    ]
}
