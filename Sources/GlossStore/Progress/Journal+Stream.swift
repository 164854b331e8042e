import Foundation
import GlossCore

/// Reading the whole review log once without holding its records: for the exports,
/// `optimize` and `evaluate`. Only the journal's own readers (`fold`, `forEach`) are used,
/// so their checks and messages apply.
extension ProgressStore {
    /// The log's scheduled answers in compact form, read in parts side by side.
    public func reviewTable() throws -> ReviewTable {
        guard let journal = try Journal.open(journalPath) else { return ReviewTable(parts: []) }
        defer { journal.close() }
        return ReviewTable(parts: try journal.fold(start: { ReviewTable.Part() }, add: { $0.add($1) }).parts)
    }

    /// Calls `body` with every record of the log, oldest first, revocations included, one
    /// at a time, its states filled in by replaying the log (`ProgressState.apply`).
    public func forEachRecord(_ body: (ReviewRecord) throws -> Void) throws {
        guard let journal = try Journal.open(journalPath) else { return }
        defer { journal.close() }
        var replay = ProgressState()
        _ = try journal.forEach { try body(replay.apply($0)) }
    }
}
