import Foundation
import GlossCore
import Testing

@testable import GlossStore

/// The journal's purpose-built line reader (`RecordReader`) must agree with `JSONDecoder`
/// on every field, or decline (nil) so that the slower readers decide.
@Suite struct ProgressRecordReaderTests {
    private func randomState(_ rng: inout SplitMix64) -> CardState? {
        if Int.random(in: 0..<5, using: &rng) == 0 { return nil }
        func maybe<T>(_ value: T) -> T? { Bool.random(using: &rng) ? value : nil }
        let time = Date(timeIntervalSince1970: Double(Int64.random(in: -100_000_000_000...4_000_000_000_000, using: &rng)) / 1000)
        return CardState(
            phase: CardPhase.allCases[Int.random(in: 0..<4, using: &rng)], step: maybe(Int.random(in: 0...3, using: &rng)),
            stability: maybe(Double.random(in: 0.001...36500, using: &rng)),
            difficulty: maybe(Double.random(in: 1...10, using: &rng)), due: maybe(time),
            lastReview: maybe(time.addingTimeInterval(-86400)), reps: Int.random(in: 0...500, using: &rng),
            lapses: Int.random(in: 0...50, using: &rng), ease: maybe(Double.random(in: 1.3...3.5, using: &rng)),
            intervalDays: maybe(Double(Int.random(in: 1...1000, using: &rng)) / 7))
    }

    private func randomRecord(_ rng: inout SplitMix64) -> ReviewRecord {
        let answers = ["Mesa-optimization", "", "naïve Bayes", "日本語", "emoji 🙂", "quote \" and \\ slash", "a/b", "Reward Hacking Of A Long Term"]
        let entries = ["x", "y", "reward-hacking", "é-entry", "a.b_c", "a-rather-long-entry-identifier"]
        func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &rng)] }
        return ReviewRecord(
            seq: Int.random(in: 1...10_000_000, using: &rng), kind: pick([.review, .practice, .revoke]),
            time: Date(timeIntervalSince1970: Double(Int64.random(in: 0...4_000_000_000_000, using: &rng)) / 1000),
            card: CardKey(deck: DeckID(pick(entries)), entry: EntryID(pick(entries)), facet: pick(Facet.allCases)),
            format: Bool.random(using: &rng) ? pick(QuestionFormat.allCases) : nil,
            answer: pick(answers), correct: Bool.random(using: &rng), rating: pick(Rating.allCases),
            responseMs: Int.random(in: 0...600_000, using: &rng),
            confusedWith: Bool.random(using: &rng) ? EntryID(pick(entries)) : nil,
            before: randomState(&rng), after: randomState(&rng),
            revokes: Bool.random(using: &rng) ? Int.random(in: 1...1000, using: &rng) : nil)
    }

    @Test func recordsAgreeWithJSONDecoderOnEveryField() throws {
        var rng = SplitMix64(seed: 11)
        let encoder = ProgressCoding.encoder(), decoder = ProgressCoding.decoder()
        let reader = RecordReader()  // one reader for all lines, as a journal scan uses it (shared strings)
        var read = 0
        for _ in 0..<4000 {
            let data = try encoder.encode(randomRecord(&rng))
            let slow = try decoder.decode(ReviewRecord.self, from: data)
            let fast = [UInt8](data).withUnsafeBufferPointer { reader.record($0) }
            if let fast {
                read += 1
                #expect(fast == slow, "\(String(decoding: data, as: UTF8.self))")
                #expect(fast.card.description == slow.card.description && fast.answer == slow.answer)
            } else {
                #expect(String(decoding: data, as: UTF8.self).contains("\\"), "declined \(String(decoding: data, as: UTF8.self))")
            }
        }
        #expect(read > 2000)
    }

    @Test func generatedJournalLinesReadAsJSONDecoderReadsThem() throws {
        // The shape gen-scale-data writes: FSRS states with long fractions, all fields present.
        let line = #"{"after":{"difficulty":2.118103970459016,"due":"2023-12-01T00:11:34.608Z","lapses":0,"lastReview":"2023-12-01T00:01:34.608Z","phase":"learning","reps":1,"stability":2.3065,"step":1},"answer":"Dexgon Xenal Ririsalbor","before":{"lapses":0,"phase":"new","reps":0},"card":{"deck":"scale","entry":"dexgon-xenal-ririsalbor","facet":"recognize"},"confusedWith":"obqua","correct":true,"format":"related","kind":"review","rating":3,"responseMs":12713,"seq":1,"time":"2023-12-01T00:01:34.608Z"}"#
        let fast = try #require(Array(line.utf8).withUnsafeBufferPointer { RecordReader().record($0) })
        #expect(fast == (try ProgressCoding.decoder().decode(ReviewRecord.self, from: Data(line.utf8))))
        #expect(fast.after?.stability == 2.3065 && fast.confusedWith == "obqua")
    }

    @Test(arguments: [
        // a fraction where an integer belongs; trailing junk; unknown kind; a string count; a bad time;
        // a leading zero; a cut-off line; an unknown field; a repeated field; null for a required field
        #"{"seq":1,"kind":"review","time":"2026-01-01T00:00:00.000Z","card":{"deck":"d","entry":"e","facet":"recall"},"answer":"a","correct":true,"rating":3,"responseMs":1.5}"#,
        #"{"seq":1,"kind":"review","time":"2026-01-01T00:00:00.000Z","card":{"deck":"d","entry":"e","facet":"recall"},"answer":"a","correct":true,"rating":3,"responseMs":1} x"#,
        #"{"seq":1,"kind":"oops","time":"2026-01-01T00:00:00.000Z","card":{"deck":"d","entry":"e","facet":"recall"},"answer":"a","correct":true,"rating":3,"responseMs":1}"#,
        #"{"seq":1,"kind":"review","time":"2026-01-01T00:00:00.000Z","card":{"deck":"d","entry":"e","facet":"recall"},"answer":"a","correct":true,"rating":3,"responseMs":1,"after":{"phase":"review","reps":"1","lapses":0}}"#,
        #"{"seq":1,"kind":"review","time":"yesterday","card":{"deck":"d","entry":"e","facet":"recall"},"answer":"a","correct":true,"rating":3,"responseMs":1}"#,
        #"{"seq":01,"kind":"review"}"#,
        #"{"seq":1,"kind":"review","time":"2026-01-01T00:00:00.000Z","card":{"deck":"d","entry":"e","facet":"recall"},"answer":"a","correct":true,"rating":3,"#,
        #"{"seq":1,"kind":"review","time":"2026-01-01T00:00:00.000Z","card":{"deck":"d","entry":"e","facet":"recall"},"answer":"a","correct":true,"rating":3,"responseMs":1,"extra":1}"#,
        #"{"seq":1,"seq":2,"kind":"review","time":"2026-01-01T00:00:00.000Z","card":{"deck":"d","entry":"e","facet":"recall"},"answer":"a","correct":true,"rating":3,"responseMs":1}"#,
        #"{"seq":1,"kind":"review","time":"2026-01-01T00:00:00.000Z","card":{"deck":"d","entry":"e","facet":"recall"},"answer":null,"correct":true,"rating":3,"responseMs":1}"#,
    ])
    func unusualLinesAreDeclined(_ line: String) {
        #expect(Array(line.utf8).withUnsafeBufferPointer { RecordReader().record($0) } == nil)
    }

    @Test func sharedStringsNeverMixUpDifferentValues() throws {
        let reader = RecordReader()
        for i in 0..<200 {
            let entry = i % 2 == 0 ? "entry-number-\(i % 7)" : "ëntry-\(i)"
            let line = #"{"seq":\#(i + 1),"kind":"practice","time":"2026-01-01T00:00:00.000Z","card":{"deck":"deck","entry":"\#(entry)","facet":"relate"},"answer":"\#(entry)","correct":false,"rating":1,"responseMs":10}"#
            let record = try #require(Array(line.utf8).withUnsafeBufferPointer { reader.record($0) })
            #expect(record.card.entry.rawValue == entry && record.answer == entry && record.seq == i + 1)
        }
    }
}
