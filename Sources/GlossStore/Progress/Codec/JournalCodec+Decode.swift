import Foundation
import GlossCore

extension JournalCodec {
    /// How the problem of a line of a newer version starts.
    static let newerPrefix = "written by a newer gloss"

    /// Whether a line is of version 2 or later (it opens with its `v`); older lines have none.
    static func isVersioned(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        var cursor = ByteCursor(line)
        guard cursor.expect(123), let key = cursor.plainString() else { return false }
        return key.count == 1 && key[0] == 118
    }

    /// The record a line of version 2 or 3 holds (a version-2 line is a version-3 line
    /// without evidence or rules; its reviews carry their `after`). Throws a `Problem` naming the key or value that
    /// is wrong: an unknown or repeated key, a missing one, a value of the wrong shape, a
    /// version newer than this gloss reads.
    func decode(_ line: UnsafeBufferPointer<UInt8>) throws(Problem) -> ReviewRecord {
        var record = Self.blank
        try decode(line, into: &record)
        return record
    }

    /// `decode`, into `record` (whatever it held before is replaced): what a journal's
    /// readers call for each line, so the record is not copied from layer to layer.
    func decode(_ line: UnsafeBufferPointer<UInt8>, into record: inout ReviewRecord) throws(Problem) {
        record = Self.blank
        cardNumber.pointee = -1
        var p = ByteCursor(line)
        guard p.expect(123) else { throw Problem("a record is a JSON object on one line") }
        var seen: UInt32 = 0  // bit i: JournalField.allCases[i] read
        if p.expect(125) { throw Problem("the record is empty") }
        // Fields before `next` can't come next in a line written in order: the next key is
        // looked for among the later ones, with its quotes and colon, before it is read.
        var next = 0
        repeat {
            let index: Int
            let colonRead: Bool
            if let known = JournalField.quotedKeys.prefix(of: line, at: p.index, from: next) {
                index = known
                colonRead = true
                p.index += JournalField.quotedKeys.count(of: known)
            } else {
                guard let raw = p.plainString() else { throw Problem("expected a key at byte \(p.index + 1)") }
                guard let found = JournalField.words.index(of: raw) else {
                    throw Problem(
                        "unknown field \"\(String(decoding: raw, as: UTF8.self))\" (this gloss reads \(JournalField.allCases.map(\.rawValue).joined(separator: ", ")))"
                    )
                }
                index = found
                colonRead = false
            }
            next = index + 1
            let field = JournalField.ordered[index]
            guard seen & (1 << index) == 0 else { throw Problem("field \"\(field.rawValue)\" appears twice") }
            seen |= 1 << index
            guard colonRead || p.expect(58) else { throw Problem("expected ':' after \"\(field.rawValue)\"") }
            if field != .version, seen & 1 == 0 { throw Problem("the record does not start with its version \"v\"") }
            try value(of: field, from: &p, into: &record)
        } while p.expect(44)
        guard p.expect(125), p.peek() == nil else { throw Problem("unexpected text at byte \(p.index + 1)") }
        if JournalField.requiredMask & ~seen != 0,
            let missing = JournalField.ordered.indices.first(where: { JournalField.requiredMask & ~seen & (1 << $0) != 0 })
        {
            throw Problem("field \"\(JournalField.ordered[missing].rawValue)\" is missing")
        }
    }

    /// What a line's fields are read into (made once: a record made per line cost more than
    /// some of its fields).
    static let blank = ReviewRecord(
        seq: 0, time: Date(timeIntervalSince1970: 0), card: CardKey(deck: DeckID(""), entry: EntryID(""), facet: .recognize),
        correct: false, rating: .again)

    private func value(of field: JournalField, from p: inout ByteCursor, into record: inout ReviewRecord) throws(Problem) {
        func bad(_ what: String) -> Problem { Problem("\"\(field.rawValue)\" must be \(what)") }
        switch field {
        case .version:
            guard let version = p.int(), version >= 2 else { throw bad("a version number, 2 or more") }
            guard version <= JournalField.current else {
                throw Problem("\(Self.newerPrefix) (version \(version))", newerVersion: version)
            }
        case .device:
            guard let device = string(&p), !device.isEmpty else { throw bad("a device id") }
            record.device = device
        case .seq:
            guard let seq = p.int() else { throw bad("a whole number") }
            record.seq = seq
        case .kind:
            guard let raw = p.plainString(), let kind = Self.kinds.match(raw) else {
                throw bad(ReviewRecord.Kind.allCases.map(\.rawValue).joined(separator: ", "))
            }
            record.kind = kind
        case .time:
            guard let time = date(&p) else { throw bad("a time like 2026-01-01T09:00:00.000Z") }
            record.time = time
        case .card:
            guard let card = try cardKey(&p) else { throw bad("[deck, entry, facet]") }
            record.card = card
        case .format:
            guard let raw = p.plainString(), let format = Self.formats.match(raw) else { throw bad("a question format") }
            record.format = format
        case .answer:
            guard keepsAnswers else {
                guard Self.isString(&p) else { throw bad("a string") }
                return
            }
            guard let answer = string(&p) else { throw bad("a string") }
            record.answer = answer
        case .correct:
            guard let correct = p.bool() else { throw bad("true or false") }
            record.correct = correct
        case .rating:
            guard let n = p.int(), let rating = Rating(rawValue: n) else { throw bad("1, 2, 3 or 4") }
            record.rating = rating
        case .ms:
            // Any whole number: a clock set back while a question was shown measures less than 0.
            guard let ms = p.int() else { throw bad("a whole number of milliseconds") }
            record.responseMs = ms
        case .confused:
            guard let other = string(&p) else { throw bad("an entry id") }
            record.confusedWith = EntryID(other)
        case .revokes:
            guard let seq = p.int() else { throw bad("a whole number") }
            record.revokes = seq
        case .weak:
            guard let raw = p.plainString(), let weak = Self.weaks.match(raw) else {
                throw bad(AnswerEvidence.Weak.allCases.map(\.rawValue).joined(separator: " or "))
            }
            record.evidence.weak = weak
        case .floor:
            guard let floor = p.double(), floor.isFinite, floor > 0 else { throw bad("a stability in days") }
            record.evidence.stabilityFloor = floor
        case .cap:
            guard let cap = p.int(), cap >= 1 else { throw bad("a whole number of days, 1 or more") }
            record.evidence.capDays = cap
        case .days:
            guard let days = p.int(), days >= 1 else { throw bad("a whole number of days, 1 or more") }
            record.evidence.balancedDays = days
        case .before:
            record.before = try state(&p, field)
        case .after:
            record.after = try state(&p, field)
        case .rules:
            record.rules = try rules(&p)
        }
    }

    /// Scheduling rules: a JSON object read by `JSONDecoder` (they are rare), checked by
    /// making their scheduler, so a replay never meets rules it can't use.
    private func rules(_ p: inout ByteCursor) throws(Problem) -> ScheduleRules {
        guard let bytes = p.objectBytes() else { throw Problem("\"rules\" must be an object of scheduling rules") }
        let rules: ScheduleRules
        do {
            rules = try JSONDecoder().decode(ScheduleRules.self, from: Data(buffer: bytes))
        } catch {
            throw Problem("\"rules\" must be an object of scheduling rules (\(ProgressCoding.describe(error)))")
        }
        do {
            _ = try rules.makeScheduler()
        } catch {
            throw Problem("\"rules\" can't be used: \(error)")
        }
        return rules
    }

    private func state(_ p: inout ByteCursor, _ field: JournalField) throws(Problem) -> CardState {
        var problem: Problem {
            Problem(
                "\"\(field.rawValue)\" must be a card state [\(CardStateField.allCases.map { "\($0)" }.joined(separator: ", "))]")
        }
        guard p.expect(91) else { throw problem }
        var state = CardState()
        var count = 0
        if !p.expect(93) {
            repeat {
                guard let field = CardStateField(rawValue: count) else { throw problem }
                count += 1
                if field.rawValue >= CardStateField.required, p.null() { continue }
                switch field {
                case .phase:
                    guard let raw = p.plainString(), let phase = Self.phases.match(raw) else { throw problem }
                    state.phase = phase
                case .reps:
                    guard let n = p.int() else { throw problem }
                    state.reps = n
                case .lapses:
                    guard let n = p.int() else { throw problem }
                    state.lapses = n
                case .step:
                    guard let n = p.int() else { throw problem }
                    state.step = n
                case .stability:
                    guard let x = p.double() else { throw problem }
                    state.stability = x
                case .difficulty:
                    guard let x = p.double() else { throw problem }
                    state.difficulty = x
                case .due:
                    guard let d = date(&p) else { throw problem }
                    state.due = d
                case .lastReview:
                    guard let d = date(&p) else { throw problem }
                    state.lastReview = d
                case .ease:
                    guard let x = p.double() else { throw problem }
                    state.ease = x
                case .intervalDays:
                    guard let x = p.double() else { throw problem }
                    state.intervalDays = x
                }
            } while p.expect(44)
            guard p.expect(93) else { throw problem }
        }
        guard count >= CardStateField.required else { throw problem }
        return state
    }

    /// A card key, `[deck, entry, facet]`. One whose strings have no escapes is looked up by
    /// its bytes (`cardKeys`) and read only the first time they are met.
    ///
    /// The lookup first tries the bytes up to the first `]`: every stored key's bytes are a
    /// whole array that ends at its own `]`, so when they match, the line's array is that
    /// one (an id holding a `]` only misses, and is read in full).
    private func cardKey(_ p: inout ByteCursor) throws(Problem) -> CardKey? {
        let start = p.index
        if let base = p.bytes.baseAddress, start < p.bytes.count,
            let hit = memchr(base + start, 93, p.bytes.count - start)
        {
            let end = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit)) + 1
            if let known = cardKeys.pointee.find(UnsafeBufferPointer(rebasing: p.bytes[start..<end])) {
                p.index = end
                cardNumber.pointee = known.index
                return known.value
            }
        }
        guard p.expect(91), p.plainString() != nil, p.expect(44), p.plainString() != nil, p.expect(44),
            p.plainString() != nil, p.expect(93)
        else {
            p.index = start
            return newCardKey(&p)
        }
        let span = UnsafeBufferPointer(rebasing: p.bytes[start..<p.index])
        let entry = cardKeys.pointee.entry(span) { bytes in
            var q = ByteCursor(bytes)
            return newCardKey(&q)
        }
        cardNumber.pointee = entry?.index ?? -1
        return entry?.value
    }

    private func newCardKey(_ p: inout ByteCursor) -> CardKey? {
        guard p.expect(91), let deck = string(&p), p.expect(44), let entry = string(&p), p.expect(44),
            let raw = p.plainString(), let facet = Self.facets.match(raw), p.expect(93)
        else { return nil }
        return CardKey(deck: DeckID(deck), entry: EntryID(entry), facet: facet)
    }

    private func date(_ p: inout ByteCursor) -> Date? {
        guard let raw = p.plainString() else { return nil }
        return JournalTime.parse(bytes: raw)
    }

    /// Whether a string comes next (read past, checked as `string` checks one: its escapes
    /// and its UTF-8), without building it.
    private static func isString(_ p: inout ByteCursor) -> Bool {
        let start = p.index
        guard let bytes = p.plainString() else {
            p.index = start
            return p.string() != nil
        }
        return bytes.allSatisfy { $0 < 0x80 } || String(validating: bytes, as: UTF8.self) != nil
    }

    /// A string, shared with earlier records when its bytes were seen before.
    private func string(_ p: inout ByteCursor) -> String? {
        let start = p.index
        guard let bytes = p.plainString() else {
            p.index = start
            return p.string()
        }
        return intern(bytes)
    }

    /// The string `bytes` spell (nil for invalid UTF-8), the same instance as for earlier
    /// equal bytes: card ids and answers repeat across a journal (the version-1 reader
    /// shares this table).
    func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> String? { interned.pointee.string(bytes) }

    private static let formats = ByteCases(QuestionFormat.allCases)
    private static let facets = ByteCases(Facet.allCases)
    static let phases = ByteCases(CardPhase.allCases)
    private static let kinds = ByteCases(ReviewRecord.Kind.allCases)
    private static let weaks = ByteCases(AnswerEvidence.Weak.allCases)
}

/// One journal line on its own, for tools and tests that write or read a journal's text:
/// `try JournalLine.record("{\"v\":2,…}")`, `try JournalLine.encode(record)`.
public enum JournalLine {
    /// The line of the current version for `record` (no newline).
    public static func encode(_ record: ReviewRecord) throws -> [UInt8] { try JournalCodec.encode(record) }

    /// The record a line of any version this gloss reads holds.
    public static func record(_ line: some StringProtocol) throws -> ReviewRecord {
        var bytes = Array(line.utf8)
        while let last = bytes.last, last == 10 || last == 13 { bytes.removeLast() }
        return try bytes.withUnsafeBufferPointer {
            try Journal.decode($0, reader: RecordReader(), decoder: ProgressCoding.decoder())
        }
    }
}
