import Foundation
import GlossCore

/// Builds the progress model types from `FastJSON` values, mirroring their `Codable`
/// decoding exactly; nil whenever `JSONDecoder` might answer differently (it is then used).
enum FastDecoding {
    /// One journal line, or nil to let `JSONDecoder` decide.
    static func record(_ line: UnsafeBufferPointer<UInt8>) -> ReviewRecord? {
        guard let value = FastJSON.parse(line) else { return nil }
        return record(value)
    }

    static func record(_ v: FastJSON.Value) -> ReviewRecord? {
        guard let seq = v["seq"]?.int, let kindText = v["kind"]?.string, let kind = ReviewRecord.Kind(rawValue: kindText),
            let time = date(v["time"]), let card = cardKey(v["card"]), let answer = v["answer"]?.string,
            let correct = v["correct"]?.bool, let ratingValue = v["rating"]?.int,
            let rating = Rating(rawValue: ratingValue), let responseMs = v["responseMs"]?.int
        else { return nil }
        var format: QuestionFormat?
        if let f = v["format"], !f.isNull {
            guard let text = f.string, let parsed = QuestionFormat(rawValue: text) else { return nil }
            format = parsed
        }
        var confusedWith: EntryID?
        if let c = v["confusedWith"], !c.isNull {
            guard let text = c.string else { return nil }
            confusedWith = EntryID(text)
        }
        var before: CardState?, after: CardState?
        if let b = v["before"], !b.isNull {
            guard let state = cardState(b) else { return nil }
            before = state
        }
        if let a = v["after"], !a.isNull {
            guard let state = cardState(a) else { return nil }
            after = state
        }
        var revokes: Int?
        if let r = v["revokes"], !r.isNull {
            guard let n = r.int else { return nil }
            revokes = n
        }
        return ReviewRecord(
            seq: seq, kind: kind, time: time, card: card, format: format, answer: answer, correct: correct,
            rating: rating, responseMs: responseMs, confusedWith: confusedWith, before: before, after: after,
            revokes: revokes)
    }

    static func cardKey(_ v: FastJSON.Value?) -> CardKey? {
        guard let v, let deck = v["deck"]?.string, let entry = v["entry"]?.string,
            let facetText = v["facet"]?.string, let facet = Facet(rawValue: facetText)
        else { return nil }
        return CardKey(deck: DeckID(deck), entry: EntryID(entry), facet: facet)
    }

    static func cardState(_ v: FastJSON.Value) -> CardState? {
        guard case .object = v, let phaseText = v["phase"]?.string, let phase = CardPhase(rawValue: phaseText),
            let reps = v["reps"]?.int, let lapses = v["lapses"]?.int
        else { return nil }
        var state = CardState(phase: phase, reps: reps, lapses: lapses)
        var ok = true
        func optionalInt(_ key: String) -> Int? {
            guard let x = v[key], !x.isNull else { return nil }
            guard let n = x.int else {
                ok = false
                return nil
            }
            return n
        }
        func optionalDouble(_ key: String) -> Double? {
            guard let x = v[key], !x.isNull else { return nil }
            guard let n = x.double else {
                ok = false
                return nil
            }
            return n
        }
        func optionalDate(_ key: String) -> Date? {
            guard let x = v[key], !x.isNull else { return nil }
            guard let d = date(x) else {
                ok = false
                return nil
            }
            return d
        }
        state.step = optionalInt("step")
        state.stability = optionalDouble("stability")
        state.difficulty = optionalDouble("difficulty")
        state.due = optionalDate("due")
        state.lastReview = optionalDate("lastReview")
        state.ease = optionalDouble("ease")
        state.intervalDays = optionalDouble("intervalDays")
        return ok ? state : nil
    }

    static func date(_ v: FastJSON.Value?) -> Date? {
        guard let text = v?.string else { return nil }
        return JournalTime.parse(text)
    }

    /// The snapshot, read in place (`ByteCursor`): its cards, confusions and the rest; the
    /// settings and rules, which are few, through `JSONDecoder`. Nil for anything it does not
    /// expect (an unknown key, a value of another shape), which `JSONDecoder` then decides.
    /// Without `cards`, the card states are skipped (their bytes scanned, not read) and the
    /// snapshot has none: for the readers of the journal alone.
    static func snapshot(_ data: Data, cards readCards: Bool = true) -> ProgressSnapshot? {
        data.withUnsafeBytes { raw -> ProgressSnapshot? in
            var c = ByteCursor(raw.bindMemory(to: UInt8.self))
            var version: Int?, learner: String?, lastSeq: Int?, lastLineOffset: Int?, device: String?
            var settings: LearnerSettings?, rules: ScheduleRules?, suspended: [String]?, devices: [String: Int]?
            var cards: [String: CardState]?, counts: [String: [String: Int]]?
            let read = c.members { key, c in
                switch key {
                case "version": version = c.int()
                case "learner": learner = c.string()
                case "lastSeq": lastSeq = c.int()
                case "lastLineOffset": return c.nullable(into: &lastLineOffset) { $0.int() }
                case "device": return c.nullable(into: &device) { $0.string() }
                case "settings": settings = decoded(&c)
                case "rules": return c.nullable(into: &rules) { decoded(&$0) }
                case "suspended": return c.nullable(into: &suspended) { $0.strings() }
                case "devices": return c.nullable(into: &devices) { $0.dictionary { $0.int() } }
                case "confusions":
                    return c.members { key, c in
                        guard key == "counts" else { return false }
                        counts = c.dictionary { $0.dictionary { $0.int() } }
                        return counts != nil
                    }
                case "cards":
                    guard readCards else {
                        guard c.objectBytes() != nil else { return false }
                        cards = [:]
                        return true
                    }
                    cards = c.dictionary { cardState(&$0) }
                default: return false
                }
                return true
            }
            guard read, c.peek() == nil, version == ProgressSnapshot.currentVersion, let learner, let lastSeq, let settings,
                let cards, let counts
            else { return nil }
            var snapshot = ProgressSnapshot(
                version: ProgressSnapshot.currentVersion, learner: learner, lastSeq: lastSeq, settings: settings,
                cards: cards, confusions: Confusions(counts: counts), lastLineOffset: lastLineOffset, rules: rules,
                devices: devices)
            snapshot.suspended = suspended
            snapshot.device = device
            return snapshot
        }
    }

    /// A card state `{"phase":…,"reps":…,…}` as its `Codable` form reads it (absent and null
    /// optionals are nil); nil for an unknown key or a value of another shape.
    static func cardState(_ c: inout ByteCursor) -> CardState? {
        var phase: CardPhase?, reps: Int?, lapses: Int?
        var state = CardState()
        let read = c.plainMembers { key, c in
            switch stateKeys.match(key) {
            case .phase:
                guard let raw = c.plainString(), let p = JournalCodec.phases.match(raw) else { return false }
                phase = p
            case .reps: reps = c.int()
            case .lapses: lapses = c.int()
            case .step: return c.nullable(into: &state.step) { $0.int() }
            case .stability: return c.nullable(into: &state.stability) { $0.double() }
            case .difficulty: return c.nullable(into: &state.difficulty) { $0.double() }
            case .ease: return c.nullable(into: &state.ease) { $0.double() }
            case .intervalDays: return c.nullable(into: &state.intervalDays) { $0.double() }
            case .due: return c.nullable(into: &state.due, time)
            case .lastReview: return c.nullable(into: &state.lastReview, time)
            case nil: return false
            }
            return true
        }
        guard read, let phase, let reps, let lapses else { return nil }
        state.phase = phase
        state.reps = reps
        state.lapses = lapses
        return state
    }

    /// The keys of a card state in the snapshot (`CardState`'s coding keys).
    enum StateKey: String, CaseIterable, Sendable {
        case phase, reps, lapses, step, stability, difficulty, ease, intervalDays, due, lastReview
    }
    private static let stateKeys = ByteCases(StateKey.allCases)

    /// A time string of the progress files (`JournalTime`).
    private static func time(_ c: inout ByteCursor) -> Date? { c.plainString().flatMap { JournalTime.parse(bytes: $0) } }

    /// The object at the cursor through `JSONDecoder` (the progress files' dates).
    private static func decoded<T: Decodable>(_ c: inout ByteCursor) -> T? {
        guard let bytes = c.objectBytes() else { return nil }
        return try? ProgressCoding.decoder().decode(T.self, from: Data(buffer: bytes))
    }
}
