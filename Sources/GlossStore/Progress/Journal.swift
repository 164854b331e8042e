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
/// and from the start for rebuild and doctor. An unterminated last line that does not
/// decode is a torn write: it is reported, never an error. Any other bad line is an error
/// naming the file and line.
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
    }

    /// Every record, read forwards.
    struct Scan {
        var records: [ReviewRecord] = []
        var torn: Torn?
        var missingNewline = false
    }

    /// Opens `path` for reading; nil when there is no journal yet.
    static func open(_ path: String) throws -> Journal? {
        guard FileIO.exists(path) else { return nil }
        let fd = try FileIO.open(path, O_RDONLY)
        do {
            return Journal(path: path, fd: fd, size: try FileIO.size(fd, path: path))
        } catch {
            FileIO.close(fd)
            throw error
        }
    }

    func close() { FileIO.close(fd) }

    func decode(_ line: ArraySlice<UInt8>) throws -> ReviewRecord {
        try line.withUnsafeBufferPointer { try Journal.decode($0, reader: reader, decoder: decoder) }
    }

    /// One line as a record: the purpose-built reader first, then the JSON tree, then
    /// `JSONDecoder`, which decides and explains.
    static func decode(_ line: UnsafeBufferPointer<UInt8>, reader: RecordReader, decoder: JSONDecoder) throws -> ReviewRecord {
        if let fast = reader.record(line) ?? FastDecoding.record(line) { return fast }
        return try decoder.decode(ReviewRecord.self, from: Data(line))
    }

    private func problem(_ line: ArraySlice<UInt8>, _ error: any Error) -> String {
        line.withUnsafeBufferPointer { Journal.problem($0, error) }
    }

    /// What is wrong with a line that does not decode, in words.
    static func problem(_ line: UnsafeBufferPointer<UInt8>, _ error: any Error) -> String {
        if let syntax = ProgressCoding.syntaxError(in: Data(line)) {
            return syntax.problem.replacingOccurrences(of: "line 1, ", with: "")
        }
        return ProgressCoding.describe(error)
    }

    private func isBlank(_ line: ArraySlice<UInt8>) -> Bool {
        line.allSatisfy { $0 == 32 || $0 == 9 || $0 == 13 }
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

    private func unreadable(at offset: Int, _ problem: String) throws -> ProgressError {
        .unreadable(file: path, line: try lineNumber(at: offset), problem: problem)
    }

    /// Calls `body` for each line from the last to the first with the line's start offset
    /// and whether it ends in a newline; stops when `body` returns false.
    func backward(_ body: (ArraySlice<UInt8>, Int, Bool) throws -> Bool) throws {
        guard size > 0 else { return }
        var pendingEnd = size
        var lastTerminated = true
        if try FileIO.read(fd, path: path, offset: size - 1, count: 1) == [10] {
            pendingEnd = size - 1
        } else {
            lastTerminated = false
        }
        var isLastLine = true
        var carry: [UInt8] = []  // the bytes from `carryStart` to the end of the unread region
        var carryStart = pendingEnd
        while true {
            if let newline = carry.lastIndex(of: 10) {
                let terminated = isLastLine ? lastTerminated : true
                isLastLine = false
                if !(try body(carry[(newline + 1)...], carryStart + newline + 1, terminated)) { return }
                carry.removeSubrange(newline...)
                continue
            }
            if carryStart == 0 {
                _ = try body(carry[...], 0, isLastLine ? lastTerminated : true)
                return
            }
            let start = max(0, carryStart - (1 << 16))
            carry = try FileIO.read(fd, path: path, offset: start, count: carryStart - start) + carry
            carryStart = start
        }
    }

    /// The records with `seq > after`, decoding only those (and one more).
    func tail(after: Int) throws -> Tail {
        var result = Tail()
        var expected: Int?  // the sequence number the next (earlier) line must have
        var reversed: [ReviewRecord] = []
        try backward { line, offset, terminated in
            if isBlank(line) { return true }
            let record: ReviewRecord
            do {
                record = try decode(line)
            } catch {
                if !terminated {
                    result.torn = Torn(offset: offset, length: line.count)
                    return true
                }
                throw try unreadable(at: offset, problem(line, error))
            }
            if !terminated { result.missingNewline = true }
            if let expected, record.seq != expected {
                throw try unreadable(
                    at: offset, "answer number \(record.seq) comes before \(expected + 1); numbers must go up by one")
            }
            if result.lastSeq == 0 { result.lastSeq = record.seq }
            if record.seq <= after { return false }
            reversed.append(record)
            expected = record.seq - 1
            return true
        }
        result.records = reversed.reversed()
        return result
    }

    /// Every record from the start.
    func scan() throws -> Scan {
        var records: [ReviewRecord] = []
        var result = try forEach { records.append($0) }
        result.records = records
        return result
    }

    /// Calls `body` with every record from the start, in order, without keeping them;
    /// the returned `Scan` has no records, only what was found about the last line.
    func forEach(_ body: (ReviewRecord) throws -> Void) throws -> Scan {
        var result = Scan()
        var line = 1
        var previous: Int?
        try LineReader(fd: fd, path: path).lines(in: 0..<size) { bytes, offset, terminated in
            defer { line += 1 }
            if Journal.isBlank(bytes) { return }
            let record: ReviewRecord
            do {
                record = try Journal.decode(bytes, reader: reader, decoder: decoder)
            } catch {
                if !terminated {
                    result.torn = Torn(offset: offset, length: bytes.count)
                    return
                }
                throw ProgressError.unreadable(file: path, line: line, problem: Journal.problem(bytes, error))
            }
            if !terminated { result.missingNewline = true }
            if let previous, record.seq != previous + 1 {
                throw ProgressError.unreadable(
                    file: path, line: line,
                    problem: "answer number \(record.seq) follows \(previous); numbers must go up by one")
            }
            previous = record.seq
            try body(record)
        }
        return result
    }

    /// The latest review or practice record not yet revoked, read backwards; nil if none.
    func latestUnrevoked() throws -> ReviewRecord? {
        var revoked = Set<Int>()
        var found: ReviewRecord?
        try backward { line, offset, terminated in
            if isBlank(line) { return true }
            guard let record = try? decode(line) else {
                if !terminated { return true }
                throw try unreadable(at: offset, "not a review record")
            }
            if record.kind == .revoke {
                if let seq = record.revokes { revoked.insert(seq) }
                return true
            }
            if revoked.contains(record.seq) { return true }
            found = record
            return false
        }
        return found
    }
}
