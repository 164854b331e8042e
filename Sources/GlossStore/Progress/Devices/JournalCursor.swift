import Foundation
import GlossCore

/// Reads a journal forwards one record at a time, a chunk of lines ahead, with the checks
/// of `Journal.forEach`: what the merge of several devices' journals pulls from.
///
/// A torn last line (a write cut off, or a sync tool still copying the file) is left out,
/// without a word: it is not this device's to repair.
struct JournalCursor {
    let journal: Journal
    private let lines: LineReader
    private var check: JournalLineCheck
    private var position = 0
    private var buffer: [ReviewRecord] = []
    private var next = 0
    static let chunkBytes = 1 << 20

    init(_ journal: Journal) {
        self.journal = journal
        self.lines = LineReader(fd: journal.fd, path: journal.path)
        self.check = journal.lineCheck(.forward)
    }

    /// The next record, nil at the end; throws for a line that is not a record.
    mutating func pop() throws -> ReviewRecord? {
        if next == buffer.count {
            guard try refill() else { return nil }
        }
        defer { next += 1 }
        return buffer[next]
    }

    /// The next record, not consumed.
    mutating func peek() throws -> ReviewRecord? {
        if next == buffer.count {
            guard try refill() else { return nil }
        }
        return buffer[next]
    }

    private mutating func refill() throws -> Bool {
        buffer.removeAll(keepingCapacity: true)
        next = 0
        while buffer.isEmpty, position < journal.size {
            let end = try lines.lineStart(atOrAfter: min(journal.size, position + Self.chunkBytes), end: journal.size)
            let range = position..<max(end, position + 1)
            position = range.upperBound
            var taken: [ReviewRecord] = []
            if let failure = try check.read(range, from: lines, { record, _ in taken.append(record) }) {
                throw try journal.unreadable(failure)
            }
            buffer = taken
        }
        return !buffer.isEmpty
    }
}
