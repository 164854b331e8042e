import Foundation
import GlossCore
import Testing

@testable import GlossStore

/// Odd and hostile deck files: each gets a one-line error naming file and line, or works.
@Suite struct HostileDeckTests {
    func temporaryFile(_ name: String, _ data: Data) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try data.write(to: url)
        return url.path
    }

    @Test func aFiftyMegabyteDeckIsRefusedWithItsSize() throws {
        var data = Data("---\ntitle: Huge\n---\n".utf8)
        let entry = Data("## Term\n\n\(String(repeating: "x", count: 1000))\n\n".utf8)
        while data.count < 50 * 1024 * 1024 { data.append(entry) }
        let path = try temporaryFile("huge.md", data)
        #expect(
            throws: StoreError.unreadable(
                file: "huge.md", reason: "the file is 50 MB; decks are read up to 32 MB — split it into several decks")
        ) {
            try DeckLoader.load(file: path)
        }
    }

    @Test func aTenThousandCharacterLineWorks() throws {
        let long = String(repeating: "word ", count: 2000)
        let deck = try DeckLoader.parse(Data("---\ntitle: T\n---\n## A\n\n\(long)\n".utf8), file: "long.md").deck
        #expect(deck.entries[0].definition.count == 9999)
        #expect(deck.entries[0].definition == String(long.dropLast()))
    }

    @Test func aTenThousandCharacterCellImportsWithALengthWarning() throws {
        let long = String(repeating: "x", count: 10_000)
        let result = try Importer.importText("term,definition\nA,\(long)\nB,short\n", fileName: "long.csv")
        #expect(result.deck.entries.map(\.term) == ["A", "B"])
        #expect(result.deck.entries[0].definition == long)
        #expect(
            result.problems.map(\.description) == [
                "long.csv:2: definition of 'A' is 10000 characters (over 300); kept, consider moving detail to the explanation"
            ])
        let anki = try Importer.importText(
            "#separator:tab\n#html:true\nA\t<b>\(long)</b><br>\n",
            fileName: "long.txt", options: ImportOptions(format: .anki))
        #expect(anki.deck.entries.map(\.definition) == [long])
    }

    @Test func nulBytesAreNamedByLine() {
        let data = Data("---\ntitle: T\n---\n## A\n\nbad\0byte\n".utf8)
        #expect(
            throws: StoreError.deckSyntax(file: "nul.md", line: 6, message: "the file contains a NUL byte: is it a text file?")
        ) {
            try DeckLoader.parse(data, file: "nul.md")
        }
    }

    @Test func invalidUTF8IsNamedByLine() {
        var data = Data("---\ntitle: T\n---\n## A\n\n".utf8)
        data.append(contentsOf: [0x66, 0xC3, 0x28, 0x0A])
        #expect(
            throws: StoreError.deckSyntax(
                file: "latin1.md", line: 6, message: "the text is not valid UTF-8: save the file as UTF-8")
        ) {
            try DeckLoader.parse(data, file: "latin1.md")
        }
    }

    @Test func longRelationCyclesLoadAndLint() throws {
        var text = "---\ntitle: Ring\n---\n"
        let count = 500
        for index in 0..<count {
            text +=
                "## Node \(index)\nrelated: Node \((index + 1) % count), Node \((index + count - 1) % count)\n\nOne step along the ring.\n\n"
        }
        let parsed = try DeckLoader.parse(Data(text.utf8), file: "ring.md")
        #expect(parsed.deck.entries.count == count)
        #expect(parsed.deck.entries[0].related == ["node-1", "node-499"])
        // No faults, only notes: each node's links share the word "Node" with it, so it gets no
        // related-term question, and the definitions read alike.
        let findings = DeckLinter.lint(parsed)
        #expect(findings.allSatisfy { $0.severity == .note })
        #expect(findings.filter { $0.message.contains("gets no related-term question") }.count == count)
    }

    @Test func emptyAndOneEntryDecksLoad() throws {
        let empty = try DeckLoader.parse(Data("---\ntitle: Empty\n---\n".utf8), file: "empty.md")
        #expect(empty.deck.entries.isEmpty)
        #expect(DeckLinter.lint(empty).isEmpty)
        let one = try DeckLoader.parse(Data("---\ntitle: One\n---\n## Solo\n\nAlone here.\n".utf8), file: "one.md")
        #expect(
            DeckLinter.lint(one).map(\.description) == [
                "one.md:4: warning: 'Solo' has only 0 other entries to use as distractors (3 needed)"
            ])
    }

    @Test func aMissingFileAndAFolderAreNamed() throws {
        #expect(throws: StoreError.unreadable(file: "nope.md", reason: "no such file")) {
            try DeckLoader.load(file: makeProgressFolder().appendingPathComponent("gone/nope.md").path)
        }
    }
}
