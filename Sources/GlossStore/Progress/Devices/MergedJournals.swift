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
    /// The identities read at the current time, to drop the same answer from a copy (few:
    /// answers rarely share a millisecond).
    private var seenAtTime: [Identity] = []
    private var currentTime: Date?
    /// The journal being read on, and the order its answers must come before to be next.
    private var run: Int?
    private var runLimit: Order?

    typealias Order = (time: Date, device: String?, seq: Int)

    struct Identity: Hashable {
        var device: String?
        var seq: Int
    }

    /// Opens the files of `devices` (a file that disappeared since it was listed is left out);
    /// `answers: false` reads the records without what the learner typed.
    init(_ devices: DeviceJournals, answers: Bool = true) throws {
        var journals: [Journal] = []
        var cursors: [JournalCursor] = []
        do {
            for file in devices.files {
                guard let journal = try Journal.open(file.path) else { continue }
                journals.append(journal)
                cursors.append(try JournalCursor(journal, answers: answers))
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
        while let (k, order) = try nextJournal() {
            if isFirstRead(order) { return try cursors[k].pop() }
            try cursors[k].skip()
        }
        return nil
    }

    /// The journal whose next answer is the next in time order, and that answer's order;
    /// nil at the end. The answer is not consumed.
    ///
    /// The journal the last answer came from is read on while its next answer still comes
    /// before every other journal's next (`runLimit`): one comparison an answer, not one per
    /// journal.
    private mutating func nextJournal() throws -> (index: Int, order: Order)? {
        if let k = run, let head = try cursors[k].peekOrder(), runLimit.map({ Self.precedes(head, $0) }) ?? true {
            return (k, head)
        }
        var best: Int?
        var bestOrder: Order?
        var second: Order?
        for k in cursors.indices {
            guard let head = try cursors[k].peekOrder() else { continue }
            if let current = bestOrder, !Self.precedes(head, current) {
                if second.map({ Self.precedes(head, $0) }) ?? true { second = head }
                continue
            }
            second = bestOrder
            best = k
            bestOrder = head
        }
        guard let k = best, let order = bestOrder else { return nil }
        run = k
        runLimit = second
        return (k, order)
    }

    /// Whether no journal gave this answer (its device and number, at its time) already: a
    /// conflicted copy holds its device's answers again.
    private mutating func isFirstRead(_ order: Order) -> Bool {
        let identity = Identity(device: order.device, seq: order.seq)
        if order.time != currentTime {
            currentTime = order.time
            seenAtTime.removeAll(keepingCapacity: true)
        } else if seenAtTime.contains(identity) {
            return false
        }
        seenAtTime.append(identity)
        return true
    }

    /// Calls `body` with every answer in time order.
    mutating func forEach(_ body: (ReviewRecord) throws -> Void) throws {
        try forEachInPlace { try body($0) }
    }

    /// Calls `body` with every answer in time order, which it may change in place (a replay
    /// filling in states).
    mutating func forEachInPlace(_ body: (inout ReviewRecord) throws -> Void) throws {
        // One journal: its records in its order, a chunk at a time.
        if cursors.count == 1 {
            while var run = try cursors[0].takeRun() {
                for i in run.indices { try body(&run[i]) }
            }
            return
        }
        // Each record changed where its journal's chunk holds it: a copy of each (a record is
        // hundreds of bytes) was a tenth of a merged replay.
        while let (k, order) = try nextJournal() {
            if isFirstRead(order) {
                try cursors[k].withNext(body)
            } else {
                try cursors[k].skip()
            }
        }
    }

    /// The order of the merge: time, then device, then number.
    static func precedes(_ a: ReviewRecord, _ b: ReviewRecord) -> Bool {
        precedes((a.time, a.device, a.seq), (b.time, b.device, b.seq))
    }

    static func precedes(_ a: Order, _ b: Order) -> Bool {
        if a.time != b.time { return a.time < b.time }
        if a.device != b.device { return (a.device ?? "") < (b.device ?? "") }
        return a.seq < b.seq
    }
}
