import Foundation
import GlossCore

/// Reads one version-1 journal line (frozen: journals of that version are read until they
/// are migrated, `JournalMigration`) straight into a `ReviewRecord`, without building a JSON
/// tree.
///
/// It answers nil for anything it does not expect (an unknown or repeated key, an escape
/// in a string, a fraction where an integer belongs, ...); the caller then falls back to
/// `FastDecoding` and `JSONDecoder`, which decide and explain. Card ids and answers repeat
/// across a log, so their strings are shared (interned) rather than allocated per line.
/// Tests check it and `JSONDecoder` agree on every field.
///
/// Sendable for the journal cursor, which hands one reader from chunk to chunk: it is used by
/// one thread at a time, each hand-over ordered by the chunk's semaphore.
final class RecordReader: @unchecked Sendable {
    /// The reader of lines of the current version, used by the same thread.
    let codec: JournalCodec

    /// `answers: false`: lines of the current version are read without what the learner
    /// typed (`JournalCodec.keepsAnswers`).
    init(answers: Bool = true) { codec = JournalCodec(answers: answers) }

    func record(_ line: UnsafeBufferPointer<UInt8>) -> ReviewRecord? {
        var p = Cursor(bytes: line, reader: self)
        guard let record = p.record() else { return nil }
        p.skipSpace()
        return p.index == line.count ? record : nil
    }

    /// The string for `bytes` (plain ASCII or valid UTF-8, no escapes), shared when seen before.
    fileprivate func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String? { codec.intern(bytes) }
}

private struct Cursor {
    let bytes: UnsafeBufferPointer<UInt8>
    let reader: RecordReader
    var index = 0

    init(bytes: UnsafeBufferPointer<UInt8>, reader: RecordReader) {
        self.bytes = bytes
        self.reader = reader
    }

    mutating func skipSpace() {
        while index < bytes.count, bytes[index] == 32 || bytes[index] == 9 || bytes[index] == 13 || bytes[index] == 10 {
            index += 1
        }
    }

    mutating func expect(_ c: UInt8) -> Bool {
        skipSpace()
        guard index < bytes.count, bytes[index] == c else { return false }
        index += 1
        return true
    }

    /// Calls `member` with each key of an object (the cursor then at its value); nil when
    /// the object is malformed or `member` answers false.
    mutating func object(_ member: (inout Cursor, UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        guard expect(123) else { return false }
        if expect(125) { return true }
        repeat {
            guard let key = rawString(), expect(58) else { return false }
            skipSpace()
            guard member(&self, key) else { return false }
        } while expect(44)
        return expect(125)
    }

    /// The bytes of a string without escapes (nil for any escape or control character).
    mutating func rawString() -> UnsafeBufferPointer<UInt8>? {
        guard expect(34) else { return nil }
        let start = index
        while index < bytes.count {
            let c = bytes[index]
            if c == 34 {
                index += 1
                return UnsafeBufferPointer(rebasing: bytes[start..<(index - 1)])
            }
            if c == 92 || c < 32 { return nil }
            index += 1
        }
        return nil
    }

    mutating func string() -> String? { rawString().flatMap { reader.string($0) } }

    /// A string that must be one of `cases`' raw values, matched as bytes.
    mutating func member<T>(_ cases: ByteCases<T>) -> T? {
        guard let raw = rawString() else { return nil }
        return cases.match(raw)
    }

    mutating func isNull() -> Bool {
        guard index + 4 <= bytes.count, bytes[index] == 110, bytes[index + 1] == 117, bytes[index + 2] == 108,
            bytes[index + 3] == 108
        else { return false }
        index += 4
        return true
    }

    mutating func bool() -> Bool? {
        if index + 4 <= bytes.count, bytes[index] == 116, bytes[index + 1] == 114, bytes[index + 2] == 117,
            bytes[index + 3] == 101
        {
            index += 4
            return true
        }
        if index + 5 <= bytes.count, bytes[index] == 102, bytes[index + 1] == 97, bytes[index + 2] == 108,
            bytes[index + 3] == 115, bytes[index + 4] == 101
        {
            index += 5
            return false
        }
        return nil
    }

    /// An integer: `-?(0|[1-9][0-9]*)`, not followed by a fraction or exponent.
    mutating func int() -> Int? {
        var negative = false
        if index < bytes.count, bytes[index] == 45 {
            negative = true
            index += 1
        }
        let start = index
        var value = 0
        while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(Int(bytes[index] - 48))
            guard !o1, !o2 else { return nil }
            value = a
            index += 1
        }
        let digits = index - start
        guard digits > 0, digits == 1 || bytes[start] != 48 else { return nil }
        if index < bytes.count, bytes[index] == 46 || bytes[index] == 101 || bytes[index] == 69 { return nil }
        return negative ? -value : value
    }

    /// A JSON number as a finite `Double`.
    mutating func double() -> Double? {
        let start = index
        if index < bytes.count, bytes[index] == 45 { index += 1 }
        func digits(_ i: inout Int) -> Int {
            let s = i
            while i < bytes.count, bytes[i] >= 48, bytes[i] <= 57 { i += 1 }
            return i - s
        }
        let intStart = index
        let whole = digits(&index)
        guard whole > 0, whole == 1 || bytes[intStart] != 48 else { return nil }
        if index < bytes.count, bytes[index] == 46 {
            index += 1
            guard digits(&index) > 0 else { return nil }
        }
        if index < bytes.count, bytes[index] == 101 || bytes[index] == 69 {
            index += 1
            if index < bytes.count, bytes[index] == 43 || bytes[index] == 45 { index += 1 }
            guard digits(&index) > 0 else { return nil }
        }
        if let exact = ByteCursor.exactDouble(UnsafeBufferPointer(rebasing: bytes[start..<index])) { return exact }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else { return nil }
        return value
    }

    mutating func date() -> Date? {
        guard let raw = rawString() else { return nil }
        return JournalTime.parse(bytes: raw)
    }

    mutating func record() -> ReviewRecord? {
        var seq: Int?, kind: ReviewRecord.Kind?, time: Date?, card: CardKey?, answer: String?
        var correct: Bool?, rating: Rating?, responseMs: Int?
        var format: QuestionFormat?, confusedWith: EntryID?, before: CardState?, after: CardState?, revokes: Int?
        var seen: UInt16 = 0
        let ok = object { p, key in
            guard let bit = Words.recordKeys.index(of: key), seen & (1 << bit) == 0 else {
                return false
            }
            seen |= 1 << bit
            switch bit {
            case 0:
                if !p.isNull() {
                    guard let s = p.cardState() else { return false }
                    after = s
                }
            case 1:
                guard let a = p.string() else { return false }
                answer = a
            case 2:
                if !p.isNull() {
                    guard let s = p.cardState() else { return false }
                    before = s
                }
            case 3:
                guard let c = p.cardKey() else { return false }
                card = c
            case 4:
                if !p.isNull() {
                    guard let s = p.string() else { return false }
                    confusedWith = EntryID(s)
                }
            case 5:
                guard let b = p.bool() else { return false }
                correct = b
            case 6:
                if !p.isNull() {
                    guard let f = p.member(Words.formats) else { return false }
                    format = f
                }
            case 7:
                guard let k = p.member(Words.kinds) else { return false }
                kind = k
            case 8:
                guard let n = p.int(), let r = Rating(rawValue: n) else { return false }
                rating = r
            case 9:
                guard let n = p.int() else { return false }
                responseMs = n
            case 10:
                if !p.isNull() {
                    guard let n = p.int() else { return false }
                    revokes = n
                }
            case 11:
                guard let n = p.int() else { return false }
                seq = n
            default:
                guard let d = p.date() else { return false }
                time = d
            }
            return true
        }
        guard ok, let seq, let kind, let time, let card, let answer, let correct, let rating, let responseMs else {
            return nil
        }
        return ReviewRecord(
            seq: seq, kind: kind, time: time, card: card, format: format, answer: answer, correct: correct,
            rating: rating, responseMs: responseMs, confusedWith: confusedWith, before: before, after: after,
            revokes: revokes)
    }

    mutating func cardKey() -> CardKey? {
        var deck: String?, entry: String?, facet: Facet?
        let ok = object { p, key in
            let which = Words.cardKeys.index(of: key)
            if which == 0, deck == nil {
                deck = p.string()
                return deck != nil
            }
            if which == 1, entry == nil {
                entry = p.string()
                return entry != nil
            }
            if which == 2, facet == nil {
                facet = p.member(Words.facets)
                return facet != nil
            }
            return false
        }
        guard ok, let deck, let entry, let facet else { return nil }
        return CardKey(deck: DeckID(deck), entry: EntryID(entry), facet: facet)
    }

    mutating func cardState() -> CardState? {
        var phase: CardPhase?, reps: Int?, lapses: Int?
        var state = CardState()
        var seen: UInt16 = 0
        let ok = object { p, key in
            guard let bit = Words.stateKeys.index(of: key), seen & (1 << bit) == 0 else {
                return false
            }
            seen |= 1 << bit
            if bit == 0 {
                phase = p.member(Words.phases)
                return phase != nil
            }
            if bit == 6 {
                reps = p.int()
                return reps != nil
            }
            if bit == 7 {
                lapses = p.int()
                return lapses != nil
            }
            if p.isNull() { return true }
            switch bit {
            case 1:
                state.step = p.int()
                return state.step != nil
            case 2:
                state.stability = p.double()
                return state.stability != nil
            case 3:
                state.difficulty = p.double()
                return state.difficulty != nil
            case 4:
                state.due = p.date()
                return state.due != nil
            case 5:
                state.lastReview = p.date()
                return state.lastReview != nil
            case 8:
                state.ease = p.double()
                return state.ease != nil
            default:
                state.intervalDays = p.double()
                return state.intervalDays != nil
            }
        }
        guard ok, let phase, let reps, let lapses else { return nil }
        state.phase = phase
        state.reps = reps
        state.lapses = lapses
        return state
    }
}

/// The words of the journal's record shape.
private enum Words {
    static let recordKeys = ByteWords([
        "after", "answer", "before", "card", "confusedWith", "correct", "format", "kind", "rating", "responseMs",
        "revokes", "seq", "time",
    ])
    static let cardKeys = ByteWords(["deck", "entry", "facet"])
    static let stateKeys = ByteWords([
        "phase", "step", "stability", "difficulty", "due", "lastReview", "reps", "lapses", "ease", "intervalDays",
    ])
    static let formats = ByteCases(QuestionFormat.allCases)
    static let facets = ByteCases(Facet.allCases)
    static let phases = ByteCases(CardPhase.allCases)
    static let kinds = ByteCases<ReviewRecord.Kind>([.review, .practice, .revoke])
}
