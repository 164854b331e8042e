import Foundation
import GlossCore
import Testing

@testable import GlossStore

@Suite struct DeckFileEditorTests {
    let text = """
        ---
        title: Demo   
        ---
        <!-- a comment the writer would drop -->

        ## Mesa-Optimization
        aliases: Inner Optimizer
        tags: theory

        A learned optimizer.

        Odd   spacing   kept.

        ## Deepfake
        related:   Hallucination  

        Synthetic media.

        ## Hallucination
        related: Deepfake
        Made-up output.
        """ + "\n"

    func lines(_ s: String) -> [String] { s.components(separatedBy: "\n") }

    @Test func headingLines() throws {
        #expect(try DeckFileEditor.headingLine(of: "Mesa-Optimization", in: text, file: "demo.md") == 6)
        #expect(try DeckFileEditor.headingLine(of: "inner optimizer", in: text, file: "demo.md") == 6)
        #expect(try DeckFileEditor.headingLine(of: "hallucination", in: text, file: "demo.md") == 19)
        #expect(throws: StoreError.deckSyntax(file: "demo.md", line: 1, message: "no entry named 'Nope' in this deck")) {
            try DeckFileEditor.headingLine(of: "Nope", in: text, file: "demo.md")
        }
    }

    @Test func linkCreatesAndExtendsRelatedLinesOnly() throws {
        let edited = try DeckFileEditor.link("Mesa-Optimization", "deepfake", in: text, file: "demo.md")
        var expected = lines(text)
        expected[14] = "related:   Hallucination, Mesa-Optimization"
        expected.insert("related: Deepfake", at: 8)
        #expect(lines(edited) == expected)
        let parsed = try MarkdownDeckParser.parse(edited, file: "demo.md")
        #expect(parsed.deck.entry("mesa-optimization")?.related == ["deepfake"])
        #expect(parsed.deck.entry("deepfake")?.related == ["hallucination", "mesa-optimization"])
        // Linking again changes nothing.
        #expect(try DeckFileEditor.link("Deepfake", "Mesa-Optimization", in: edited, file: "demo.md") == edited)
    }

    @Test func addRelatedAfterHeadingWhenNoMetadata() throws {
        let plain = "---\ntitle: T\n---\n\n## A\n\nAlpha.\n\n## B\n\nBeta.\n"
        let edited = try DeckFileEditor.addRelated("B", to: "A", in: plain, file: "t.md")
        #expect(edited == "---\ntitle: T\n---\n\n## A\nrelated: B\n\nAlpha.\n\n## B\n\nBeta.\n")
    }

    @Test func crlfFilesKeepTheirLineEnds() throws {
        let crlf = "---\r\ntitle: T\r\n---\r\n\r\n## A\r\ntags: x\r\n\r\nAlpha.\r\n\r\n## B\r\n\r\nBeta.\r\n"
        let linked = try DeckFileEditor.link("A", "B", in: crlf, file: "t.md")
        #expect(
            linked
                == "---\r\ntitle: T\r\n---\r\n\r\n## A\r\ntags: x\r\nrelated: B\r\n\r\nAlpha.\r\n\r\n## B\r\nrelated: A\r\n\r\nBeta.\r\n"
        )
        let entry = Entry(id: "c", term: "C", definition: "Gamma.")
        let appended = DeckFileEditor.appendEntry(entry, in: Deck(id: "t", title: "T"), to: crlf)
        #expect(appended == crlf + "\r\n## C\r\n\r\nGamma.\r\n")
    }

    @Test func appendKeepsTheFileAndAddsAParsableSection() throws {
        let deck = try MarkdownDeckParser.parse(text, file: "demo.md").deck
        let entry = Entry(
            id: "ai-safety", term: "AI Safety", definition: "Keeping AI from harm.",
            explanation: "Two\n\nparagraphs.", related: ["deepfake"], aliases: ["Safety"], tags: ["field"])
        let appended = DeckFileEditor.appendEntry(entry, in: deck, to: text)
        #expect(appended.hasPrefix(text))
        #expect(
            String(appended.dropFirst(text.count))
                == "\n## AI Safety\naliases: Safety\ntags: field\nrelated: Deepfake\n\nKeeping AI from harm.\n\nTwo\n\nparagraphs.\n"
        )
        let parsed = try MarkdownDeckParser.parse(appended, file: "demo.md")
        #expect(parsed.deck.entries.last == entry)
        // A file without a final newline gets one, then the blank line.
        let trimmed = String(text.dropLast())
        #expect(DeckFileEditor.appendEntry(entry, in: deck, to: trimmed).hasPrefix(trimmed + "\n\n## AI Safety\n"))
    }
}

@Suite struct DeckFileEditorCommaTests {
    @Test func termWithACommaIsLinkedById() throws {
        let text = "---\ntitle: T\n---\n\n## Bias, Statistical\n\nSkew.\n\n## Variance\n\nSpread.\n"
        let linked = try DeckFileEditor.link("Variance", "bias, statistical", in: text, file: "t.md")
        #expect(
            linked
                == "---\ntitle: T\n---\n\n## Bias, Statistical\nrelated: Variance\n\nSkew.\n\n## Variance\nrelated: bias-statistical\n\nSpread.\n"
        )
        let parsed = try MarkdownDeckParser.parse(linked, file: "t.md")
        #expect(parsed.deck.entry("variance")?.related == ["bias-statistical"])
        #expect(parsed.deck.entry("bias-statistical")?.related == ["variance"])
    }
}

@Suite struct DeckFileEditorMergeTests {
    let text = "---\ntitle: T\n---\n\n## Alpha\ntags: a\n\nOld alpha.\n\nMore.\n\n<!-- note -->\n## Beta\n\nBeta.   \n"

    @Test func replaceRewritesOnlyThatSection() throws {
        let deck = try MarkdownDeckParser.parse(text, file: "t.md").deck
        var alpha = try #require(deck.entry("alpha"))
        alpha.definition = "New alpha."
        let edited = try DeckFileEditor.replaceEntry(alpha, in: deck, text: text, file: "t.md")
        // The comment is part of Alpha's explanation for the parser, so it is rewritten with it.
        #expect(
            edited == "---\ntitle: T\n---\n\n## Alpha\ntags: a\n\nNew alpha.\n\nMore.\n\n<!-- note -->\n\n## Beta\n\nBeta.   \n")
        var beta = try #require(deck.entry("beta"))
        beta.tags = ["b"]
        let last = try DeckFileEditor.replaceEntry(beta, in: deck, text: text, file: "t.md")
        #expect(
            last == "---\ntitle: T\n---\n\n## Alpha\ntags: a\n\nOld alpha.\n\nMore.\n\n<!-- note -->\n## Beta\ntags: b\n\nBeta.\n"
        )
    }

    @Test func mergeIsAppliedToTheFile() throws {
        let existing = try MarkdownDeckParser.parse(text, file: "t.md").deck
        let incoming = try Importer.importText("term,definition,related\nBeta,Beta.,Gamma\nGamma,Third.,\n", fileName: "i.csv")
            .deck
        let merge = DeckMerge.merge(incoming, into: existing)
        #expect(merge.added == ["gamma"])
        #expect(merge.updated == ["beta"])
        let edited = try DeckFileEditor.apply(merge, to: text, file: "t.md")
        #expect(
            edited
                == "---\ntitle: T\n---\n\n## Alpha\ntags: a\n\nOld alpha.\n\nMore.\n\n<!-- note -->\n## Beta\nrelated: Gamma\n\nBeta.\n\n## Gamma\nrelated: Beta\n\nThird.\n"
        )
        #expect(try MarkdownDeckParser.parse(edited, file: "t.md").deck == merge.deck)
    }
}
