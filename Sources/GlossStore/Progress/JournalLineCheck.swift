import Foundation
import GlossCore

/// The checks every read of a journal makes, in one place: forwards from the start
/// (`forEach`, `scan`), backwards from the end (`tail`, `latestUnrevoked`, `records(since:)`)
/// and forwards in parts (`fold`, whose parts are joined with `numbering(_:after:)`).
///
/// Fed each line in the order it is read, it decodes the line and says what it is: a
/// record, a blank line to skip, the torn last line (a write cut off by a crash, kept in
/// `torn`), or a failure naming where and what. It keeps the numbering: the log's first
/// record is answer 1 and each next one is one more.
///
///     var check = JournalLineCheck(size: journal.size, direction: .forward)
///     if let failure = try check.read(0..<journal.size, from: lines, { record, offset in … }) {
///         throw try journal.unreadable(failure)
///     }
struct JournalLineCheck {
    /// The order the lines are fed in.
    enum Direction {
        /// From the first line of the log to the last.
        case forward
        /// Forwards through a range that starts inside the log (a part after the first, or
        /// the first when other parts follow): the range's first record is checked against
        /// the one before it when the parts are joined (`numbering(_:after:)`).
        case part
        /// From the last line of the log to the first.
        case backward
    }

    /// What one line is.
    enum Verdict {
        /// A record, now in `record`.
        case record
        /// A blank line.
        case skip
        /// The torn last line, now in `torn`.
        case torn
        case failure(Failure)
    }

    /// What stops a read: the start of the line to name, and what is wrong with it.
    struct Failure: Error, Equatable {
        var offset: Int
        var problem: String
    }

    /// A record's number and where its line starts.
    struct Mark: Equatable {
        var seq: Int
        var offset: Int
    }

    /// The journal's size in bytes (a line that reaches it is the last).
    let size: Int
    let direction: Direction
    let reader: RecordReader
    let decoder: JSONDecoder
    /// The first and the last record read, in file order.
    private(set) var first: Mark?
    private(set) var last: Mark?
    private(set) var torn: Journal.Torn?
    /// The last line is a record without its newline.
    private(set) var missingNewline = false
    /// The record of the line checked last (when it was one): kept here, so it is decoded in
    /// place and handed on without a copy.
    private var record = JournalCodec.blank

    init(
        size: Int, direction: Direction, reader: RecordReader = RecordReader(),
        decoder: JSONDecoder = ProgressCoding.decoder()
    ) {
        self.size = size
        self.direction = direction
        self.reader = reader
        self.decoder = decoder
    }

    /// What the line starting at `offset` is; `line` is nil, or longer than
    /// `Journal.maxLineLength`, for a line too long to be read.
    ///
    /// A line too long, unterminated, is the torn last line (only the last line may lack a
    /// newline), terminated it is a failure. A line that does not decode is the torn last
    /// line when it is the file's last (nothing, not even a blank line, follows it) and
    /// `Journal.isTorn` says so; any other is a failure.
    mutating func check(_ line: UnsafeBufferPointer<UInt8>?, at offset: Int, terminated: Bool) -> Verdict {
        guard let line, line.count <= Journal.maxLineLength else {
            guard !terminated else { return .failure(Failure(offset: offset, problem: Journal.overlongProblem)) }
            torn = Journal.Torn(offset: offset, length: size - offset)
            return .torn
        }
        if Journal.isBlank(line) { return reachedStart(offset).map(Verdict.failure) ?? .skip }
        do {
            try Journal.decode(line, reader: reader, decoder: decoder, into: &record)
        } catch {
            if offset + line.count + (terminated ? 1 : 0) >= size, Journal.isTorn(line, terminated: terminated) {
                torn = Journal.Torn(offset: offset, length: size - offset)
                return .torn
            }
            return .failure(Failure(offset: offset, problem: Journal.problem(line, error)))
        }
        if let failure = count(Mark(seq: record.seq, offset: offset)) { return .failure(failure) }
        if !terminated { missingNewline = true }
        return .record
    }

    /// The numbering rule, the one place it is written: the log's first record is answer 1
    /// (`earlier` is nil), each next one is one more than the one before. The failure names
    /// the later line, as a forward read finds it.
    static func numbering(_ later: Mark, after earlier: Mark?) -> Failure? {
        guard let earlier else {
            return later.seq == 1 ? nil : Failure(offset: later.offset, problem: Journal.missingStart(later.seq))
        }
        guard later.seq != earlier.seq + 1 else { return nil }
        return Failure(offset: later.offset, problem: Journal.outOfOrder(later.seq, follows: earlier.seq))
    }

    /// Checks a record's number against the one read before it, and keeps it.
    private mutating func count(_ mark: Mark) -> Failure? {
        switch direction {
        case .forward, .part:
            if last != nil || direction == .forward, let failure = Self.numbering(mark, after: last) { return failure }
            if first == nil { first = mark }
            last = mark
            return nil
        case .backward:
            if let first, let failure = Self.numbering(first, after: mark) { return failure }
            if last == nil { last = mark }
            first = mark
            return reachedStart(mark.offset)
        }
    }

    /// Read backwards, the line at byte 0 ends the read: the first record is now known and
    /// must be answer 1.
    private func reachedStart(_ offset: Int) -> Failure? {
        switch direction {
        case .forward, .part: return nil
        case .backward:
            guard offset == 0, let first else { return nil }
            return Self.numbering(first, after: nil)
        }
    }
}

extension JournalLineCheck {
    /// Reads the lines of `range` (which starts at a line start) forwards, handing each
    /// record and where its line starts to `body`; returns the failure that stopped the
    /// read, if any (errors reading the file, and those of `body`, are thrown). The record is
    /// lent to `body` in place (a copy of it per line was a tenth of a long read); what
    /// `body` leaves in it is replaced by the next line's.
    mutating func read(
        _ range: Range<Int>, from lines: LineReader, _ body: (inout ReviewRecord, Int) throws -> Void
    ) throws -> Failure? {
        do {
            try lines.lines(in: range) { line, offset, terminated in
                switch check(line, at: offset, terminated: terminated) {
                case .record: try body(&record, offset)
                case .skip, .torn: return
                case .failure(let failure): throw failure
                }
            }
        } catch let failure as Failure {
            return failure
        }
        return nil
    }

    /// Reads the lines of `journal` from the last to the first, handing each record and
    /// where its line starts to `body` until it returns false; returns the failure that
    /// stopped the read, if any.
    mutating func readBackward(_ journal: Journal, _ body: (ReviewRecord, Int) throws -> Bool) throws -> Failure? {
        do {
            try journal.backward { line, offset, terminated in
                let verdict =
                    if let line {
                        line.withUnsafeBufferPointer { check($0, at: offset, terminated: terminated) }
                    } else {
                        check(nil, at: offset, terminated: terminated)
                    }
                switch verdict {
                case .record: return try body(record, offset)
                case .skip, .torn: return true
                case .failure(let failure): throw failure
                }
            }
        } catch let failure as Failure {
            return failure
        }
        return nil
    }
}
