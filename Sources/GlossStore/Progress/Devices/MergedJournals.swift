import Foundation
import GlossCore

/// Every device's journal of a learner read as one log, in answer-time order: what a reader
/// replays when more than one device studies (`DeviceJournals`).
///
/// Ties are broken by device and number, so every device merges to the same order. An answer
/// that a conflicted copy holds as well as its device's journal (the same device, number and
/// time) is read once.
struct MergedJournals {
    private var cursors: [JournalCursor]
    private var journals: [Journal]
    /// The identities read at the current time, to drop the same answer from a copy.
    private var seenAtTime: Set<Identity> = []
    private var currentTime: Date?

    struct Identity: Hashable {
        var device: String?
        var seq: Int
    }

    /// Opens the files of `devices` (a file that disappeared since it was listed is left out).
    init(_ devices: DeviceJournals) throws {
        var journals: [Journal] = []
        var cursors: [JournalCursor] = []
        do {
            for file in devices.files {
                guard let journal = try Journal.open(file.path) else { continue }
                journals.append(journal)
                cursors.append(try JournalCursor(journal))
            }
        } catch {
            // Nothing is left open, nor being read, when opening one of them fails.
            for k in cursors.indices { cursors[k].finish() }
            for journal in journals { journal.close() }
            throw error
        }
        self.journals = journals
        self.cursors = cursors
    }

    /// Closes the journals, once the chunks still being decoded are done.
    mutating func close() {
        for k in cursors.indices { cursors[k].finish() }
        for journal in journals { journal.close() }
    }

    /// The next answer in time order across the journals, nil at the end.
    mutating func pop() throws -> ReviewRecord? {
        while true {
            var best: Int?
            var bestOrder: (time: Date, device: String?, seq: Int)?
            for k in cursors.indices {
                guard let head = try cursors[k].peekOrder() else { continue }
                if let current = bestOrder, !Self.precedes(head, current) { continue }
                best = k
                bestOrder = head
            }
            guard let k = best, let record = try cursors[k].pop() else { return nil }
            if record.time != currentTime {
                currentTime = record.time
                seenAtTime.removeAll(keepingCapacity: true)
            }
            if seenAtTime.insert(Identity(device: record.device, seq: record.seq)).inserted { return record }
        }
    }

    /// Calls `body` with every answer in time order.
    mutating func forEach(_ body: (ReviewRecord) throws -> Void) throws {
        // One journal: its records in its order, a chunk at a time.
        if cursors.count == 1 {
            while let run = try cursors[0].takeRun() {
                for i in run.indices { try body(run[i]) }
            }
            return
        }
        while let record = try pop() { try body(record) }
    }

    /// The order of the merge: time, then device, then number.
    static func precedes(_ a: ReviewRecord, _ b: ReviewRecord) -> Bool {
        precedes((a.time, a.device, a.seq), (b.time, b.device, b.seq))
    }

    static func precedes(_ a: (time: Date, device: String?, seq: Int), _ b: (time: Date, device: String?, seq: Int)) -> Bool {
        if a.time != b.time { return a.time < b.time }
        if a.device != b.device { return (a.device ?? "") < (b.device ?? "") }
        return a.seq < b.seq
    }
}
