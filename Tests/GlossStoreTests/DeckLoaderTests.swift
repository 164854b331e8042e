import Foundation
import GlossCore
import Testing

@testable import GlossStore

/// A folder of mixed Markdown and JSON decks: sorted by name, each failure reported, none fatal.
@Suite struct DeckLoaderTests {
    func folder(_ files: [String: String]) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("decks-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, text) in files {
            try text.write(to: url.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return url.path
    }

    @Test func markdownAndJSONLoadTogetherAndADuplicateIDNamesBothFiles() throws {
        let path = try folder([
            "b.md": "---\nid: shared\ntitle: B\n---\n## X\n\nx.\n",
            "a.json": #"{"version": 1, "id": "shared", "title": "A", "entries": [{"term": "Y", "definition": "y."}]}"#,
            "c.json": "{\"title\": \"C\",\n \"entries\": [\n",
            "d.md": "\u{FEFF}---\r\ntitle: D\r\n---\r\n## Z\r\n\r\nz.\r\n",
            "notes.txt": "not a deck",
            ".hidden.md": "not a deck either",
        ])
        let result = DeckLoader.load(folder: path)
        #expect(result.decks.map(\.deck.id) == ["shared", "d"])
        #expect(result.decks.map(\.deck.title) == ["A", "D"])
        #expect(result.decks.map(\.file) == ["a.json", "d.md"])
        #expect(result.decks[1].deck.entries == [Entry(id: "z", term: "Z", definition: "z.")])
        #expect(result.failures.count == 2)
        #expect(
            result.failures.first?.description
                == "b.md:1: deck id 'shared' is already used by a.json; give this deck another 'id:'")
        #expect(result.failures.last?.description == "c.json:3: not a gloss JSON deck: unexpected end of file during JSON parse")
    }

    @Test func aJSONSyntaxErrorNamesItsLine() {
        let data = Data("{\n  \"title\": \"T\",\n  \"entries\": ]\n}\n".utf8)
        #expect(
            throws: StoreError.deckSyntax(
                file: "s.json", line: 3, message: "not a gloss JSON deck: invalid value around character 31")
        ) {
            try JSONDeckCoder.parse(data, file: "s.json")
        }
    }

    @Test func aJSONDeckWithoutIDTakesTheFileName() throws {
        let path = try folder(["My Terms.json": #"{"title": "T", "entries": []}"#])
        #expect(DeckLoader.load(folder: path).decks.map(\.deck.id) == ["my-terms"])
    }
}
