import Foundation
import GlossCore
import Testing

@testable import GlossStore

/// Checks the Anki export against what Anki itself read from it.
///
/// `Fixtures/import/*.anki.txt` are this exporter's output, pinned here; the committed
/// `Fixtures/import/anki_import_check.py` imported them into a fresh collection with Anki's own
/// text importer (`pip install anki`) and wrote the notes it made to `*.anki-notes.json`.
@Suite struct DeckExportAnkiTests {
    struct Note: Decodable {
        var fields: [String]
        var tags: [String]
    }

    static func fixture(_ name: String) throws -> URL {
        try #require(Bundle.module.url(forResource: "Fixtures/import/\(name)", withExtension: nil))
    }

    static func aiSafety() throws -> Deck {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("Decks/ai-safety.md"), encoding: .utf8)
        return try MarkdownDeckParser.parse(text, file: "ai-safety.md").deck
    }

    static func awkward() -> Deck { DeckExportTests().deck }

    /// What Anki stores for a plain-text field with `#html:false`: HTML-escaped (`&`, `<`, `>`, `"`, `'`), newlines as `<br>`.
    static func ankiField(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(
                of: "'", with: "&#x27;"
            )
            .replacingOccurrences(of: "\n", with: "<br>")
    }

    @Test(arguments: ["ai-safety", "awkward"])
    func exportMatchesThePinnedFileAndAnkiReadEveryField(name: String) throws {
        let deck = name == "ai-safety" ? try Self.aiSafety() : Self.awkward()
        let text = DeckExport.text(deck, format: .anki)
        let pinned = try String(contentsOf: Self.fixture("\(name).anki.txt"), encoding: .utf8)
        if text != pinned {
            let out = FileManager.default.temporaryDirectory.appendingPathComponent("\(name).anki.txt")
            try? text.write(to: out, atomically: true, encoding: .utf8)
            Issue.record("export differs from the pinned file; the new output is at \(out.path)")
        }
        let notes = try JSONDecoder().decode([Note].self, from: Data(contentsOf: Self.fixture("\(name).anki-notes.json")))
        #expect(notes.count == deck.entries.count)
        for (note, entry) in zip(notes, deck.entries) {
            let row = DeckExport.fields(entry, in: deck)
            #expect(note.fields == row.dropLast().map(Self.ankiField), "\(entry.id)")
            // Anki keeps tags sorted.
            #expect(note.tags == entry.tags.map { $0.replacingOccurrences(of: " ", with: "_") }.sorted(), "\(entry.id)")
        }
    }
}
