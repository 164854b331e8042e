import Foundation
import GlossCore
import Testing

@testable import GlossStore

/// The merge of several journals gives every answer once, in (time, device, number) order,
/// however the journals' answers interleave: long runs of one journal, answers of two
/// devices at the same millisecond, a conflicted copy holding a device's answers again.
@Suite struct MergedJournalsTests {
    func write(_ records: [ReviewRecord], to path: String) throws {
        var text: [UInt8] = []
        for record in records {
            text += try JournalLine.encode(record)
            text.append(10)
        }
        try Data(text).write(to: URL(fileURLWithPath: path))
    }

    @Test(arguments: [UInt64(1), 2, 3, 4, 5])
    func everyAnswerOnceInOrder(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let folder = try makeProgressFolder()
        var all: [ReviewRecord] = []
        var journals: [String: [ReviewRecord]] = [:]
        for device in ["alpha", "beta", "gamma"] {
            var time = progressEpoch
            var records: [ReviewRecord] = []
            for seq in 1...Int.random(in: 50...400, using: &rng) {
                // Runs of answers a few seconds apart, breaks of hours, now and then the same millisecond.
                let step = Int.random(in: 0..<20, using: &rng)
                time += step == 0 ? 0 : step < 17 ? Double(step) : Double.random(in: 3600...90_000, using: &rng).rounded()
                records.append(
                    ReviewRecord(
                        seq: seq, time: time, card: key("d", "e\(seq % 7)"), correct: true, rating: .good, device: device))
            }
            journals[device] = records
            all += records
        }
        try write(journals["alpha"] ?? [], to: folder.appendingPathComponent("ann.reviews.jsonl").path)
        try write(journals["beta"] ?? [], to: folder.appendingPathComponent("ann@beta.reviews.jsonl").path)
        try write(journals["gamma"] ?? [], to: folder.appendingPathComponent("ann@gamma.reviews.jsonl").path)
        // A conflicted copy of beta's journal, cut short: every answer in it is beta's again.
        let copied = Array((journals["beta"] ?? []).prefix(Int.random(in: 1...40, using: &rng)))
        try write(copied, to: folder.appendingPathComponent("ann@beta.reviews (conflicted copy 2026-12-01).jsonl").path)

        var merged = try MergedJournals(DeviceJournals.find(in: folder, learner: "ann"))
        defer { merged.close() }
        var read: [ReviewRecord] = []
        try merged.forEach { read.append($0) }
        let expected = all.sorted(by: MergedJournals.precedes)
        #expect(read.count == expected.count)
        #expect(read.map { "\($0.device ?? "") \($0.seq)" } == expected.map { "\($0.device ?? "") \($0.seq)" })
    }
}
