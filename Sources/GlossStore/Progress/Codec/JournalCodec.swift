import Foundation
import GlossCore

/// Writes and reads journal lines of the current version (`JournalField`): the one encoder
/// and the one decoder of every reader and writer of the journal.
///
/// ```swift
/// let codec = JournalCodec()
/// let line = try JournalCodec.encode(record)           // bytes, no newline
/// let back = try line.withUnsafeBufferPointer { try codec.decode($0) }   // == record
/// ```
/// The decoder shares repeated strings (card ids, answers) between records. One instance
/// per thread.
final class JournalCodec {
    /// Strings seen by `decode` (see `JournalCodec+Decode`), kept behind a pointer: a stored
    /// `var` of a class is checked for exclusive access at run time on every string of every
    /// line. One codec is used by one thread at a time (`RecordReader`), so none is needed.
    let interned: UnsafeMutablePointer<InternTable>
    /// The card keys seen, by the bytes of their `[deck, entry, facet]`: a journal names a few
    /// thousand cards a million times, so a key is one lookup, not three strings and a hash.
    let cardKeys: UnsafeMutablePointer<ByteTable<CardKey>>
    /// The number of the last decoded line's card in `cardKeys` (`ByteTable.find`), -1 when it
    /// is not there (read in full, or the line not one of this codec's): lets a reader that
    /// keeps something per card find it by number instead of hashing the key
    /// (`ReviewTable.Part`).
    let cardNumber: UnsafeMutablePointer<Int>
    /// False for readers that have no use for what the learner typed (the review table):
    /// an answer is checked as any string is, and left empty in the record.
    let keepsAnswers: Bool

    init(answers: Bool = true) {
        keepsAnswers = answers
        interned = .allocate(capacity: 1)
        interned.initialize(to: InternTable())
        cardKeys = .allocate(capacity: 1)
        cardKeys.initialize(to: ByteTable())
        cardNumber = .allocate(capacity: 1)
        cardNumber.initialize(to: -1)
    }

    deinit {
        interned.deinitialize(count: 1)
        interned.deallocate()
        cardKeys.deinitialize(count: 1)
        cardKeys.deallocate()
        cardNumber.deallocate()
    }

    /// Why a line is not a record, in words (the caller adds the file and line).
    struct Problem: Error, Equatable, CustomStringConvertible {
        var description: String
        /// The line has a version newer than `JournalField.current`.
        var newerVersion: Int?

        init(_ description: String, newerVersion: Int? = nil) {
            self.description = description
            self.newerVersion = newerVersion
        }
    }

    // MARK: Encoding

    /// One line (without its newline). Throws for a number that is not finite.
    static func encode(_ record: ReviewRecord) throws(Problem) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(320)
        try encode(record, into: &out)
        return out
    }

    /// Appends one line (without its newline) to `out`.
    static func encode(_ record: ReviewRecord, into out: inout [UInt8]) throws(Problem) {
        out.append(123)
        var first = true
        func key(_ field: JournalField) {
            if !first { out.append(44) }
            first = false
            out.append(34)
            out.append(contentsOf: field.rawValue.utf8)
            out.append(34)
            out.append(58)
        }
        for field in JournalField.ordered {
            switch field {
            case .version:
                key(field)
                append(JournalField.current, to: &out)
            case .device:
                guard let device = record.device else { continue }
                key(field)
                quote(device, to: &out)
            case .seq:
                key(field)
                append(record.seq, to: &out)
            case .kind:
                key(field)
                quote(record.kind.rawValue, to: &out)
            case .time:
                key(field)
                time(record.time, to: &out)
            case .card:
                key(field)
                out.append(91)
                quote(record.card.deck.rawValue, to: &out)
                out.append(44)
                quote(record.card.entry.rawValue, to: &out)
                out.append(44)
                quote(record.card.facet.rawValue, to: &out)
                out.append(93)
            case .format:
                guard let format = record.format else { continue }
                key(field)
                quote(format.rawValue, to: &out)
            case .answer:
                key(field)
                quote(record.answer, to: &out)
            case .correct:
                key(field)
                out.append(contentsOf: record.correct ? Array("true".utf8) : Array("false".utf8))
            case .rating:
                key(field)
                append(record.rating.rawValue, to: &out)
            case .ms:
                key(field)
                append(record.responseMs, to: &out)
            case .confused:
                guard let confused = record.confusedWith else { continue }
                key(field)
                quote(confused.rawValue, to: &out)
            case .revokes:
                guard let revokes = record.revokes else { continue }
                key(field)
                append(revokes, to: &out)
            case .weak:
                guard let weak = record.evidence.weak else { continue }
                key(field)
                quote(weak.rawValue, to: &out)
            case .floor:
                guard let floor = record.evidence.stabilityFloor else { continue }
                key(field)
                try number(floor, "floor", to: &out)
            case .cap:
                guard let cap = record.evidence.capDays else { continue }
                key(field)
                append(cap, to: &out)
            case .days:
                guard let days = record.evidence.balancedDays else { continue }
                key(field)
                append(days, to: &out)
            case .before:
                guard let before = record.before else { continue }
                key(field)
                try state(before, to: &out)
            case .after:
                guard let after = record.after else { continue }
                key(field)
                try state(after, to: &out)
            case .rules:
                guard let rules = record.rules else { continue }
                key(field)
                out.append(contentsOf: try Self.rulesJSON(rules))
            }
        }
        out.append(125)
    }

    private static func state(_ state: CardState, to out: inout [UInt8]) throws(Problem) {
        var values: [[UInt8]?] = []
        for field in CardStateField.allCases {
            var bytes: [UInt8] = []
            switch field {
            case .phase: quote(state.phase.rawValue, to: &bytes)
            case .reps: append(state.reps, to: &bytes)
            case .lapses: append(state.lapses, to: &bytes)
            case .step: if let step = state.step { append(step, to: &bytes) }
            case .stability: try number(state.stability, "stability", to: &bytes)
            case .difficulty: try number(state.difficulty, "difficulty", to: &bytes)
            case .due: if let due = state.due { time(due, to: &bytes) }
            case .lastReview: if let last = state.lastReview { time(last, to: &bytes) }
            case .ease: try number(state.ease, "ease", to: &bytes)
            case .intervalDays: try number(state.intervalDays, "intervalDays", to: &bytes)
            }
            values.append(bytes.isEmpty ? nil : bytes)
        }
        while values.count > CardStateField.required, values.last == .some(nil) { values.removeLast() }
        out.append(91)
        for (i, value) in values.enumerated() {
            if i > 0 { out.append(44) }
            out.append(contentsOf: value ?? Array("null".utf8))
        }
        out.append(93)
    }

    /// The rules as a JSON object on one line, keys sorted.
    static func rulesJSON(_ rules: ScheduleRules) throws(Problem) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return Array(try encoder.encode(rules))
        } catch {
            throw Problem("the scheduling rules can't be written (\(error))")
        }
    }

    private static func number(_ value: Double?, _ name: String, to out: inout [UInt8]) throws(Problem) {
        guard let value else { return }
        guard value.isFinite else { throw Problem("\(name) is not a finite number (\(value))") }
        out.append(contentsOf: "\(value)".utf8)
    }

    private static func append(_ value: Int, to out: inout [UInt8]) { JSONBytes.int(value, to: &out) }

    private static func time(_ date: Date, to out: inout [UInt8]) {
        out.append(34)
        out.append(contentsOf: JournalTime.format(date).utf8)
        out.append(34)
    }

    /// A JSON string literal: `"`, `\` and control characters escaped, the rest as UTF-8.
    static func quote(_ text: String, to out: inout [UInt8]) {
        out.append(34)
        // Most text needs no escape: its bytes in one copy.
        let copied =
            text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
                guard !bytes.contains(where: { $0 == 34 || $0 == 92 || $0 < 32 }) else { return false }
                out.append(contentsOf: bytes)
                return true
            } ?? false
        if !copied { escape(text, to: &out) }
        out.append(34)
    }

    private static func escape(_ text: String, to out: inout [UInt8]) {
        for byte in text.utf8 {
            switch byte {
            case 34: out.append(contentsOf: [92, 34])
            case 92: out.append(contentsOf: [92, 92])
            case 10: out.append(contentsOf: [92, 110])
            case 13: out.append(contentsOf: [92, 114])
            case 9: out.append(contentsOf: [92, 116])
            case 0..<32: out.append(contentsOf: Array(String(format: "\\u%04x", byte).utf8))
            default: out.append(byte)
            }
        }
    }
}
