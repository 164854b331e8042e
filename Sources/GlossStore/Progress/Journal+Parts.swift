import Foundation
import GlossCore

/// Reading a long journal side by side: the file is cut at line starts into one part per
/// processor, each part is read and decoded on its own thread and folded into its own
/// accumulator, and the accumulators come back in file order for the caller to merge.
///
/// The checks are those of a forward read: every line decodes (a torn last line is
/// reported, not an error), and answer numbers go up by one, across parts too.
extension Journal {
    /// Folds each part's records, in order, into a fresh `start()`; returns the parts in
    /// file order and what was found about the last line. A part is at least
    /// `minimumPartBytes` long (smaller files get fewer parts). Parts are read on threads of
    /// their own unless `concurrently` is false.
    func fold<Part: Sendable>(
        parts wanted: Int = Journal.partCount(), minimumPartBytes: Int = 1 << 20, concurrently: Bool = true,
        start: @escaping @Sendable () -> Part,
        add: @escaping @Sendable (inout Part, ReviewRecord) -> Void
    ) throws -> (parts: [Part], scan: Scan) {
        // Small files are not worth a thread.
        let count = max(1, min(wanted, size / max(minimumPartBytes, 1)))
        let lines = LineReader(fd: fd, path: path)
        var bounds = [0]
        for k in 1..<count { bounds.append(max(bounds[k - 1], try lines.lineStart(atOrAfter: size * k / count, end: size))) }
        bounds.append(size)
        let ranges = zip(bounds, bounds.dropFirst()).map { $0..<$1 }
        let size = self.size

        var results = [PartResult<Part>?](repeating: nil, count: ranges.count)
        if concurrently {
            results.withUnsafeMutableBufferPointer { buffer in
                let slots = Slots(buffer: buffer)
                DispatchQueue.concurrentPerform(iterations: ranges.count) { k in
                    slots.buffer[k] = Journal.readPart(ranges[k], size: size, start: start, add: add, lines: lines)
                }
            }
        } else {  // one part after the other on this thread (the fuzzer's leak checks dislike threads)
            for k in ranges.indices { results[k] = Journal.readPart(ranges[k], size: size, start: start, add: add, lines: lines) }
        }

        var parts: [Part] = []
        var scan = Scan()
        var previous: (seq: Int, offset: Int)?
        for slot in results {
            guard let result = slot else { continue }
            if let previous, let first = result.first, first.seq != previous.seq + 1 {
                throw ProgressError.unreadable(
                    file: path, line: try lineNumber(at: first.offset),
                    problem: "answer number \(first.seq) follows \(previous.seq); numbers must go up by one")
            }
            if previous == nil, let first = result.first, first.seq != 1,
                result.failure.map({ $0.offset > first.offset }) ?? true
            {
                throw ProgressError.unreadable(
                    file: path, line: try lineNumber(at: first.offset), problem: Journal.missingStart(first.seq))
            }
            if let error = result.ioError { throw error }
            if let failure = result.failure {
                throw ProgressError.unreadable(file: path, line: try lineNumber(at: failure.offset), problem: failure.problem)
            }
            if let last = result.last { previous = last }
            scan.torn = result.torn ?? scan.torn
            scan.missingNewline = scan.missingNewline || result.missingNewline
            parts.append(result.part)
        }
        return (parts, scan)
    }

    /// One part per processor, at most 8.
    static func partCount() -> Int { min(8, max(1, ProcessInfo.processInfo.activeProcessorCount)) }

    private static func readPart<Part>(
        _ range: Range<Int>, size: Int, start: () -> Part, add: (inout Part, ReviewRecord) -> Void, lines: LineReader
    ) -> PartResult<Part> {
        // The accumulator is a local of its own, so that it is uniquely referenced and
        // updated in place (a copy inside `result` would be copied on every write).
        var part = start()
        var result = PartResult<Void>(part: ())
        let reader = RecordReader()
        let decoder = ProgressCoding.decoder()
        var previous: Int?
        do {
            try lines.lines(in: range) { line, offset, terminated in
                guard result.failure == nil else { return }
                // The last line of the file is a torn write when it does not decode (see `tail`).
                let isLast = offset + line.count + (terminated ? 1 : 0) >= size
                if line.count > Journal.maxLineLength {
                    // Only its start is handed over: it is the last line when no newline ended it.
                    if !terminated {
                        result.torn = Torn(offset: offset, length: size - offset)
                    } else {
                        result.failure = (offset, Journal.overlongProblem)
                    }
                    return
                }
                guard !Journal.isBlank(line) else { return }
                let record: ReviewRecord
                do {
                    record = try Journal.decode(line, reader: reader, decoder: decoder)
                } catch {
                    if isLast, Journal.isTorn(line, terminated: terminated) {
                        result.torn = Torn(offset: offset, length: size - offset)
                    } else {
                        result.failure = (offset, Journal.problem(line, error))
                    }
                    return
                }
                if !terminated { result.missingNewline = true }
                if let previous, record.seq != previous + 1 {
                    result.failure = (offset, "answer number \(record.seq) follows \(previous); numbers must go up by one")
                    return
                }
                previous = record.seq
                if result.first == nil { result.first = (record.seq, offset) }
                result.last = (record.seq, offset)
                add(&part, record)
            }
        } catch {
            result.ioError = error
        }
        return PartResult(
            part: part, first: result.first, last: result.last, failure: result.failure, ioError: result.ioError,
            torn: result.torn, missingNewline: result.missingNewline)
    }
}

/// The result slots of the parts: each thread writes only its own slot.
private struct Slots<Part>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<PartResult<Part>?>
}

/// What one part of a journal gave.
private struct PartResult<Part> {
    var part: Part
    var first: (seq: Int, offset: Int)?
    var last: (seq: Int, offset: Int)?
    var failure: (offset: Int, problem: String)?
    var ioError: (any Error)?
    var torn: Journal.Torn?
    var missingNewline = false
}
