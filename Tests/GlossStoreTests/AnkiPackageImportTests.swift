import Foundation
import GlossCore
import Testing

@testable import GlossStore

/// Packages made by the real Anki library (scripts/anki-fixtures/make-fixtures), imported.
@Suite struct AnkiPackageImportTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    static func fixture(_ name: String) throws -> String {
        try #require(Bundle.module.url(forResource: "Fixtures/anki/\(name)", withExtension: nil)).path
    }

    /// What Anki said about the fixture cards (expected.json).
    struct Expected: Decodable {
        struct Card: Decodable {
            var front: String
            var ord: Int
            var deck: String
            var revlog: [Int]
            var computed: State?
        }
        struct State: Decodable {
            var s: Double
            var d: Double
        }
        var params: [Double]
        var cards: [Card]
        var revlogRows: Int
        var manualRows: Int
    }

    static func expected(_ kind: String) throws -> Expected {
        let data = try Data(contentsOf: URL(fileURLWithPath: try fixture("expected.json")))
        let all = try JSONDecoder().decode([String: Expected].self, from: data)
        return try #require(all[kind])
    }

    static let packages = [
        "sm2-latest.apkg", "sm2-latest.colpkg", "sm2-legacy.apkg", "sm2-legacy.colpkg", "sm2-anki2.apkg",
        "fsrs-latest.apkg", "fsrs-latest.colpkg", "fsrs-legacy.apkg", "fsrs-legacy.colpkg",
    ]

    @Test(arguments: packages)
    func importsEveryNoteAndReview(_ name: String) throws {
        let imported = try AnkiPackageImporter.read(
            try Self.fixture(name), options: AnkiImportOptions(deckID: "anki", now: Self.now))
        let expected = try Self.expected(name.hasPrefix("fsrs") ? "fsrs" : "sm2")
        let deck = imported.result.deck
        #expect(
            deck.entries.map(\.term) == ["Mitochondrion", "Ribosome", "Osmosis", "Photosynthesis", "Covalent bond", "Catalyst"])
        #expect(imported.clozeSkipped == 1)
        #expect(imported.mediaSkipped == 1)
        #expect(imported.result.problems == [])
        let mito = try #require(deck.entries.first)
        #expect(mito.definition == "The powerhouse of the cell: makes ATP.")
        #expect(mito.tags == ["biology/cells", "biology", "organelle"])
        #expect(deck.entries[1].definition == "Builds proteins from mRNA & tRNA.")
        #expect(deck.entries[4].tags == ["chemistry", "chemistry/bonds"])
        #expect(imported.deckTags["Biology::Cells"] == "biology/cells")
        // Every answer Anki logged for the imported cards, and only the manual row left out.
        let answered = expected.cards.filter { !$0.front.hasPrefix("{{") }.map(\.revlog.count).reduce(0, +)
        #expect(imported.reviews.count == answered)
        #expect(imported.skipped.manual == expected.manualRows)
        #expect(imported.reviews.count + imported.skipped.total == expected.revlogRows)
        for card in expected.cards where !card.front.hasPrefix("{{") {
            let key = CardKey(deck: "anki", entry: EntryID(slug(card.front)), facet: card.ord == 0 ? .recall : .recognize)
            #expect(imported.reviews.filter { $0.card == key }.map(\.rating.rawValue) == card.revlog, "\(key)")
        }
        #expect(zip(imported.reviews, imported.reviews.dropFirst()).allSatisfy { $0.time <= $1.time })
    }

    @Test(arguments: ["fsrs-latest.apkg", "fsrs-legacy.apkg"])
    func readsTheLearnersParametersAndAnkisStates(_ name: String) throws {
        let imported = try AnkiPackageImporter.read(
            try Self.fixture(name), options: AnkiImportOptions(deckID: "anki", now: Self.now))
        let expected = try Self.expected("fsrs")
        #expect(imported.fsrsParameters.count == 21)
        for (read, written) in zip(imported.fsrsParameters, expected.params) { #expect(abs(read - written) < 1e-6) }
        #expect(imported.ankiStates.count == expected.cards.filter { $0.computed != nil }.count)
    }

    @Test func sm2PackagesHoldNoFSRSState() throws {
        let imported = try AnkiPackageImporter.read(
            try Self.fixture("sm2-latest.apkg"), options: AnkiImportOptions(deckID: "anki", now: Self.now))
        #expect(imported.ankiStates.isEmpty)
        #expect(imported.compare([:]) == nil)
    }
}

/// gloss's replay of the history against Anki's own FSRS memory states.
@Suite struct AnkiReplayComparisonTests {
    @Test(arguments: ["fsrs-latest.apkg", "fsrs-legacy.colpkg"])
    func replayLandsNearAnkisState(_ name: String) throws {
        let imported = try AnkiPackageImporter.read(
            try AnkiPackageImportTests.fixture(name), options: AnkiImportOptions(deckID: "anki", now: AnkiPackageImportTests.now))
        let scheduler = try Replay.scheduler(steps: .none, retention: 0.9, parameters: imported.fsrsParameters)
        let records = imported.records(scheduler: scheduler)
        #expect(records.count == imported.reviews.count)
        let comparison = try #require(imported.compare(AnkiPackageImport.finalStates(records)))
        // cards.data keeps 4 decimals of stability and 3 of difficulty; Anki computes in f32.
        #expect(comparison.cards == 5)
        #expect(comparison.maxStabilityDifference < 1e-3)
        #expect(comparison.maxDifficultyDifference < 1e-3)
        // And against Anki's compute_memory_state, to 6 decimals (expected.json).
        let expected = try AnkiPackageImportTests.expected("fsrs")
        let states = AnkiPackageImport.finalStates(records)
        for card in expected.cards {
            guard let anki = card.computed else { continue }
            let key = CardKey(deck: "anki", entry: EntryID(slug(card.front)), facet: card.ord == 0 ? .recall : .recognize)
            let state = try #require(states[key])
            #expect(abs((state.stability ?? 0) - anki.s) / anki.s < 1e-5, "\(key)")
            #expect(abs((state.difficulty ?? 0) - anki.d) < 1e-4, "\(key)")
        }
    }
}
