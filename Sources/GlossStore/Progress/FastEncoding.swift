import Foundation
import GlossCore

/// Writes the snapshot's JSON by hand for its bulk (the cards), which `JSONEncoder` makes
/// slow at tens of thousands of cards; settings and confusions still go through `JSONEncoder`.
/// Tests check `JSONDecoder` reads back exactly what was written.
enum FastEncoding {
    /// The snapshot as JSON text: one card per line, keys sorted.
    static func snapshot(_ snapshot: ProgressSnapshot) throws -> [UInt8] {
        let encoder = ProgressCoding.encoder()
        var out = "{\n"
        out += "  \"version\" : \(snapshot.version),\n"
        out += "  \"learner\" : \(quoted(snapshot.learner)),\n"
        out += "  \"lastSeq\" : \(snapshot.lastSeq),\n"
        if let offset = snapshot.lastLineOffset { out += "  \"lastLineOffset\" : \(offset),\n" }
        out += "  \"settings\" : \(String(decoding: try encoder.encode(snapshot.settings), as: UTF8.self)),\n"
        out += "  \"confusions\" : \(String(decoding: try encoder.encode(snapshot.confusions), as: UTF8.self)),\n"
        if let device = snapshot.device { out += "  \"device\" : \(quoted(device)),\n" }
        if let suspended = snapshot.suspended {
            out += "  \"suspended\" : \(String(decoding: try encoder.encode(suspended), as: UTF8.self)),\n"
        }
        if let devices = snapshot.devices {
            out += "  \"devices\" : \(String(decoding: try encoder.encode(devices), as: UTF8.self)),\n"
        }
        if let rules = snapshot.rules {
            out += "  \"rules\" : \(String(decoding: try encoder.encode(rules), as: UTF8.self)),\n"
        }
        out += "  \"cards\" : {"
        var first = true
        for key in snapshot.cards.keys.sorted() {
            guard let card = snapshot.cards[key] else { continue }
            out += first ? "\n    " : ",\n    "
            first = false
            out += quoted(key)
            out += " : "
            try append(card, to: &out)
        }
        out += first ? "}\n}\n" : "\n  }\n}\n"
        return Array(out.utf8)
    }

    private static func append(_ card: CardState, to out: inout String) throws {
        out += "{\"phase\":\"\(card.phase.rawValue)\",\"reps\":\(card.reps),\"lapses\":\(card.lapses)"
        if let step = card.step { out += ",\"step\":\(step)" }
        try number("stability", card.stability, &out)
        try number("difficulty", card.difficulty, &out)
        if let due = card.due { out += ",\"due\":\"\(JournalTime.format(due))\"" }
        if let last = card.lastReview { out += ",\"lastReview\":\"\(JournalTime.format(last))\"" }
        try number("ease", card.ease, &out)
        try number("intervalDays", card.intervalDays, &out)
        out += "}"
    }

    private static func number(_ name: String, _ value: Double?, _ out: inout String) throws {
        guard let value else { return }
        guard value.isFinite else {
            throw EncodingError.invalidValue(
                value, EncodingError.Context(codingPath: [], debugDescription: "\(name) is not a finite number"))
        }
        out += ",\"\(name)\":\(value)"
    }

    /// A JSON string literal (the journal's own quoting, `JournalCodec.quote`).
    static func quoted(_ text: String) -> String {
        var out: [UInt8] = []
        JournalCodec.quote(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
