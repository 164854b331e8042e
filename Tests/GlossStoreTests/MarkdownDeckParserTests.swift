import Foundation
import GlossCore
import Testing

@testable import GlossStore

@Suite struct MarkdownDeckParserTests {
    let sample = """
        ---
        id: demo
        title: Demo Deck
        description: A small deck.
        ---

        # Demo

        ## Mesa-Optimization
        aliases: Mesa-Optimizer, Inner Optimizer
        tags: alignment, theory
        related: ai alignment, Deepfake

        A learned model that is itself an optimizer
        with its own objective.

        First paragraph of the explanation.

        Second paragraph.

        ## AI Alignment
        id: alignment
        related: Mesa-Optimizer

        Making AI systems pursue the goals their designers intend.

        ## Deepfake

        Synthetic media of events that never happened.
        """

    @Test func parsesEntriesMetadataAndParagraphs() throws {
        let parsed = try MarkdownDeckParser.parse(sample, file: "Decks/demo.md")
        let deck = parsed.deck
        #expect(deck.id == "demo")
        #expect(deck.title == "Demo Deck")
        #expect(deck.description == "A small deck.")
        #expect(deck.entries.map(\.id) == ["mesa-optimization", "alignment", "deepfake"])
        let mesa = deck.entries[0]
        #expect(mesa.aliases == ["Mesa-Optimizer", "Inner Optimizer"])
        #expect(mesa.tags == ["alignment", "theory"])
        #expect(mesa.related == ["alignment", "deepfake"])
        #expect(mesa.definition == "A learned model that is itself an optimizer with its own objective.")
        #expect(mesa.explanation == "First paragraph of the explanation.\n\nSecond paragraph.")
        #expect(deck.entries[1].related == ["mesa-optimization"])
        #expect(parsed.sources[0].heading == 9)
        #expect(parsed.sources[0].keys == ["aliases": 10, "tags": 11, "related": 12])
        #expect(parsed.sources[0].definition == 14)
        #expect(parsed.sources[2].heading == 27)
    }

    @Test func crlfAndByteOrderMarkReadTheSame() throws {
        let plain = try MarkdownDeckParser.parse(sample, file: "demo.md")
        let windows = try MarkdownDeckParser.parse(
            "\u{FEFF}" + sample.replacingOccurrences(of: "\n", with: "\r\n"), file: "demo.md")
        #expect(windows == plain)
    }

    @Test func deckIDDefaultsToTheFileName() throws {
        let parsed = try MarkdownDeckParser.parse("---\ntitle: T\n---\n## A\n\nx\n", file: "/x/My Deck.md")
        #expect(parsed.deck.id == "my-deck")
    }

    @Test(
        "syntax errors name file, line and remedy",
        arguments: [
            ("## A\n\nx\n", "d.md:1: a deck starts with front matter: a '---' line, 'title: …', and a closing '---'"),
            ("---\ntitle: T\n\n## A\n", "d.md:1: front matter is not closed: add a '---' line after it"),
            ("---\nid: x\n---\n", "d.md:1: front matter has no 'title:': add a line like 'title: My Deck'"),
            ("---\ntitle: T\nauthor: me\n---\n", "d.md:3: unknown front matter key 'author' (expected id, title or description)"),
            ("---\ntitle: T\n---\nstray text\n## A\n\nx\n", "d.md:4: text outside an entry: start each entry with '## Term'"),
            (
                "---\ntitle: T\n---\n\n## A\nrelatd: B\n\nx\n",
                "d.md:6: unknown key 'relatd' in entry 'A' (expected id, aliases, tags or related)"
            ),
            ("---\ntitle: T\n---\n\n## A\ntags: a\ntags: b\n\nx\n", "d.md:7: 'tags:' appears twice in entry 'A': keep one"),
            ("---\ntitle: T\n---\n\n##\n\nx\n", "d.md:5: entry heading '##' has no term: write the term after '## '"),
        ])
    func syntaxErrors(text: String, message: String) {
        #expect(throws: (any Error).self) { try MarkdownDeckParser.parse(text, file: "d.md") }
        do {
            _ = try MarkdownDeckParser.parse(text, file: "d.md")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func roundTripsThroughTheWriter() throws {
        let deck = try MarkdownDeckParser.parse(sample, file: "demo.md").deck
        let written = MarkdownDeckWriter.write(deck)
        #expect(try MarkdownDeckParser.parse(written, file: "demo.md").deck == deck)
        #expect(written.contains("## AI Alignment\nid: alignment\nrelated: Mesa-Optimization\n"))
    }

    @Test func jsonRoundTripsAndRefusesNewerVersions() throws {
        let deck = try MarkdownDeckParser.parse(sample, file: "demo.md").deck
        let data = JSONDeckCoder.write(deck)
        #expect(try JSONDeckCoder.parse(data, file: "demo.json").deck == deck)
        let newer = Data(#"{"version": 2, "title": "T", "entries": []}"#.utf8)
        #expect(
            throws: StoreError.deckSyntax(
                file: "n.json", line: 1, message: "deck format version 2 is newer than this gloss reads (1); update gloss")
        ) {
            try JSONDeckCoder.parse(newer, file: "n.json")
        }
        let unversioned = Data(
            #"{"title": "T", "entries": [{"term": "A", "definition": "x", "related": ["b"]}, {"term": "B", "definition": "y"}]}"#
                .utf8)
        let parsed = try JSONDeckCoder.parse(unversioned, file: "old.json").deck
        #expect(parsed.id == "old")
        #expect(parsed.entries[0].related == ["b"])
    }

    @Test func brokenJSONNamesTheLineAndField() {
        let broken = Data("{\n  \"title\": \"T\",\n  \"entries\": [\n    {\"term\": \"A\"}\n  ]\n}".utf8)
        #expect(
            throws: StoreError.deckSyntax(
                file: "b.json", line: 1, message: "not a gloss JSON deck: missing 'definition' at entries[0]")
        ) {
            try JSONDeckCoder.parse(broken, file: "b.json")
        }
    }

    @Test func shippedDeckRoundTripsInBothFormats() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Decks/ai-safety.md")
        let deck = try DeckLoader.load(file: url.path).deck
        #expect(deck.entries.count >= 60)
        #expect(try MarkdownDeckParser.parse(MarkdownDeckWriter.write(deck), file: "ai-safety.md").deck == deck)
        #expect(try JSONDeckCoder.parse(JSONDeckCoder.write(deck), file: "ai-safety.json").deck == deck)
    }
}
