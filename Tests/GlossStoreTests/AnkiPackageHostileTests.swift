import Foundation
import GRDB
import GlossCore
import Testing
import ZIPFoundation

@testable import GlossStore

/// Packages gloss must refuse with one line naming the file and what is wrong, or read
/// with counted warnings for the rows it skips.
@Suite struct AnkiPackageHostileTests {
    static let options = AnkiImportOptions(deckID: "anki", now: AnkiPackageImportTests.now)

    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gloss-anki-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A zip holding `members` (name → bytes).
    static func zip(_ members: [(String, Data)], name: String = "bad.apkg") throws -> String {
        let url = try folder().appendingPathComponent(name)
        let archive = try Archive(url: url, accessMode: .create)
        for (member, data) in members {
            try archive.addEntry(
                with: member, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate,
                provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
        }
        return url.path
    }

    /// The legacy fixture's collection, changed by `edit`, zipped again as `collection.anki21`.
    static func edited(_ edit: (Database) throws -> Void) throws -> String {
        let source = try Archive(
            url: URL(fileURLWithPath: try AnkiPackageImportTests.fixture("sm2-legacy.apkg")), accessMode: .read)
        let entry = try #require(source["collection.anki21"])
        let path = try folder().appendingPathComponent("collection.anki21")
        _ = try source.extract(entry, to: path)
        let queue = try DatabaseQueue(path: path.path)
        try queue.write(edit)
        try queue.close()
        return try zip([("collection.anki21", try Data(contentsOf: path)), ("meta", Data([0x08, 0x02]))])
    }

    static func failure(_ path: String, options: AnkiImportOptions = options) -> String? {
        do {
            _ = try AnkiPackageImporter.read(path, options: options)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func notAZip() throws {
        let url = try Self.folder().appendingPathComponent("notes.apkg")
        try Data("front\tback\n".utf8).write(to: url)
        #expect(Self.failure(url.path) == "notes.apkg: cannot read: not a zip file (an Anki package is a zip)")
    }

    @Test func noCollectionInside() throws {
        let path = try Self.zip([("readme.txt", Data("hi".utf8))])
        #expect(Self.failure(path) == "bad.apkg: cannot read: no collection.anki2 inside (is it an Anki package?)")
    }

    @Test func memberOverTheLimit() throws {
        // 8 MB of zeros deflate to a few kilobytes: a small zip bomb.
        let path = try Self.zip([("collection.anki21", Data(count: 8 << 20)), ("meta", Data([0x08, 0x02]))])
        var options = Self.options
        options.memberLimit = 1 << 20
        #expect(
            Self.failure(path, options: options)
                == "bad.apkg: cannot read: collection.anki21 is 8388608 bytes, over the 1048576-byte limit")
    }

    @Test func zstdBombOverTheLimit() throws {
        var options = Self.options
        options.memberLimit = 100_000
        // The fixture's collection.anki21b is 7 KB compressed, 139 KB unpacked.
        #expect(
            Self.failure(try AnkiPackageImportTests.fixture("sm2-latest.apkg"), options: options)
                == "sm2-latest.apkg: cannot read: collection.anki21b unpacks to over the 100000-byte limit")
    }

    @Test func damagedZstd() throws {
        let path = try Self.zip([("collection.anki21b", Data([0x28, 0xB5, 0x2F, 0xFD, 1, 2, 3])), ("meta", Data([0x08, 0x03]))])
        #expect(Self.failure(path)?.hasPrefix("bad.apkg: cannot read: collection.anki21b is not valid zstd data") == true)
    }

    @Test func corruptOrEncryptedSQLite() throws {
        var rng = SplitMix64(seed: 19)
        let noise = Data((0..<8192).map { _ in UInt8.random(in: 0...255, using: &rng) })
        let path = try Self.zip([("collection.anki21", noise), ("meta", Data([0x08, 0x02]))])
        #expect(
            Self.failure(path)
                == "bad.apkg (collection.anki21): cannot read: not a readable SQLite database (damaged or encrypted)")
    }

    @Test func unknownPackageVersion() throws {
        let path = try Self.zip([("collection.anki21b", Data()), ("meta", Data([0x08, 0x07]))])
        #expect(Self.failure(path) == "bad.apkg: cannot read: unknown Anki package version 7 (gloss reads versions 1 to 3)")
    }

    @Test func unknownSchema() throws {
        let path = try Self.edited { try $0.execute(sql: "UPDATE col SET ver = 99") }
        #expect(
            Self.failure(path) == "bad.apkg (collection.anki21): cannot read: unknown collection schema 99 (gloss reads 11 to 18)"
        )
    }

    @Test func notAnAnkiCollection() throws {
        let path = try Self.edited { try $0.execute(sql: "DROP TABLE revlog") }
        #expect(Self.failure(path) == "bad.apkg (collection.anki21): cannot read: not an Anki collection (no such table: revlog)")
    }

    @Test func notesMissingTheMappedFields() throws {
        var options = Self.options
        options.fields = ["Front", "Definition"]
        #expect(
            Self.failure(try AnkiPackageImportTests.fixture("sm2-latest.apkg"), options: options)
                == "sm2-latest.apkg: cannot read: note type 'Basic' has no field 'Definition' (its fields: Front, Back); choose with --fields"
        )
    }

    @Test func chosenFieldsMapEveryNoteType() throws {
        var options = Self.options
        options.fields = ["Back", "Front"]
        let imported = try AnkiPackageImporter.read(try AnkiPackageImportTests.fixture("sm2-legacy.apkg"), options: options)
        #expect(imported.result.deck.entries.first?.term == "The powerhouse of the cell: makes ATP.")
        #expect(imported.result.deck.entries.first?.definition == "Mitochondrion")
    }

    @Test func badRevlogRowsAreCountedAndSkipped() throws {
        let path = try Self.edited { db in
            let card = try Int64.fetchOne(db, sql: "SELECT cid FROM revlog WHERE type = 1 LIMIT 1") ?? 0
            // An answer in the future, one before Anki existed, one with ease 7, and one for a card not in the package.
            try db.execute(
                sql: "INSERT INTO revlog VALUES (4102444800000, ?, -1, 3, 1, 1, 2500, 1000, 1)", arguments: [card])
            try db.execute(sql: "INSERT INTO revlog VALUES (1000, ?, -1, 3, 1, 1, 2500, 1000, 1)", arguments: [card])
            try db.execute(
                sql: "INSERT INTO revlog VALUES (1736157600001, ?, -1, 7, 1, 1, 2500, 1000, 1)", arguments: [card])
            try db.execute(sql: "INSERT INTO revlog VALUES (1736157600002, 42, -1, 3, 1, 1, 2500, 1000, 1)")
        }
        let imported = try AnkiPackageImporter.read(path, options: Self.options)
        let clean = try AnkiPackageImporter.read(try AnkiPackageImportTests.fixture("sm2-legacy.apkg"), options: Self.options)
        #expect(
            imported.reviews
                == clean.reviews.map {
                    var r = $0
                    r.card.deck = "anki"
                    return r
                })
        #expect(imported.skipped.badRow == 3)
        #expect(imported.skipped.unknownCard == 1)
        #expect(
            imported.skipLines(file: "bad.apkg").contains(
                "bad.apkg: 3 revlog rows with a time before 2006 or in the future, or an unknown ease, skipped"))
        #expect(imported.skipLines(file: "bad.apkg").contains("bad.apkg: 1 revlog row for cards not in the package skipped"))
    }

    @Test func noteTypeWithOneFieldIsCounted() throws {
        let path = try Self.edited { db in
            let models = try String.fetchOne(db, sql: "SELECT models FROM col") ?? "{}"
            var object = try #require(try JSONSerialization.jsonObject(with: Data(models.utf8)) as? [String: [String: Any]])
            for (id, var model) in object where model["name"] as? String == "Basic" {
                model["flds"] = [["name": "Only"]]
                object[id] = model
            }
            let text = String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
            try db.execute(sql: "UPDATE col SET models = ?", arguments: [text])
        }
        let imported = try AnkiPackageImporter.read(path, options: Self.options)
        #expect(imported.otherSkipped == 5)
        #expect(imported.result.deck.entries.map(\.term) == ["Photosynthesis"])
    }

    @Test func soundReferencesAreDropped() {
        #expect(withoutSounds("Say it [sound:hello.mp3] twice[sound:x.ogg]") == "Say it  twice")
        #expect(withoutSounds("no sound") == "no sound")
        #expect(withoutSounds("cut [sound:open") == "cut [sound:open")
    }
}

/// Cards Anki moved into a filtered deck keep their home deck's tag.
@Suite struct AnkiFilteredDeckTests {
    @Test func aFilteredCardCountsInItsHomeDeck() throws {
        let path = try AnkiPackageHostileTests.edited { db in
            try db.execute(sql: "UPDATE cards SET odid = did, did = 424242")
        }
        let imported = try AnkiPackageImporter.read(path, options: AnkiPackageHostileTests.options)
        #expect(imported.result.deck.entries.first?.tags == ["biology/cells", "biology", "organelle"])
    }
}
