import Foundation
import GlossCore

/// Writes the snapshot's JSON by hand for its bulk (the cards), which `JSONEncoder` makes
/// slow at tens of thousands of cards, and for the confusions; the settings and rules still
/// go through `JSONEncoder`.
/// Tests check `JSONDecoder` reads back exactly what was written.
enum FastEncoding {
    /// The snapshot as JSON text: one card per line, keys sorted.
    static func snapshot(_ snapshot: ProgressSnapshot) throws -> [UInt8] {
        let encoder = ProgressCoding.encoder()
        var out: [UInt8] = []
        out.reserveCapacity(160 * snapshot.cards.count + 4096)
        func member(_ name: String, _ value: [UInt8]) {
            out.append(contentsOf: "  \"\(name)\" : ".utf8)
            out.append(contentsOf: value)
            out.append(contentsOf: ",\n".utf8)
        }
        out.append(contentsOf: "{\n".utf8)
        member("version", Array(String(snapshot.version).utf8))
        member("learner", Array(quoted(snapshot.learner).utf8))
        member("lastSeq", Array(String(snapshot.lastSeq).utf8))
        if let offset = snapshot.lastLineOffset { member("lastLineOffset", Array(String(offset).utf8)) }
        member("settings", Array(try encoder.encode(snapshot.settings)))
        var confusions: [UInt8] = Array("{\"counts\":".utf8)
        JSONBytes.object(snapshot.confusions.counts, to: &confusions) { row, out in
            JSONBytes.object(row, to: &out) { JSONBytes.int($0, to: &$1) }
        }
        confusions.append(125)
        member("confusions", confusions)
        if let device = snapshot.device { member("device", Array(quoted(device).utf8)) }
        if let suspended = snapshot.suspended { member("suspended", Array(try encoder.encode(suspended))) }
        if let devices = snapshot.devices { member("devices", Array(try encoder.encode(devices))) }
        if let rules = snapshot.rules { member("rules", Array(try encoder.encode(rules))) }
        out.append(contentsOf: "  \"cards\" : {".utf8)
        var first = true
        for key in JSONBytes.sortedKeys(snapshot.cards.keys) {
            guard let card = snapshot.cards[key] else { continue }
            out.append(contentsOf: (first ? "\n    " : ",\n    ").utf8)
            first = false
            JournalCodec.quote(key, to: &out)
            out.append(contentsOf: " : ".utf8)
            try append(card, to: &out)
        }
        out.append(contentsOf: (first ? "}\n}\n" : "\n  }\n}\n").utf8)
        return out
    }

    private static func append(_ card: CardState, to out: inout [UInt8]) throws {
        out.append(123)
        JSONBytes.key("phase", first: true, to: &out)
        out.append(34)
        out.append(contentsOf: card.phase.rawValue.utf8)
        out.append(34)
        JSONBytes.key("reps", to: &out)
        JSONBytes.int(card.reps, to: &out)
        JSONBytes.key("lapses", to: &out)
        JSONBytes.int(card.lapses, to: &out)
        if let step = card.step {
            JSONBytes.key("step", to: &out)
            JSONBytes.int(step, to: &out)
        }
        try number("stability", card.stability, &out)
        try number("difficulty", card.difficulty, &out)
        if let due = card.due { date("due", due, &out) }
        if let last = card.lastReview { date("lastReview", last, &out) }
        try number("ease", card.ease, &out)
        try number("intervalDays", card.intervalDays, &out)
        out.append(125)
    }

    private static func date(_ name: StaticString, _ value: Date, _ out: inout [UInt8]) {
        JSONBytes.key(name, to: &out)
        out.append(34)
        JournalTime.append(value, to: &out)
        out.append(34)
    }

    private static func number(_ name: StaticString, _ value: Double?, _ out: inout [UInt8]) throws {
        guard let value else { return }
        guard value.isFinite else {
            throw EncodingError.invalidValue(
                value, EncodingError.Context(codingPath: [], debugDescription: "\(name) is not a finite number"))
        }
        JSONBytes.key(name, to: &out)
        out.append(contentsOf: value.description.utf8)
    }

    /// A JSON string literal (the journal's own quoting, `JournalCodec.quote`).
    static func quoted(_ text: String) -> String {
        var out: [UInt8] = []
        JournalCodec.quote(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
