import Foundation
import GRDB
import GlossCore
import ZIPFoundation

/// Writes a gloss deck as an Anki `.apkg`: one note per entry of a "gloss term" note type
/// (Term, Definition, Explanation, Related, Aliases; card 1 Term → Definition is gloss's
/// `recall`, card 2 Definition → Term is `recognize`), tags, and with progress the cards'
/// schedule and the answers as `revlog` rows.
///
/// ```swift
/// let data = try AnkiPackageWriter.package(deck, progress: nil, now: now, legacy: false)
/// try ExportFile.write(data, to: "deck.apkg", force: false)
/// ```
/// The current format is `collection.anki21b` (zstd) beside a placeholder `collection.anki2`;
/// `legacy` writes `collection.anki21` for Anki before 2.1.50.
public enum AnkiPackageWriter {
    /// What to carry over from the learner: each card's state and the answers, in time order.
    public struct Progress: Sendable {
        public var cards: [CardKey: CardState]
        public var records: [ReviewRecord]

        public init(cards: [CardKey: CardState], records: [ReviewRecord]) {
            self.cards = cards
            self.records = records
        }
    }

    /// The note type's id, the same in every export so Anki sees one note type.
    static let noteTypeID: Int64 = 1_700_000_000_019
    static let fieldNames = ["Term", "Definition", "Explanation", "Related", "Aliases"]

    /// The package's bytes; a failure to build it (scratch files, zip, zstd) is
    /// `StoreError.export(.cannotWrite)`.
    public static func package(_ deck: Deck, progress: Progress?, now: Date, legacy: Bool) throws(StoreError) -> Data {
        do {
            return try build(deck, progress: progress, now: now, legacy: legacy)
        } catch let error as StoreError {
            throw error
        } catch let error as Zstd.Failure {
            throw .export(.cannotWrite(what: "Anki package", reason: "zstd compression failed (\(error))"))
        } catch {
            throw .export(.cannotWrite(what: "Anki package", reason: "\(error)"))
        }
    }

    private static func build(_ deck: Deck, progress: Progress?, now: Date, legacy: Bool) throws -> Data {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gloss-apkg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let collection = try database(deck, progress: progress, now: now, at: folder.appendingPathComponent("c.anki21"))
        let placeholder = try database(
            Deck(id: deck.id, title: deck.title), progress: nil, now: now, at: folder.appendingPathComponent("c.anki2"))
        let archive = try Archive(data: Data(), accessMode: .create)
        // zstd members are stored as they are: deflating them again gains nothing.
        func add(_ name: String, _ data: Data, deflate: Bool = true) throws {
            try archive.addEntry(
                with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: deflate ? .deflate : .none,
                provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
        }
        if legacy {
            try add("collection.anki21", collection)
            try add("collection.anki2", placeholder)
            try add("media", Data("{}".utf8))
            try add("meta", Data([0x08, 0x02]))
        } else {
            try add("collection.anki21b", try Zstd.compress(collection), deflate: false)
            try add("collection.anki2", placeholder)
            try add("media", try Zstd.compress(Data()), deflate: false)
            try add("meta", Data([0x08, 0x03]))
        }
        guard let data = archive.data else {
            throw StoreError.export(.cannotWrite(what: "Anki package", reason: "the zip was not built"))
        }
        return data
    }

    /// A schema-11 collection holding `deck`, as bytes.
    static func database(_ deck: Deck, progress: Progress?, now: Date, at url: URL) throws -> Data {
        var scratch = Configuration()
        // A scratch file read once and thrown away: no rollback journal, no fsync.
        scratch.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF")
        }
        let queue = try DatabaseQueue(path: url.path, configuration: scratch)
        let nowMs = Int64((now.timeIntervalSince1970 * 1000).rounded(.down))
        let nowSecs = nowMs / 1000
        let firstAnswer = progress?.records.first?.time ?? now
        // The collection's creation: the start of the UTC day of the first answer (days count from it).
        let crt = Int64(min(firstAnswer, now).timeIntervalSince1970 / 86_400) * 86_400
        let deckID = 1_700_000_000_000 + Int64(FuzzSeed.of(deck.id.rawValue, reviews: 0) % 1_000_000)
        try queue.write { db in
            try db.execute(sql: schema)
            try db.execute(
                sql: "INSERT INTO col VALUES (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, '{}')",
                arguments: [
                    crt, nowMs, nowMs, json(configuration(deckID: deckID, next: deck.entries.count + 1)),
                    json([String(noteTypeID): noteType(deckID: deckID, mod: nowSecs)]),
                    json([
                        "1": deckJSON(id: 1, name: "Default", mod: 0),
                        String(deckID): deckJSON(id: deckID, name: deck.title, mod: nowSecs),
                    ]),
                    json(["1": options()]),
                ])
            let insertNote = try db.makeStatement(sql: "INSERT INTO notes VALUES (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, '')")
            let insertCard = try db.makeStatement(
                sql: "INSERT INTO cards VALUES (?, ?, ?, ?, ?, -1, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, ?)")
            let insertReview = try db.makeStatement(sql: "INSERT INTO revlog VALUES (?, ?, -1, ?, ?, ?, ?, ?, ?)")
            let names = Dictionary(deck.entries.map { ($0.id, $0.term) }, uniquingKeysWith: { a, _ in a })
            var cardIDs: [CardKey: Int64] = [:]
            for (index, entry) in deck.entries.enumerated() {
                let noteID = nowMs - Int64(deck.entries.count * 3) + Int64(index * 3)
                let fields = [
                    entry.term, entry.definition, entry.explanation,
                    entry.related.compactMap { names[$0] }.joined(separator: ", "), entry.aliases.joined(separator: ", "),
                ].map(html)
                let tags = entry.tags.map {
                    $0.replacingOccurrences(of: "/", with: "::").replacingOccurrences(of: " ", with: "_")
                }
                try insertNote.execute(
                    arguments: [
                        noteID, guid(deck.id, entry.id), noteTypeID, nowSecs,
                        tags.isEmpty ? "" : " \(tags.joined(separator: " ")) ",
                        fields.joined(separator: "\u{1F}"), entry.term, checksum(entry.term),
                    ])
                for (ord, facet) in [(0, Facet.recall), (1, Facet.recognize)] {
                    let key = CardKey(deck: deck.id, entry: entry.id, facet: facet)
                    let cardID = noteID + Int64(ord)
                    cardIDs[key] = cardID
                    let s = schedule(progress?.cards[key] ?? .new, position: index + 1, crt: crt, now: now)
                    try insertCard.execute(
                        arguments: [
                            cardID, noteID, deckID, ord, nowSecs, s.type, s.queue, s.due, s.ivl, s.factor, s.reps, s.lapses,
                            s.data,
                        ])
                }
            }
            var lastID: Int64 = 0
            for record in progress?.records ?? [] {
                guard let cardID = cardIDs[record.card] else { continue }
                var id = Int64((record.time.timeIntervalSince1970 * 1000).rounded(.down))
                if id <= lastID { id = lastID + 1 }
                lastID = id
                let before = record.before ?? .new
                let after = record.after ?? before
                let type: Int
                switch before.phase {
                case .new, .learning: type = 0
                case .review: type = 1
                case .relearning: type = 2
                }
                try insertReview.execute(
                    arguments: [
                        id, cardID, record.rating.rawValue, interval(after, at: record.time),
                        record.before.map { interval($0, at: $0.lastReview ?? record.time) } ?? 0,
                        type == 0 ? 0 : 2500, max(0, min(record.responseMs, 3_600_000)), type,
                    ])
            }
            try db.execute(sql: indexes)
        }
        try queue.close()
        return try Data(contentsOf: url)
    }

    /// Anki's revlog interval: days when the next due is a day or more away, else negative seconds.
    static func interval(_ state: CardState, at time: Date) -> Int {
        guard let due = state.due else { return 0 }
        let seconds = due.timeIntervalSince(time)
        if state.phase == .review || seconds >= 86_400 { return max(1, Int((seconds / 86_400).rounded())) }
        return -max(1, Int(seconds.rounded()))
    }

    struct Schedule {
        var type = 0, queue = 0
        var due: Int64
        var ivl = 0, factor = 0, reps = 0, lapses = 0
        var data = ""
    }

    static func schedule(_ state: CardState, position: Int, crt: Int64, now: Date) -> Schedule {
        var s = Schedule(due: Int64(position))
        s.reps = state.reps
        s.lapses = state.lapses
        if let stability = state.stability, let difficulty = state.difficulty, stability > 0, (1...10).contains(difficulty) {
            s.data = "{\"s\":\(String(format: "%.4f", stability)),\"d\":\(String(format: "%.3f", difficulty))}"
        }
        guard let due = state.due else { return s }
        s.factor = Int(((state.ease ?? 2.5) * 1000).rounded())
        switch state.phase {
        case .new:
            break
        case .learning, .relearning:
            s.type = state.phase == .learning ? 1 : 3
            s.queue = 1
            s.due = Int64(due.timeIntervalSince1970)
            if state.phase == .relearning { s.ivl = max(1, Int((state.intervalDays ?? state.stability ?? 1).rounded())) }
        case .review:
            s.type = 2
            s.queue = 2
            s.due = (Int64(due.timeIntervalSince1970) - crt) / 86_400
            s.ivl = max(1, Int((due.timeIntervalSince(state.lastReview ?? now) / 86_400).rounded()))
        }
        return s
    }

    /// A stable note guid, so a second export updates the notes a first one made.
    static func guid(_ deck: DeckID, _ entry: EntryID) -> String {
        String(FuzzSeed.of("gloss:\(deck.rawValue)/\(entry.rawValue)", reviews: 0), radix: 36)
    }

    /// Anki's duplicate check: the first 8 hex digits of the SHA-1 of the first field's text.
    static func checksum(_ text: String) -> Int64 {
        let digest = SHA1.digest(Array(text.utf8))
        return digest.prefix(4).reduce(Int64(0)) { $0 << 8 | Int64($1) }
    }

    static func html(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x0A || $0 == 0x1F }) else {
            return text
        }
        return text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\n", with: "<br>")
            .replacingOccurrences(of: "\u{1F}", with: " ")
    }

    static func json(_ object: Any) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }
}
