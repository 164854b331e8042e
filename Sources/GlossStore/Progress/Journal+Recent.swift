import Foundation
import GlossCore

extension Journal {
    /// The records dated at or after `start`, oldest first, reading only the end of the file
    /// (records are appended in time order, so the scan stops at the first older one). The
    /// lines read are checked as every read checks them: a bad one is an error naming the
    /// file and line, a torn last line is left out.
    func records(since start: Date) throws -> [ReviewRecord] {
        var reversed: [ReviewRecord] = []
        var check = lineCheck(.backward)
        let failure = try check.readBackward(self) { record, _ in
            if record.time < start { return false }
            reversed.append(record)
            return true
        }
        if let failure { throw try unreadable(failure) }
        return reversed.reversed()
    }
}

extension ProgressStore {
    /// The answers recorded since `start` (e.g. the start of the study day), revocations
    /// applied: an undone answer and its revocation are both left out.
    /// Every device's, in time order; an answer a conflicted copy holds too is read once
    /// (same device, number and time), as the merge reads it.
    public func records(since start: Date) throws -> [ReviewRecord] {
        var all: [ReviewRecord] = []
        var seen = Set<AnswerIdentity>()
        for file in DeviceJournals.find(in: folder, learner: learner).files {
            guard let journal = try Journal.open(file.path) else { continue }
            defer { journal.close() }
            let records = try journal.records(since: start)
            let revoked = Set(records.compactMap(\.revokes))
            for record in records where (record.kind == .review || record.kind == .practice) && !revoked.contains(record.seq) {
                if seen.insert(AnswerIdentity(device: record.device, seq: record.seq, time: record.time)).inserted {
                    all.append(record)
                }
            }
        }
        return all.sorted(by: MergedJournals.precedes)
    }

    private struct AnswerIdentity: Hashable {
        var device: String?
        var seq: Int
        var time: Date
    }
}

extension ProgressStore {
    /// Every record of the review log, oldest first, revocations included (for stats and
    /// exports, which apply them), with their states filled in by replay.
    public func allRecords() throws -> [ReviewRecord] {
        var records: [ReviewRecord] = []
        try forEachRecord { records.append($0) }
        return records
    }
}

extension Journal {
    /// The last record, read backwards; nil for a journal without one.
    func lastRecord() throws -> ReviewRecord? { try lastRecordAndVersion()?.record }

    /// The last record and the version of its line (1 for a line without `v`).
    func lastRecordAndVersion() throws -> (record: ReviewRecord, version: Int)? {
        var found: (ReviewRecord, Int)?
        var check = lineCheck(.backward)
        let failure = try check.readBackward(self) { record, offset in
            let start = try FileIO.read(fd, path: path, offset: offset, count: min(24, size - offset))
            var version = 1
            if start.starts(with: Array(#"{"v":"#.utf8)) {
                version = Int(String(decoding: start.dropFirst(5).prefix { $0 >= 48 && $0 <= 57 }, as: UTF8.self)) ?? 1
            }
            found = (record, version)
            return false
        }
        if let failure { throw try unreadable(failure) }
        return found
    }
}
