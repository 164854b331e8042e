import Foundation
import GRDB

/// What gloss reads from an Anki collection database (schema 11 to 18): note types, decks,
/// notes, cards, review log and the FSRS parameters of the deck options.
struct AnkiCollection {
    struct NoteType: Equatable {
        var id: Int64
        var name: String
        var isCloze: Bool
        var fields: [String]
    }

    struct Note: Equatable {
        var id: Int64
        var noteType: Int64
        var fields: [String]
        var tags: [String]
    }

    struct Card: Equatable {
        var id: Int64
        var note: Int64
        var deck: Int64
        var ord: Int
        /// FSRS memory state from `cards.data`, when Anki keeps one.
        var stability: Double?
        var difficulty: Double?
    }

    struct Review: Equatable {
        /// Answer time, milliseconds since 1970.
        var id: Int64
        var card: Int64
        var ease: Int
        var type: Int
        /// Milliseconds spent.
        var taken: Int
    }

    /// Schema versions gloss reads (`col.ver`).
    static let schemas = 11...18

    var schema: Int
    var noteTypes: [Int64: NoteType]
    /// Full deck names, `Parent::Child`.
    var decks: [Int64: String]
    var notes: [Note]
    var cards: [Card]
    var reviews: [Review]
    /// The first deck options' FSRS parameters (FSRS-6, else 5, else 4), empty when none.
    var fsrsParameters: [Double]
    var desiredRetention: Double?

    static func read(_ package: AnkiPackage) throws(StoreError) -> AnkiCollection {
        let file = "\(package.file) (\(package.version))"
        func fail(_ reason: String) -> StoreError { .unreadable(file: file, reason: reason) }
        var configuration = Configuration()
        configuration.readonly = true
        // Anki's own collation for names; the tables declare it.
        configuration.prepareDatabase { db in
            db.add(collation: DatabaseCollation("unicase") { $0.caseInsensitiveCompare($1) })
        }
        do {
            let queue = try DatabaseQueue(path: package.databasePath, configuration: configuration)
            return try queue.read { db throws -> AnkiCollection in
                guard let check = try String.fetchOne(db, sql: "PRAGMA quick_check"), check == "ok" else {
                    throw StoreError.unreadable(file: file, reason: "the SQLite database is damaged (quick_check failed)")
                }
                guard let schema = try Int.fetchOne(db, sql: "SELECT ver FROM col") else {
                    throw StoreError.unreadable(file: file, reason: "the col table is empty")
                }
                guard schemas.contains(schema) else {
                    throw StoreError.unreadable(
                        file: file,
                        reason: "unknown collection schema \(schema) (gloss reads \(schemas.lowerBound) to \(schemas.upperBound))"
                    )
                }
                let modern = try db.tableExists("notetypes")
                var collection = AnkiCollection(
                    schema: schema, noteTypes: [:], decks: [:], notes: [], cards: [], reviews: [], fsrsParameters: [],
                    desiredRetention: nil)
                if modern {
                    try collection.readModernTables(db, file: file)
                } else {
                    try collection.readLegacyJSON(db, file: file)
                }
                try collection.readRows(db)
                return collection
            }
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError {
            switch error.resultCode {
            case .SQLITE_NOTADB, .SQLITE_CORRUPT:
                throw fail("not a readable SQLite database (damaged or encrypted)")
            default:
                throw fail("not an Anki collection (\(error.message ?? "\(error.resultCode)"))")
            }
        } catch {
            throw fail("\(error)")
        }
    }

    /// Schema 11: note types, decks and options are JSON in the `col` row.
    private mutating func readLegacyJSON(_ db: Database, file: String) throws {
        guard let row = try Row.fetchOne(db, sql: "SELECT models, decks, dconf FROM col") else { return }
        func json(_ column: String) throws -> [String: Any] {
            let text: String = row[column] ?? ""
            guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
                throw StoreError.unreadable(file: file, reason: "col.\(column) is not JSON")
            }
            return object
        }
        for case let model as [String: Any] in try json("models").values {
            guard let id = (model["id"] as? NSNumber)?.int64Value ?? (model["id"] as? String).flatMap({ Int64($0) }) else {
                continue
            }
            let fields = (model["flds"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
            noteTypes[id] = NoteType(
                id: id, name: model["name"] as? String ?? "", isCloze: (model["type"] as? NSNumber)?.intValue == 1, fields: fields
            )
        }
        for case let deck as [String: Any] in try json("decks").values {
            if let id = (deck["id"] as? NSNumber)?.int64Value, let name = deck["name"] as? String { decks[id] = name }
        }
        let options = try json("dconf").sorted { $0.key < $1.key }.compactMap { $0.value as? [String: Any] }
        for option in options {
            for key in ["fsrsParams6", "fsrsParams5", "fsrsWeights"] {
                let values = (option[key] as? [NSNumber] ?? []).map(\.doubleValue)
                if fsrsParameters.isEmpty, !values.isEmpty {
                    fsrsParameters = values
                    desiredRetention = (option["desiredRetention"] as? NSNumber)?.doubleValue
                }
            }
        }
    }

    /// Schema 15 to 18: tables of note types, fields and decks; options as protobuf.
    private mutating func readModernTables(_ db: Database, file: String) throws {
        var fields: [Int64: [String]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT ntid, name FROM fields ORDER BY ntid, ord") {
            fields[row["ntid"], default: []].append(row["name"])
        }
        for row in try Row.fetchAll(db, sql: "SELECT id, name, config FROM notetypes") {
            let id: Int64 = row["id"]
            let config: Data = row["config"] ?? Data()
            let kind = ProtobufFields(config)?.varint(1) ?? 0
            noteTypes[id] = NoteType(id: id, name: row["name"], isCloze: kind == 1, fields: fields[id] ?? [])
        }
        for row in try Row.fetchAll(db, sql: "SELECT id, name FROM decks") {
            let name: String = row["name"]
            decks[row["id"]] = name.replacingOccurrences(of: "\u{1F}", with: "::")
        }
        for config in try Data.fetchAll(db, sql: "SELECT config FROM deck_config ORDER BY id") {
            guard let fields = ProtobufFields(config) else { continue }
            for number in [6, 5, 3] {
                let values = fields.floats(number)
                if fsrsParameters.isEmpty, !values.isEmpty {
                    fsrsParameters = values
                    desiredRetention = fields.floats(37).last
                }
            }
        }
    }

    private mutating func readRows(_ db: Database) throws {
        notes = try Row.fetchAll(db, sql: "SELECT id, mid, tags, flds FROM notes ORDER BY id").map { row in
            let tags: String = row["tags"] ?? ""
            let fields: String = row["flds"] ?? ""
            return Note(
                id: row["id"], noteType: row["mid"],
                fields: fields.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init),
                tags: tags.split(separator: " ").map(String.init))
        }
        cards = try Row.fetchAll(
            db, sql: "SELECT id, nid, CASE WHEN odid != 0 THEN odid ELSE did END, ord, data FROM cards ORDER BY id"
        ).map { row in
            // A card in a filtered deck belongs to its original deck (`odid`).
            var card = Card(id: row[0], note: row[1], deck: row[2], ord: row[3])
            if let data: String = row[4], data.contains("\"s\""),
                let object = try? JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any]
            {
                card.stability = (object["s"] as? NSNumber)?.doubleValue
                card.difficulty = (object["d"] as? NSNumber)?.doubleValue
            }
            return card
        }
        var reviews: [Review] = []
        let cursor = try Row.fetchCursor(db, sql: "SELECT id, cid, ease, type, time FROM revlog ORDER BY id")
        while let row = try cursor.next() {
            reviews.append(Review(id: row[0], card: row[1], ease: row[2], type: row[3], taken: row[4]))
        }
        self.reviews = reviews
    }
}
