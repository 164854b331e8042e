import Foundation
import GlossCore

/// Reading a long journal side by side: the file is cut at line starts into two parts per
/// processor, each part is read and decoded on its own thread and folded into its own
/// accumulator, and the accumulators come back in file order for the caller to merge.
///
/// The checks are those of a forward read (`JournalLineCheck`): every line decodes (a torn
/// last line is reported, not an error), and answer numbers go up by one from 1, across
/// parts too.
extension Journal {
    /// Folds each part's records, in order, into a fresh `start()`; returns the parts in
    /// file order and what was found about the last line. A part is at least
    /// `minimumPartBytes` long (smaller files get fewer parts). Parts are read on threads of
    /// their own unless `concurrently` is false.
    func fold<Part: Sendable>(
        parts wanted: Int = Journal.partCount(), minimumPartBytes: Int = 1 << 20, concurrently: Bool = true,
        answers: Bool = true, start: @escaping @Sendable () -> Part,
        add: @escaping @Sendable (inout Part, ReviewRecord) -> Void
    ) throws -> (parts: [Part], scan: Scan) {
        try fold(
            parts: wanted, minimumPartBytes: minimumPartBytes, concurrently: concurrently, answers: answers, start: start,
            numbered: { part, record, _ in add(&part, record) })
    }

    /// `fold`, handing `add` with each record its card's number in the part's reader
    /// (`JournalCodec.cardNumber`: one card has one number throughout a part; -1 for a card
    /// the reader keeps none for), so an accumulator can keep what it has per card in an
    /// array rather than hash every card key.
    func fold<Part: Sendable>(
        parts wanted: Int = Journal.partCount(), minimumPartBytes: Int = 1 << 20, concurrently: Bool = true,
        answers: Bool = true, start: @escaping @Sendable () -> Part,
        numbered add: @escaping @Sendable (inout Part, ReviewRecord, Int) -> Void
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
                    slots.buffer[k] = Journal.readPart(
                        ranges[k], size: size, start: start, add: add, lines: lines, reader: RecordReader(answers: answers))
                }
            }
        } else {  // one part after the other on this thread (the fuzzer's leak checks dislike threads)
            for k in ranges.indices {
                results[k] = Journal.readPart(
                    ranges[k], size: size, start: start, add: add, lines: lines, reader: RecordReader(answers: answers))
            }
        }

        var parts: [Part] = []
        var scan = Scan()
        var previous: JournalLineCheck.Mark?  // the last record of the parts before
        for slot in results {
            guard let result = slot else { continue }
            // A part's first record comes before anything that stopped its read.
            if let first = result.check.first, let failure = JournalLineCheck.numbering(first, after: previous) {
                throw try unreadable(failure)
            }
            if let error = result.ioError { throw error }
            if let failure = result.failure { throw try unreadable(failure) }
            previous = result.check.last ?? previous
            scan.torn = result.check.torn ?? scan.torn
            scan.missingNewline = scan.missingNewline || result.check.missingNewline
            parts.append(result.part)
        }
        return (parts, scan)
    }

    /// Two parts per processor, at most 16: parts of equal bytes do not take equal time (a
    /// core is shared, lines differ), and a core whose part ends first takes the next.
    static func partCount() -> Int { min(16, 2 * max(1, ProcessInfo.processInfo.activeProcessorCount)) }

    static func readPart<Part>(
        _ range: Range<Int>, size: Int, start: () -> Part, add: (inout Part, ReviewRecord, Int) -> Void, lines: LineReader,
        reader: RecordReader = RecordReader()
    ) -> PartResult<Part> {
        // The accumulator is a local of its own, so that it is uniquely referenced and
        // updated in place (a copy inside a result would be copied on every write).
        var part = start()
        var check = JournalLineCheck(size: size, direction: .part, reader: reader)
        var failure: JournalLineCheck.Failure?
        var ioError: (any Error)?
        do {
            failure = try check.read(range, from: lines) { record, _ in add(&part, record, reader.codec.cardNumber.pointee) }
        } catch {
            ioError = error
        }
        return PartResult(part: part, check: check, failure: failure, ioError: ioError)
    }
}

/// The result slots of the parts: each thread writes only its own slot.
private struct Slots<Part>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<PartResult<Part>?>
}

/// What one part of a journal gave: its accumulator, what its check found (its first and
/// last record, a torn last line) and what stopped it.
struct PartResult<Part> {
    var part: Part
    var check: JournalLineCheck
    var failure: JournalLineCheck.Failure?
    var ioError: (any Error)?
}
