import Foundation
import GlossCore
import Testing

@testable import GlossStore

/// A spreadsheet's "CSV UTF-8" file, written and read back by Python's csv module
/// (`Fixtures/import/make_spreadsheet_csv.py`), imports to exactly the fields Python read.
@Suite struct ImportFixtureTests {
    struct Row: Decodable { var term, definition, explanation, aliases, tags, related: String }

    func fixture(_ name: String) throws -> URL {
        try #require(Bundle.module.url(forResource: "Fixtures/import/\(name)", withExtension: nil))
    }

    @Test func spreadsheetCSVImportsExactly() throws {
        let result = try Importer.importFile(fixture("spreadsheet.csv").path)
        let rows = try JSONDecoder().decode([Row].self, from: Data(contentsOf: fixture("spreadsheet.expected.json")))
        #expect(result.format == .csv)
        #expect(result.problems == [])
        #expect(result.deck.id == "spreadsheet")
        #expect(result.lines == [2, 6, 8, 10])
        #expect(result.deck.entries.count == rows.count)
        for (entry, row) in zip(result.deck.entries, rows) {
            #expect(entry.term == row.term)
            #expect(entry.definition == row.definition)
            // Each line of a cell becomes a paragraph (a Markdown deck joins lines within one).
            #expect(entry.explanation == ImportText.paragraphs(row.explanation).joined(separator: "\n\n"))
            #expect(entry.aliases == ImportText.list(row.aliases))
            #expect(entry.tags == ImportText.list(row.tags))
            #expect(entry.related.map(\.rawValue) == ImportText.list(row.related).map(slug))
        }
        #expect(result.deck.entries[0].explanation.contains("\there.\n\nIts second line.\n\nA second"))
        #expect(result.deck.entries[2].id == "naive-bayes-unicode")
        #expect(result.deck.entries[3].term == "Quote\"In\"Term")
    }

    @Test func unreadableFileIsAStoreError() {
        #expect(throws: StoreError.unreadable(file: "missing.csv", reason: "no such file")) {
            try Importer.importFile(makeProgressFolder().appendingPathComponent("gone/missing.csv").path)
        }
    }
}
