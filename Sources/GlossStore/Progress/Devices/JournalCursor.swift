import Foundation
import GlossCore

/// Reads a journal forwards one record at a time, with the checks of `Journal.forEach`:
/// what the merge of several devices' journals pulls from. The file is cut at line starts
/// into chunks; the next chunk is decoded on another thread while this one is read, so
/// several journals decode side by side.
///
/// A torn last line (a write cut off, or a sync tool still copying the file) is left out,
/// without a word: it is not this device's to repair.
struct JournalCursor {
    let journal: Journal
    private let ranges: [Range<Int>]
    private var nextChunk = 0
    /// The chunks being decoded, in file order (at most `ahead`).
    private var pending: [Chunk] = []
    private let ahead: Int
    /// The readers of the chunks, each kept from chunk to chunk, so a string or card met in
    /// one chunk is shared by the next ones (each reader's tables hold every card of the
    /// journal: a few megabytes). Up to `ahead` chunks are under way at once: the next one
    /// starts once the one taken is decoded, so chunk k uses reader k mod `ahead`.
    private let readers: [RecordReader]
    private var previous: JournalLineCheck.Mark?
    private var buffer: [ReviewRecord] = []
    private var next = 0
    static let chunkBytes = 1 << 20

    /// One chunk being decoded on another thread.
    final class Chunk: @unchecked Sendable {
        private let done = DispatchSemaphore(value: 0)
        private var result: PartResult<[ReviewRecord]>?

        /// `reader` is used by this chunk alone until it is taken.
        init(_ range: Range<Int>, of journal: Journal, reader: RecordReader) {
            let lines = LineReader(fd: journal.fd, path: journal.path)
            let size = journal.size
            DispatchQueue.global().async {
                // Room for the chunk's records at the shortest lines a journal has (~180 bytes): the
                // array is not grown, and so not copied, as it fills.
                let expected = range.count / 180
                self.result = Journal.readPart(
                    range, size: size,
                    start: {
                        var records = [ReviewRecord]()
                        records.reserveCapacity(expected)
                        return records
                    }, add: { records, record, _ in records.append(record) }, lines: lines, reader: reader)
                self.done.signal()
            }
        }

        /// Waits for the chunk (once).
        func take() -> PartResult<[ReviewRecord]>? {
            done.wait()
            defer { result = nil }
            return result
        }
    }

    /// `answers: false`: the records come without what the learner typed (a replay has no
    /// use for it; `JournalCodec.keepsAnswers`).
    init(_ journal: Journal, chunkBytes: Int = JournalCursor.chunkBytes, ahead: Int = 1, answers: Bool = true) throws {
        self.journal = journal
        self.ahead = max(1, ahead)
        readers = (0..<max(1, ahead)).map { _ in RecordReader(answers: answers) }
        let lines = LineReader(fd: journal.fd, path: journal.path)
        var bounds = [0]
        while let last = bounds.last, last < journal.size {
            bounds.append(
                max(last + 1, try lines.lineStart(atOrAfter: min(journal.size, last + chunkBytes), end: journal.size)))
        }
        ranges = zip(bounds, bounds.dropFirst()).map { $0..<$1 }
        startChunks()
    }

    /// Starts decoding chunks until `ahead` are under way.
    private mutating func startChunks() {
        while pending.count < ahead, nextChunk < ranges.count {
            pending.append(Chunk(ranges[nextChunk], of: journal, reader: readers[nextChunk % readers.count]))
            nextChunk += 1
        }
    }

    /// Waits for the chunk still being decoded, so the journal may be closed.
    mutating func finish() {
        for chunk in pending { _ = chunk.take() }
        pending = []
        nextChunk = ranges.count
    }

    /// The next record, nil at the end; throws for a line that is not a record.
    mutating func pop() throws -> ReviewRecord? {
        if next == buffer.count {
            guard try refill() else { return nil }
        }
        defer { next += 1 }
        return buffer[next]
    }

    /// Calls `body` with the next record, in place, and moves past it (nothing at the end).
    mutating func withNext(_ body: (inout ReviewRecord) throws -> Void) throws {
        if next == buffer.count {
            guard try refill() else { return }
        }
        defer { next += 1 }
        try body(&buffer[next])
    }

    /// Moves past the next record.
    mutating func skip() throws {
        if next == buffer.count {
            guard try refill() else { return }
        }
        next += 1
    }

    /// Where the next record goes in the merge (`MergedJournals.precedes`), not consumed:
    /// its time, device and number, without copying it.
    mutating func peekOrder() throws -> (time: Date, device: String?, seq: Int)? {
        if next == buffer.count {
            guard try refill() else { return nil }
        }
        return (buffer[next].time, buffer[next].device, buffer[next].seq)
    }

    /// The records not yet popped, up to the end of their chunk, taken whole (nil at the
    /// end): what a single journal is read by, without a copy of each record.
    mutating func takeRun() throws -> [ReviewRecord]? {
        if next == buffer.count {
            guard try refill() else { return nil }
        }
        var run: [ReviewRecord] = []
        if next == 0 {
            swap(&run, &buffer)
        } else {
            run = Array(buffer[next...])
            buffer.removeAll()
        }
        next = 0
        return run
    }

    private mutating func refill() throws -> Bool {
        buffer.removeAll(keepingCapacity: true)
        next = 0
        while buffer.isEmpty, !pending.isEmpty {
            let chunk = pending.removeFirst()
            let taken = chunk.take()
            // Its reader is free now: the next chunk may use it.
            startChunks()
            guard let result = taken else { continue }
            // A chunk's first record follows the last of the chunks before (numbered from 1).
            if let first = result.check.first, let failure = JournalLineCheck.numbering(first, after: previous) {
                finish()
                throw try journal.unreadable(failure)
            }
            if let error = result.ioError {
                finish()
                throw error
            }
            if let failure = result.failure {
                finish()
                throw try journal.unreadable(failure)
            }
            previous = result.check.last ?? previous
            buffer = result.part
        }
        return !buffer.isEmpty
    }
}
