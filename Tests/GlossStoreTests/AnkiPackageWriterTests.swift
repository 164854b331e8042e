import Foundation
import GlossCore
import Testing

@testable import GlossStore

/// gloss's .apkg export read back by gloss's own importer (scripts/anki-fixtures/check-export
/// checks the same packages with the real Anki library).
@Suite struct AnkiPackageWriterTests {
    static let now = Date(timeIntervalSince1970: 1_780_000_000)

    static func deck() -> Deck {
        Deck(
            id: "terms", title: "Terms",
            entries: [
                Entry(
                    id: "a", term: "Alpha <1>", definition: "First & foremost.", explanation: "Line one\n\nline two",
                    related: ["b"], aliases: ["A"], tags: ["greek/letters", "first"]),
                Entry(id: "b", term: "Beta", definition: "Second.", related: ["a"]),
            ])
    }

    static func progress() throws -> AnkiPackageWriter.Progress {
        var records: [ReviewRecord] = []
        var state = CardState.new
        let key = CardKey(deck: "terms", entry: "a", facet: .recall)
        let scheduler = try LearnerSettings().makeScheduler()
        for (day, rating) in [(0.0, Rating.good), (1, .again), (1.01, .good), (4, .easy)] {
            let time = Date(timeIntervalSince1970: 1_770_000_000 + day * 86_400)
            let after = scheduler.review(state, rating: rating, at: time, card: key)
            records.append(
                ReviewRecord(
                    seq: records.count + 1, time: time, card: key, correct: rating != .again, rating: rating, responseMs: 3000,
                    before: state, after: after))
            state = after
        }
        return AnkiPackageWriter.Progress(cards: [key: state], records: records)
    }

    @Test(arguments: [false, true])
    func roundTripsThroughTheImporter(legacy: Bool) throws {
        let data = try AnkiPackageWriter.package(Self.deck(), progress: try Self.progress(), now: Self.now, legacy: legacy)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gloss-export-\(UUID().uuidString).apkg")
        try data.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        var options = AnkiImportOptions(deckID: "terms", now: Self.now)
        options.fields = ["Term", "Definition", "Explanation"]
        let imported = try AnkiPackageImporter.read(url.path, options: options)
        #expect(imported.collectionVersion == (legacy ? "collection.anki21" : "collection.anki21b"))
        let entries = imported.result.deck.entries
        #expect(entries.map(\.term) == ["Alpha <1>", "Beta"])
        #expect(entries.map(\.definition) == ["First & foremost.", "Second."])
        #expect(entries.first?.explanation == "Line one\n\nline two")
        #expect(entries.first?.tags == ["terms", "greek/letters", "first"])
        let progress = try Self.progress()
        #expect(imported.reviews.map(\.rating) == progress.records.map(\.rating))
        #expect(imported.reviews.map(\.time) == progress.records.map(\.time))
        #expect(imported.reviews.allSatisfy { $0.card == CardKey(deck: "terms", entry: "alpha-1", facet: .recall) })
        #expect(imported.ankiStates.count == 1)
        let last = try #require(progress.records.last?.after)
        let anki = try #require(imported.ankiStates.values.first)
        #expect(abs(anki.stability - (last.stability ?? 0)) < 1e-4)
    }

    @Test func checksumIsAnkisSHA1Prefix() {
        // FIPS 180 test vector; Anki's field_checksum takes the first 8 hex digits.
        #expect(
            SHA1.digest(Array("abc".utf8)).map { String(format: "%02x", $0) }.joined()
                == "a9993e364706816aba3e25717850c26c9cd0d89d")
        #expect(AnkiPackageWriter.checksum("abc") == 0xa999_3e36)
    }
}
