import Foundation
import GlossCore

/// Reading the whole review log once without holding its records: for the exports,
/// `optimize` and `evaluate`. Only the journal's own readers (`fold`, `forEach`) are used,
/// so their checks and messages apply.
extension ProgressStore {
    /// The log's scheduled answers in compact form, read in parts side by side.
    public func reviewTable() throws -> ReviewTable {
        if hasOtherJournals { return try mergedReviewTable() }
        guard let journal = try Journal.open(journalPath) else { return ReviewTable(parts: []) }
        defer { journal.close() }
        // The table has no use for the answers' text: they are checked, not kept.
        return ReviewTable(
            parts: try journal.fold(answers: false, start: { ReviewTable.Part() }, numbered: { $0.add($1, cardNumber: $2) })
                .parts)
    }

    /// Calls `body` with every record of the log, oldest first, revocations included, one
    /// at a time, its states filled in by replaying the log (`ProgressState.apply`).
    public func forEachRecord(_ body: (ReviewRecord) throws -> Void) throws {
        _ = try Self.replayAll(folder: folder, learner: learner, answers: true, body)
    }

    /// Every device's answers in one table, in answer-time order: numbered again in that
    /// order (numbers are per device), what they revoke numbered alike.
    private func mergedReviewTable() throws -> ReviewTable {
        var part = ReviewTable.Part()
        var numbers: [MergedJournals.Identity: Int] = [:]
        var merged = try MergedJournals(DeviceJournals.find(in: folder, learner: learner), answers: false)
        defer { merged.close() }
        try merged.forEach { record in
            var record = record
            let number = numbers.count + 1
            numbers[MergedJournals.Identity(device: record.device, seq: record.seq)] = number
            record.seq = number
            if let revokes = record.revokes {
                record.revokes = numbers[MergedJournals.Identity(device: record.device, seq: revokes)] ?? 0
            }
            part.add(record)
        }
        return ReviewTable(parts: [part])
    }
}
