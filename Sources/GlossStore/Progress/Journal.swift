import Foundation
import GlossCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reading the review journal `<learner>.reviews.jsonl`: one `ReviewRecord` per line.
///
/// Lines are read from the end for start-up (only the tail after the snapshot is decoded)
/// and from the start for rebuild and doctor, whole or in parts. Every read checks its lines
/// with one `JournalLineCheck`: a last line that does not decode and is unterminated (or not
/// even JSON) is a torn write, reported, never an error; any other bad line, and numbers that
/// do not go up by one from 1, are an error naming the file and line.
struct Journal {
    let path: String
    let fd: Int32
    let size: Int
    let decoder = ProgressCoding.decoder()
    let reader = RecordReader()

    /// A torn last line: where it starts (the length to truncate to) and its length.
    struct Torn: Equatable {
        var offset: Int
        var length: Int
    }

    /// The records after some sequence number, found by reading backwards.
    struct Tail {
        var records: [ReviewRecord] = []
        /// The highest sequence number in the journal (0 when empty).
        var lastSeq = 0
        var torn: Torn?
        /// The last line is a complete record without its newline.
        var missingNewline = false
        /// The record numbered `after`, when the read reached it.
        var boundary: ReviewRecord?
        /// Where the line of `lastSeq` starts.
        var lastOffset: Int?
        /// Where the line of `boundary` starts.
        var boundaryOffset: Int?
    }

    /// Every record, read forwards.
    struct Scan {
        var records: [ReviewRecord] = []
        /// Where each record's line starts, by index (filled by `scan` only).
        var offsets: [Int] = []
        var torn: Torn?
        var missingNewline = false
    }

    /// Opens `path` for reading; nil when there is no journal yet. Refuses a symbolic link
    /// leading out of its folder and anything but a regular file (a FIFO would block).
    static func open(_ path: String) throws -> Journal? {
        guard FileIO.exists(path) else { return nil }
        let fd = try FileIO.openProgressFile(path, O_RDONLY)
        do {
            return Journal(path: path, fd: fd, size: try FileIO.size(fd, path: path))
        } catch {
            FileIO.close(fd)
            throw error
        }
    }

    func close() { FileIO.close(fd) }

    /// One line as a record: a line of the current version (`JournalField`) through
    /// `JournalCodec`, which decides and explains; a version-1 line (no `v`, read until the
    /// journal is migrated) through the frozen version-1 readers: the purpose-built reader
    /// first, then the JSON tree, then `JSONDecoder`.
    static func decode(_ line: UnsafeBufferPointer<UInt8>, reader: RecordReader, decoder: JSONDecoder) throws -> ReviewRecord {
        var record = JournalCodec.blank
        try decode(line, reader: reader, decoder: decoder, into: &record)
        return record
    }

    /// `decode`, into `record` (whatever it held is replaced), without copying it out.
    static func decode(
        _ line: UnsafeBufferPointer<UInt8>, reader: RecordReader, decoder: JSONDecoder, into record: inout ReviewRecord
    ) throws {
        if JournalCodec.isVersioned(line) { return try reader.codec.decode(line, into: &record) }
        reader.codec.cardNumber.pointee = -1
        if let fast = reader.record(line) ?? FastDecoding.record(line) {
            record = fast
            return
        }
        record = try decoder.decode(ReviewRecord.self, from: Data(line))
    }

    /// What is wrong with a line that does not decode, in words.
    static func problem(_ line: UnsafeBufferPointer<UInt8>, _ error: any Error) -> String {
        if let problem = error as? JournalCodec.Problem, problem.newerVersion != nil { return problem.description }
        if let syntax = ProgressCoding.syntaxError(in: Data(line)) {
            return syntax.problem.replacingOccurrences(of: "line 1, ", with: "")
        }
        if let problem = error as? JournalCodec.Problem { return problem.description }
        return ProgressCoding.describe(error)
    }

    static func isBlank(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        line.allSatisfy { $0 == 32 || $0 == 9 || $0 == 13 }
    }

    /// The 1-based line number of the line starting at byte `offset` (counts newlines before it).
    func lineNumber(at offset: Int) throws -> Int {
        var lines = 1, position = 0
        while position < offset {
            let chunk = try FileIO.read(fd, path: path, offset: position, count: min(1 << 22, offset - position))
            if chunk.isEmpty { break }
            for byte in chunk where byte == 10 { lines += 1 }
            position += chunk.count
        }
        return lines
    }

    /// The error for a read stopped by `failure`, naming the file and the line.
    func unreadable(_ failure: JournalLineCheck.Failure) throws -> StoreError {
        .progress(.unreadable(file: path, line: try lineNumber(at: failure.offset), problem: failure.problem))
    }

    /// A fresh check of this journal's lines, read in `direction`.
    func lineCheck(_ direction: JournalLineCheck.Direction) -> JournalLineCheck {
        JournalLineCheck(size: size, direction: direction, reader: reader, decoder: decoder)
    }

    /// The longest line a journal may hold, in bytes (a record is well under 2 KB). A longer
    /// line is never decoded: unterminated at the end it is a torn write, else an error.
    static let maxLineLength = 1 << 20

    /// Whether a last line that does not decode is a torn write, dropped rather than an
    /// error: unterminated, or terminated but not even JSON (the tail page of an append
    /// reached the disk and its head did not, leaving NULs). A terminated line that is JSON
    /// but no record (a newer gloss's, say) is never dropped.
    static func isTorn(_ line: UnsafeBufferPointer<UInt8>, terminated: Bool) -> Bool {
        !terminated || ProgressCoding.syntaxError(in: Data(line)) != nil
    }

    /// What is said of a log whose first answer is not number 1.
    static func missingStart(_ first: Int) -> String {
        "the first answer is number \(first), not 1: lines are missing from the start of the log"
    }

    /// What is said of an answer whose number is not one more than the one before it.
    static func outOfOrder(_ seq: Int, follows previous: Int) -> String {
        "answer number \(seq) follows \(previous); numbers must go up by one"
    }

    /// What is said of a terminated line longer than `maxLineLength`.
    static let overlongProblem = "line is longer than \(maxLineLength) bytes, no answer is"

    /// Calls `body` for each line from the last to the first with the line's start offset
    /// and whether it ends in a newline (nil bytes for a line longer than `maxLineLength`);
    /// stops when `body` returns false.
    ///
    /// - Complexity: O(bytes read): each byte is read once and copied at most
    ///   `maxLineLength / 64 KiB` times, however long a line is.
    func backward(_ body: (ArraySlice<UInt8>?, Int, Bool) throws -> Bool) throws {
        guard size > 0 else { return }
        var pendingEnd = size
        var lastTerminated = true
        if try FileIO.read(fd, path: path, offset: size - 1, count: 1) == [10] {
            pendingEnd = size - 1
        } else {
            lastTerminated = false
        }
        var isLastLine = true
        // The unread region's last bytes are `carry[..<end]`, from file offset `carryStart`:
        // a line handed to `body` is a slice of `carry`, and the next is found below it by
        // moving `end`, not by cutting `carry` (a cut copied the whole block while the slice
        // was alive, for every line).
        var carry: [UInt8] = []
        var end = 0
        var carryStart = pendingEnd
        func terminated() -> Bool {
            defer { isLastLine = false }
            return isLastLine ? lastTerminated : true
        }
        while true {
            if let newline = Journal.lastNewline(in: carry, before: end) {
                let line = end - newline - 1 > Journal.maxLineLength ? nil : carry[(newline + 1)..<end]
                if !(try body(line, carryStart + newline + 1, terminated())) { return }
                end = newline
                continue
            }
            if end > Journal.maxLineLength {
                // Too long to be an answer: find where it starts without keeping its bytes.
                var probe = carryStart
                var start = 0
                while probe > 0 {
                    let from = max(0, probe - (1 << 20))
                    let chunk = try FileIO.read(fd, path: path, offset: from, count: probe - from)
                    if let newline = Journal.lastNewline(sparse: chunk) {
                        start = from + newline + 1
                        break
                    }
                    probe = from
                }
                if !(try body(nil, start, terminated())) || start == 0 { return }
                carry = []
                end = 0
                carryStart = start - 1  // the newline before the long line ends the next one
                continue
            }
            if carryStart == 0 {
                _ = try body(end > Journal.maxLineLength ? nil : carry[..<end], 0, terminated())
                return
            }
            let start = max(0, carryStart - (1 << 16))
            carry = try FileIO.read(fd, path: path, offset: start, count: carryStart - start) + carry[..<end]
            end = carry.count
            carryStart = start
        }
    }

    /// The index of the last newline in `bytes`, read through a raw pointer (a long line is
    /// scanned in full, and this is the loop it takes).
    static func lastNewline(in bytes: [UInt8], before end: Int) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            var i = min(end, buffer.count) - 1
            while i >= 0 {
                if buffer[i] == 10 { return i }
                i -= 1
            }
            return nil
        }
    }

    /// The index of the last newline in `bytes` that holds few of them (the inside of a long
    /// line): `memchr` from the start, again after each hit.
    static func lastNewline(sparse bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return nil }
            var last: Int?
            var from = 0
            while from < raw.count, let hit = memchr(base + from, 10, raw.count - from) {
                let index = UnsafeRawPointer(hit) - base
                last = index
                from = index + 1
            }
            return last
        }
    }

    /// The records with `seq > after`, decoding only those (and one more, the boundary,
    /// and up to `window` lines before it, whose numbering is checked too: a duplicated or
    /// swapped line just before a snapshot's point stops the read). A first record read on
    /// the way must be answer 1.
    ///
    /// The last line is a torn write, dropped, when it does not decode: unterminated, or
    /// terminated (the tail page of an append reached the disk, its head did not) when it
    /// is not even JSON (`JournalLineCheck`); a snapshot that counted it is then ahead of the
    /// journal, which the caller refuses.
    func tail(after: Int, window: Int = 0) throws -> Tail {
        var result = Tail()
        var checked = 0  // lines read before the boundary
        var reversed: [ReviewRecord] = []
        var check = lineCheck(.backward)
        let failure = try check.readBackward(self) { record, offset in
            if result.lastSeq == 0 {
                result.lastSeq = record.seq
                result.lastOffset = offset
            }
            if record.seq <= after {
                if result.boundary == nil {
                    guard record.seq == after else { return false }
                    result.boundary = record
                    result.boundaryOffset = offset
                }
                guard checked < window else { return false }
                checked += 1
                return true
            }
            reversed.append(record)
            return true
        }
        if let failure { throw try unreadable(failure) }
        result.records = reversed.reversed()
        result.torn = check.torn
        result.missingNewline = check.missingNewline
        return result
    }

    /// Every record from the start.
    func scan() throws -> Scan {
        var records: [ReviewRecord] = []
        var offsets: [Int] = []
        var result = try forEachLine {
            records.append($0)
            offsets.append($1)
        }
        result.records = records
        result.offsets = offsets
        return result
    }

    /// Calls `body` with every record from the start, in order, without keeping them;
    /// the returned `Scan` has no records, only what was found about the last line.
    func forEach(_ body: (ReviewRecord) throws -> Void) throws -> Scan {
        try forEachLine { record, _ in try body(record) }
    }

    /// `forEach`, with where each record's line starts.
    func forEachLine(_ body: (ReviewRecord, Int) throws -> Void) throws -> Scan {
        var check = lineCheck(.forward)
        if let failure = try check.read(0..<size, from: LineReader(fd: fd, path: path), { try body($0, $1) }) {
            throw try unreadable(failure)
        }
        return Scan(torn: check.torn, missingNewline: check.missingNewline)
    }

    /// The latest review or practice record not yet revoked, read backwards; nil if none
    /// (a suspension is not an answer: undo passes it by).
    func latestUnrevoked() throws -> ReviewRecord? {
        var revoked = Set<Int>()
        var found: ReviewRecord?
        var check = lineCheck(.backward)
        let failure = try check.readBackward(self) { record, _ in
            // A revocation, or a re-rating (an answer that replaces the one it revokes).
            if let seq = record.revokes { revoked.insert(seq) }
            switch record.kind {
            case .revoke, .suspend, .unsuspend: return true
            case .review, .practice: if revoked.contains(record.seq) { return true }
            }
            found = record
            return false
        }
        if let failure { throw try unreadable(failure) }
        return found
    }
}
