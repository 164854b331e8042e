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

    /// The snapshot's cards and confusions (settings come from `JSONDecoder`, they are few).
    static func snapshot(_ data: Data) -> ProgressSnapshot? {
        data.withUnsafeBytes { raw -> ProgressSnapshot? in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard let root = FastJSON.parse(bytes), root["version"]?.int == ProgressSnapshot.currentVersion,
                let learner = root["learner"]?.string, let lastSeq = root["lastSeq"]?.int,
                case .object(let cardMembers)? = root["cards"], let counts = root["confusions"]?["counts"],
                case .object(let countMembers) = counts, let settingsValue = root["settings"]
            else { return nil }
            var cards: [String: CardState] = [:]
            cards.reserveCapacity(cardMembers.count)
            for member in cardMembers {
                guard let state = cardState(member.value) else { return nil }
                cards[member.key] = state
            }
            var confusions: [String: [String: Int]] = [:]
            for member in countMembers {
                guard case .object(let picks) = member.value else { return nil }
                var inner: [String: Int] = [:]
                for pick in picks {
                    guard let n = pick.value.int else { return nil }
                    inner[pick.key] = n
                }
                confusions[member.key] = inner
            }
            guard let settings = settings(settingsValue) else { return nil }
            var rules: ScheduleRules?
            if let value = root["rules"], !value.isNull {
                guard case .object = value, let data = try? JSONSerialization.data(withJSONObject: foundation(value)),
                    let decoded = try? JSONDecoder().decode(ScheduleRules.self, from: data)
                else { return nil }
                rules = decoded
            }
            var suspended: [String]?
            if let value = root["suspended"], !value.isNull {
                guard case .array(let items) = value else { return nil }
                var keys: [String] = []
                for item in items {
                    guard let key = item.string else { return nil }
                    keys.append(key)
                }
                suspended = keys
            }
            var devices: [String: Int]?
            if let value = root["devices"], !value.isNull {
                guard case .object(let members) = value else { return nil }
                var sizes: [String: Int] = [:]
                for member in members {
                    guard let size = member.value.int else { return nil }
                    sizes[member.key] = size
                }
                devices = sizes
            }
            var lastLineOffset: Int?
            if let o = root["lastLineOffset"], !o.isNull {
                guard let n = o.int else { return nil }
                lastLineOffset = n
            }
            var snapshot = ProgressSnapshot(
                version: ProgressSnapshot.currentVersion, learner: learner, lastSeq: lastSeq, settings: settings,
                cards: cards, confusions: Confusions(counts: confusions), lastLineOffset: lastLineOffset, rules: rules,
                devices: devices)
            snapshot.suspended = suspended
            if let value = root["device"], !value.isNull {
                guard let device = value.string else { return nil }
                snapshot.device = device
            }
            return snapshot
        }
    }

    /// Settings through `JSONDecoder` (defaults for missing fields live there).
    private static func settings(_ v: FastJSON.Value) -> LearnerSettings? {
        guard case .object = v, let data = try? JSONSerialization.data(withJSONObject: foundation(v)) else { return nil }
        return try? JSONDecoder().decode(LearnerSettings.self, from: data)
    }

    private static func foundation(_ v: FastJSON.Value) -> Any {
        switch v {
        case .object(let members):
            return Dictionary(members.map { ($0.key, foundation($0.value)) }, uniquingKeysWith: { _, last in last })
        case .array(let items): return items.map(foundation)
        case .string(let s): return s
        case .number(let text): return Int(text).map { $0 as Any } ?? (Double(text) ?? 0) as Any
        case .bool(let b): return b
        case .null: return NSNull()
        }
    }
}
