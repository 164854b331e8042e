import Foundation
import GlossCore
import Testing

@testable import GlossStore

/// The journal's one schema and codec: every field of a record is declared, written and read
/// back; an unknown field or a newer version is an error naming the file and line.
@Suite struct JournalCodecTests {
    func decode(_ line: [UInt8]) throws -> ReviewRecord {
        try line.withUnsafeBufferPointer { try JournalCodec().decode($0) }
    }

    func decode(_ text: String) throws -> ReviewRecord { try decode(Array(text.utf8)) }

    @Test func everyStoredPropertyOfARecordHasItsField() {
        let record = ReviewRecord(seq: 1, time: Date(), card: key("d", "e"), correct: true, rating: .good)
        let properties = Set(Mirror(reflecting: record).children.compactMap(\.label))
        let declared = Set(JournalField.allCases.compactMap(\.property))
        #expect(properties == declared)
        #expect(JournalField.allCases.count <= 32)  // the decoder's seen-mask
        #expect(JournalField.allCases.first == .version)
    }

    @Test func randomRecordsRoundTripExactly() throws {
        var rng = SplitMix64(seed: 17)
        for n in 0..<2_000 {
            var record = storable(RandomRecords.record(&rng))
            record.device = n % 3 == 0 ? nil : "dev-\(n % 7)"
            // Whatever the encoder writes, the decoder reads: extreme and negative numbers too.
            if n % 5 == 0 { record.responseMs = Int.random(in: Int.min...Int.max, using: &rng) }
            if n % 7 == 0 { record.seq = Int.random(in: Int.min...0, using: &rng) }
            let line = try JournalCodec.encode(record)
            #expect(try decode(line) == record, "\(String(decoding: line, as: UTF8.self))")
            #expect(!line.contains(10))
            // Valid JSON, as any JSON reader sees it.
            #expect((try? JSONSerialization.jsonObject(with: Data(line))) != nil)
        }
    }

    /// `record` with its times as the journal keeps them (to the millisecond).
    func storable(_ record: ReviewRecord) -> ReviewRecord {
        var record = record
        record.time = JournalTime.rounded(record.time)
        record.before = record.before.map(rounded)
        record.after = record.after.map(rounded)
        return record
    }

    func rounded(_ state: CardState) -> CardState {
        var state = state
        state.due = state.due.map(JournalTime.rounded)
        state.lastReview = state.lastReview.map(JournalTime.rounded)
        return state
    }

    @Test func aLineOpensWithItsVersionAndLeavesEmptyFieldsOut() throws {
        let record = ReviewRecord(
            seq: 3, time: Date(timeIntervalSince1970: 1_767_258_000), card: key("d", "e"), answer: "b", correct: true,
            rating: .good, responseMs: 4200)
        #expect(
            String(decoding: try JournalCodec.encode(record), as: UTF8.self)
                == #"{"v":3,"seq":3,"kind":"review","time":"2026-01-01T09:00:00.000Z","card":["d","e","recall"],"answer":"b","correct":true,"rating":3,"ms":4200}"#
        )
    }

    @Test(arguments: [
        (
            #"{"v":2,"seq":1,"kind":"review","time":"2026-01-01T09:00:00.000Z","card":["d","e","recall"],"answer":"","correct":true,"rating":3,"ms":0,"mood":"happy"}"#,
            #"unknown field "mood""#
        ),
        (
            #"{"v":2,"seq":1,"kind":"review","time":"2026-01-01T09:00:00.000Z","card":["d","e","recall"],"answer":"","correct":true,"rating":3}"#,
            #"field "ms" is missing"#
        ),
        (#"{"seq":1,"v":2}"#, #"does not start with its version"#),
        (#"{"v":2,"seq":1,"seq":2}"#, #"field "seq" appears twice"#),
        (#"{"v":2,"seq":1,"kind":"review","time":"2026-02-31T09:00:00.000Z"}"#, #""time" must be a time"#),
        (#"{"v":4,"seq":1}"#, "written by a newer gloss (version 4)"),
        (
            #"{"v":2,"seq":1,"kind":"review","time":"2026-01-01T09:00:00.000Z","card":["d","e","recall"],"answer":"","correct":true,"rating":3,"ms":0,"after":["review",1]}"#,
            #""after" must be a card state"#
        ),
    ])
    func aBadLineSaysWhatIsWrong(line: String, problem: String) {
        #expect {
            try decode(line)
        } throws: { error in
            "\(error)".contains(problem)
        }
    }

    @Test func escapesAndUnicodeInAnswersSurvive() throws {
        let line =
            #"{"v":2,"seq":1,"kind":"practice","time":"2026-01-01T09:00:00Z","card":["d","e","recall"],"answer":"a\"b\\c\n\u00e9\ud83d\ude42/","correct":false,"rating":1,"ms":5}"#
        #expect(try decode(line).answer == "a\"b\\c\né🙂/")
    }

    /// A reader that has no use for the answers' text (the review table) gets every other
    /// field as the full reader does, and an answer that is not a string, or not UTF-8, is
    /// refused the same way.
    @Test func withoutAnswersEveryOtherFieldIsReadAndAnswersAreStillChecked() throws {
        let codec = JournalCodec(answers: false)
        var rng = SplitMix64(seed: 23)
        for _ in 0..<500 {
            let record = storable(RandomRecords.record(&rng))
            let line = try JournalCodec.encode(record)
            var expected = record
            expected.answer = ""
            #expect(try line.withUnsafeBufferPointer { try codec.decode($0) } == expected)
        }
        let escaped =
            #"{"v":2,"seq":1,"kind":"practice","time":"2026-01-01T09:00:00Z","card":["d","e","recall"],"answer":"a\"b\u00e9","correct":false,"rating":1,"ms":5}"#
        #expect(try Array(escaped.utf8).withUnsafeBufferPointer { try codec.decode($0) }.answer == "")
        let prefix = Array(
            #"{"v":2,"seq":1,"kind":"review","time":"2026-01-01T09:00:00.000Z","card":["d","e","recall"],"answer":"#.utf8)
        let suffix = Array(#","correct":true,"rating":3,"ms":0}"#.utf8)
        for answer in [Array("7".utf8), [0x22, 0x66, 0xFF, 0x22], Array(#""\x""#.utf8)] {
            let line = prefix + answer + suffix
            for reader in [JournalCodec(), codec] {
                #expect {
                    try line.withUnsafeBufferPointer { try reader.decode($0) }
                } throws: { error in
                    "\(error)".contains(#""answer" must be a string"#)
                }
            }
        }
    }

    /// Lines gloss did not write itself (keys in another order, spaces, ids with a `]`, the
    /// same card met again) read as the lines gloss writes; a key repeated is still refused.
    @Test func linesInAnyOrderAndSpacingReadAlike() throws {
        let inOrder =
            #"{"v":3,"dev":"a1","seq":4,"kind":"review","time":"2026-01-01T09:00:00.000Z","card":["d","e","recall"],"format":"typed","answer":"b","correct":true,"rating":3,"ms":42,"confused":"f"}"#
        let shuffled =
            #"{"v":3, "card" : ["d", "e", "recall"],"seq":4,"ms":42,"dev":"a1","kind":"review","confused":"f","time":"2026-01-01T09:00:00.000Z","rating":3,"answer":"b","correct":true,"format":"typed"}"#
        let codec = JournalCodec()
        let first = try Array(inOrder.utf8).withUnsafeBufferPointer { try codec.decode($0) }
        #expect(try Array(shuffled.utf8).withUnsafeBufferPointer { try codec.decode($0) } == first)
        #expect(try Array(inOrder.utf8).withUnsafeBufferPointer { try codec.decode($0) } == first)
        #expect(try decode(shuffled) == first)
        #expect(first.card == key("d", "e") && first.responseMs == 42 && first.confusedWith == EntryID("f"))

        // An id with a ']' (and an escape) is read in full each time, and the next card too.
        let odd =
            #"{"v":3,"seq":1,"kind":"practice","time":"2026-01-01T09:00:00.000Z","card":["d","x]\u0079","recall"],"answer":"","correct":true,"rating":3,"ms":0}"#
        let plainOdd =
            #"{"v":3,"seq":2,"kind":"practice","time":"2026-01-01T09:00:00.000Z","card":["d","x]","recall"],"answer":"","correct":true,"rating":3,"ms":0}"#
        for _ in 0..<2 {
            #expect(try Array(odd.utf8).withUnsafeBufferPointer { try codec.decode($0) }.card.entry == EntryID("x]y"))
            #expect(try Array(plainOdd.utf8).withUnsafeBufferPointer { try codec.decode($0) }.card.entry == EntryID("x]"))
            #expect(try Array(inOrder.utf8).withUnsafeBufferPointer { try codec.decode($0) }.card == key("d", "e"))
        }
        let twice = #"{"v":3,"seq":1,"kind":"review","seq":2}"#
        #expect {
            try Array(twice.utf8).withUnsafeBufferPointer { try codec.decode($0) }
        } throws: { error in
            "\(error)".contains(#"field "seq" appears twice"#)
        }
    }

    @Test func anUnknownFieldInTheJournalStopsTheStoreNamingFileAndLine() throws {
        let folder = try makeProgressFolder()
        let store = try ProgressStore(folder: folder, learner: "ada")
        try store.append(
            ReviewRecord(
                seq: 0, time: Date(timeIntervalSince1970: 1_767_258_000), card: key("d", "e"), correct: true, rating: .good))
        let path = store.journalPath
        try store.close()
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text += text.replacingOccurrences(of: "\"seq\":1", with: "\"seq\":2").replacingOccurrences(
            of: "}\n", with: ",\"mood\":1}\n")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let before = try bytes(path)
        #expect {
            try ProgressStore(folder: folder, learner: "ada")
        } throws: { error in
            guard case .progress(.unreadable(let file, let line, let problem)) = error as? StoreError else { return false }
            return file == path && line == 2 && problem.hasPrefix("unknown field \"mood\"")
        }
        #expect(try bytes(path) == before)
    }

    @Test func aNewerVersionIsRefusedWithoutAWrite() throws {
        let folder = try makeProgressFolder()
        let path = ProgressStore.journalPath(folder, "ada")
        let line =
            #"{"v":4,"seq":1,"kind":"review","time":"2026-01-01T09:00:00.000Z","card":["d","e","recall"],"answer":"","correct":true,"rating":3,"ms":0}"#
        try (line + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let before = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        for forReading in [false, true] {
            #expect {
                try ProgressStore(folder: folder, learner: "ada", forReading: forReading)
            } throws: { error in
                "\(error)".hasPrefix("\(path):1: written by a newer gloss (version 4)")
                    && "\(error)".hasSuffix("upgrade gloss to read it")
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().filter { $0 != "ada.lock" } == before)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == line + "\n")
    }
}
