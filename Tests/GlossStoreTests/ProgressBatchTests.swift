import Foundation
import GlossCore
import Testing

@testable import GlossStore

/// `ProgressStore.appendAll`: an imported history in one write and one fsync.
@Suite struct ProgressBatchTests {
    @Test func aBatchWritesTheSameJournalAndStatesAsOneByOne() throws {
        let cards = (0..<20).map { key("d", "e\($0)") }
        func history(_ store: ProgressStore) -> [ReviewRecord] {
            var records: [ReviewRecord] = []
            for (n, card) in cards.enumerated() {
                records.append(answer(store, card, at: Double(n), rating: n % 3 == 0 ? .again : .good))
            }
            return records
        }
        let one = try makeProgressFolder()
        let single = try ProgressStore(folder: one, learner: "ada")
        for record in history(single) { try single.append(record) }
        try single.checkpoint()
        try single.close()

        let two = try makeProgressFolder()
        let batch = try ProgressStore(folder: two, learner: "ada")
        let stored = try batch.appendAll(history(batch))
        #expect(stored.map(\.seq) == Array(1...20))
        try batch.checkpoint()
        try batch.close()

        // The same records as a reader sees them (the batch writes its lines by hand).
        let codec = JournalCodec()
        let journal = { (folder: URL) in
            try String(contentsOf: folder.appendingPathComponent("ada.reviews.jsonl"), encoding: .utf8)
                .split(separator: "\n").map { line in
                    // Each store has its own (random) device id; the rest must be the same.
                    var record = try Array(line.utf8).withUnsafeBufferPointer { try codec.decode($0) }
                    record.device = nil
                    return record
                }
        }
        #expect(try journal(one) == journal(two))
        #expect(try journal(two).count == 20)
        let a = try ProgressStore(folder: one, learner: "ada", forReading: true)
        let b = try ProgressStore(folder: two, learner: "ada", forReading: true)
        #expect(cards.allSatisfy { a.card($0) == b.card($0) } && b.card(cards[1]).reps == 1)
    }

    @Test func aBatchAfterEarlierAnswersNumbersOnAndAnEmptyBatchWritesNothing() throws {
        let folder = try makeProgressFolder()
        let store = try ProgressStore(folder: folder, learner: "ada")
        try store.append(answer(store, key("d", "a"), at: 0))
        #expect(try store.appendAll([]).isEmpty)
        let stored = try store.appendAll([answer(store, key("d", "b"), at: 1), answer(store, key("d", "c"), at: 2)])
        #expect(stored.map(\.seq) == [2, 3])
        try store.close()
        let lines = try String(contentsOf: folder.appendingPathComponent("ada.reviews.jsonl"), encoding: .utf8)
            .split(separator: "\n")
        #expect(lines.count == 3)
    }

    @Test func aClosedStoreRefusesABatchAndWritesNothing() throws {
        let folder = try makeProgressFolder()
        let store = try ProgressStore(folder: folder, learner: "ada")
        try store.append(answer(store, key("d", "a"), at: 0))
        let late = answer(store, key("d", "b"), at: 1)
        try store.close()
        #expect { try store.appendAll([late]) } throws: { isProgressProblem($0) }
        let lines = try String(contentsOf: folder.appendingPathComponent("ada.reviews.jsonl"), encoding: .utf8)
            .split(separator: "\n")
        #expect(lines.count == 1)
    }
}

@Suite struct BatchEncodingTests {
    /// A state that can't be written (a non-finite stability) fails the batch before any byte
    /// is written: the journal is as it was.
    @Test func aNonFiniteStabilityIsRefusedAndNothingIsWritten() throws {
        let folder = try makeProgressFolder()
        let store = try ProgressStore(folder: folder, learner: "ada")
        var records = RandomRecords.journal(seed: 1, count: 3).filter { $0.kind != .revoke }
        records[records.count - 1].after = CardState(phase: .review, stability: .infinity)
        let error = #expect(throws: StoreError.self) { try store.appendAll(records) }
        #expect(
            error?.description
                == "\(store.journalPath): answer \(records.count) can't be written as a journal line (stability is not a finite number (inf)); nothing of it was written"
        )
        #expect(try bytes(store.journalPath).isEmpty)
        #expect(store.state.lastSeq == 0)
    }
}
