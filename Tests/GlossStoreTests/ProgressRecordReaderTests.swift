import Foundation
import GlossCore
import Testing

@testable import GlossStore

/// The journal's purpose-built line reader (`RecordReader`) must agree with `JSONDecoder`
/// on every field, or decline (nil) so that the slower readers decide.
@Suite struct ProgressRecordReaderTests {
    /// The exact fast path for numbers agrees with the full conversion whenever it answers,
    /// and answers for the numbers a journal holds (short decimals, FSRS values).
    @Test func fastNumbersAgreeWithTheFullConversion() {
        var rng = SplitMix64(seed: 5)
        var answered = 0
        for n in 0..<40_000 {
            let text: String
            switch n % 5 {
            case 0: text = "\(Double.random(in: 0.001...36500, using: &rng))"  // as the encoder writes them
            case 1: text = "\(Int.random(in: -99_999...99_999, using: &rng)).\(Int.random(in: 0...9_999_999_999, using: &rng))"
            case 2: text = "\(Double(Int.random(in: 1...1_000_000, using: &rng)) / Double(Int.random(in: 1...97, using: &rng)))"
            case 3:  // 17 to 19 digits, the point anywhere among them or before them
                let digits = String(UInt64.random(in: 10_000_000_000_000_000...UInt64.max / 2, using: &rng))
                let point = Int.random(in: 0...digits.count, using: &rng)
                let text0 = digits.prefix(point) + "." + digits.dropFirst(point)
                text = point == 0 ? "0" + text0 : String(text0)
            default:  // near-ties: the midpoint of a double in [2^k, 2^(k+1)) and the next, cut to 19 digits
                let k = Int.random(in: 0...5, using: &rng)
                let double = Double(sign: .plus, exponent: k, significand: Double.random(in: 1..<2, using: &rng))
                let bits = UInt64(53 - k)
                let mid = (double.significandBitPattern | 1 << 52) << 1 | 1  // times 2^(k-53)
                var digits = "\(mid >> bits).", rest = mid & (1 << bits - 1)
                while digits.count < 20 {
                    rest *= 10
                    digits += "\(rest >> bits)"
                    rest &= 1 << bits - 1
                }
                text = digits
            }
            let fast = Array(text.utf8).withUnsafeBufferPointer { ByteCursor.exactDouble($0) }
            if let fast {
                answered += 1
                #expect(fast == Double(text) && fast.sign == Double(text)?.sign, "\(text)")
            }
        }
        #expect(answered == 40_000)  // every number the journal and the snapshot write
        // Above a tie by less than the 64-bit quotient can show: only its remainder rounds them up.
        for near in ["426087639.278324157", "0.00000000046566127188304794", "63907.727735417433", "28043815565.670084"] {
            let fast = Array(near.utf8).withUnsafeBufferPointer { ByteCursor.exactDouble($0) }
            #expect(fast != nil && fast == Double(near), "\(near)")
        }
        for odd in ["1e5", "0.1E-3", "12345678901234567", "-0.0", "0.0000000000000000000000001"] {
            let fast = Array(odd.utf8).withUnsafeBufferPointer { ByteCursor.exactDouble($0) }
            #expect(fast == nil || (fast == Double(odd) && fast?.sign == Double(odd)?.sign), "\(odd)")
        }
    }

    @Test func recordsAgreeWithJSONDecoderOnEveryField() throws {
        var rng = SplitMix64(seed: 11)
        let encoder = ProgressCoding.encoder(), decoder = ProgressCoding.decoder()
        let reader = RecordReader()  // one reader for all lines, as a journal scan uses it (shared strings)
        var read = 0
        for _ in 0..<4000 {
            let data = try encoder.encode(RandomRecords.record(&rng))
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
        let line =
            #"{"after":{"difficulty":2.118103970459016,"due":"2023-12-01T00:11:34.608Z","lapses":0,"lastReview":"2023-12-01T00:01:34.608Z","phase":"learning","reps":1,"stability":2.3065,"step":1},"answer":"Dexgon Xenal Ririsalbor","before":{"lapses":0,"phase":"new","reps":0},"card":{"deck":"scale","entry":"dexgon-xenal-ririsalbor","facet":"recognize"},"confusedWith":"obqua","correct":true,"format":"related","kind":"review","rating":3,"responseMs":12713,"seq":1,"time":"2023-12-01T00:01:34.608Z"}"#
        let fast = try #require(Array(line.utf8).withUnsafeBufferPointer { RecordReader().record($0) })
        #expect(fast == (try ProgressCoding.decoder().decode(ReviewRecord.self, from: Data(line.utf8))))
        #expect(fast.after?.stability == 2.3065 && fast.confusedWith == "obqua")
    }

    @Test(
        arguments: RandomRecords.oddLines + [
            // and, for this reader, an unknown field, a repeated field, null for a required field
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
            let line =
                #"{"seq":\#(i + 1),"kind":"practice","time":"2026-01-01T00:00:00.000Z","card":{"deck":"deck","entry":"\#(entry)","facet":"relate"},"answer":"\#(entry)","correct":false,"rating":1,"responseMs":10}"#
            let record = try #require(Array(line.utf8).withUnsafeBufferPointer { reader.record($0) })
            #expect(record.card.entry.rawValue == entry && record.answer == entry && record.seq == i + 1)
        }
    }
}
