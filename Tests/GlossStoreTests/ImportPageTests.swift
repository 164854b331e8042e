import Foundation
import GlossCore
import Testing

@testable import GlossStore

@Suite struct ImportPageTests {
    func seed() throws -> String {
        let url = try #require(
            Bundle.module.url(forResource: "Fixtures/import/glossary-page-mesa-optimization", withExtension: "txt"))
        return try String(contentsOf: url, encoding: .utf8)
    }

    @Test func seedPageImportsToSevenLinkedEntries() throws {
        let result = try Importer.importText(
            seed(), fileName: "glossary-page-mesa-optimization.txt",
            options: ImportOptions(deckID: "seed-page"))
        #expect(result.format == .page)
        #expect(result.problems == [])
        let deck = result.deck
        #expect(deck.id == "seed-page")
        #expect(deck.title == "Mesa-Optimization")
        #expect(
            deck.entries.map(\.id.rawValue) == [
                "mesa-optimization", "artificial-general-intelligence", "ai-alignment", "ai-safety",
                "deepfake", "foundation-model", "hallucination",
            ])
        #expect(
            deck.entries.map(\.term) == [
                "Mesa-Optimization", "Artificial General Intelligence", "AI Alignment", "AI Safety",
                "Deepfake", "Foundation Model", "Hallucination",
            ])
        let main = try #require(deck.entry("mesa-optimization"))
        #expect(
            main.definition
                == "A theoretical AI safety concern where a trained model develops its own internal optimization process with objectives that may differ from the ones specified during training."
        )
        #expect(main.explanation.hasPrefix("Mesa-optimization occurs when a neural network"))
        #expect(main.explanation.hasSuffix("internal structure of neural networks."))
        #expect(!main.explanation.contains("Explore the Data"))
        #expect(
            main.related.map(\.rawValue) == [
                "artificial-general-intelligence", "ai-alignment", "ai-safety", "deepfake", "foundation-model", "hallucination",
            ])
        let agi = try #require(deck.entry("artificial-general-intelligence"))
        #expect(agi.aliases == ["AGI"])
        #expect(
            agi.definition
                == "A hypothetical form of AI that can understand, learn, and apply knowledge across any intellectual task at or above human level, rather than being specialized for specific tasks."
        )
        #expect(
            deck.entry("hallucination")?.definition
                == "When an AI model generates plausible-sounding but factually incorrect or fabricated information, presenting it with the same confidence as accurate responses."
        )
        #expect(deck.entry("deepfake")?.definition.contains("— images, video, or audio —") == true)
        for entry in deck.entries.dropFirst() {
            #expect(entry.related == ["mesa-optimization"], "\(entry.id)")
            #expect(entry.explanation == "")
        }
        #expect(!deck.entries.contains { $0.term.contains("Pulse") || $0.definition.contains("spam") })
    }

    @Test func seedPageWritesAMarkdownDeckThatLintsWithoutErrors() throws {
        let result = try Importer.importText(seed(), fileName: "page.txt", options: ImportOptions(deckID: "seed-page"))
        let markdown = DeckExport.text(result.deck, format: .md)
        let parsed = try MarkdownDeckParser.parse(markdown, file: "seed-page.md")
        #expect(parsed.deck == result.deck)
        // The page's definitions use words of their own terms; nothing else is wrong.
        let findings = DeckLinter.lint(parsed)
        #expect(
            findings.map(\.message) == [
                "the definition of 'Mesa-Optimization' uses 'optimization', a form of a word of its name: questions blank it; reword",
                "the definition of 'Deepfake' uses 'deep', a form of a word of its name: questions blank it; reword",
                "the definition of 'Foundation Model' uses 'model', a form of a word of its name: questions blank it; reword",
            ])
    }

    @Test func pageWithCRLFBOMAndBlankLinesImportsTheSame() throws {
        let plain = try Importer.importText(seed(), fileName: "page.txt")
        #expect(plain.deck.entries.count == 7)
        let clean = try Importer.importText(
            "\u{FEFF}" + (try seed()).replacingOccurrences(of: "\n", with: "\r\n\r\n"), fileName: "page.txt")
        #expect(clean.deck == plain.deck)
    }

    @Test(arguments: [
        ("Artificial General Intelligence (AGI)", "Artificial General Intelligence", ["AGI"]),
        ("Reinforcement Learning from Human Feedback (RLHF)", "Reinforcement Learning from Human Feedback", ["RLHF"]),
        ("Deepfake", "Deepfake", []),
        ("(Weird)", "(Weird)", []),
        ("F(x) (function)", "F(x)", ["function"]),
    ])
    func abbreviationsBecomeAliases(text: String, term: String, aliases: [String]) {
        let split = GlossaryPageImporter.splitAbbreviation(text)
        #expect(split.term == term)
        #expect(split.aliases == aliases)
    }

    @Test func pageWithoutRelatedTermsImportsTheMainTermWithAProblem() throws {
        let text = "Deepfake\nAI-generated synthetic media depicting events that never occurred.\nMore text here.\n"
        let result = try Importer.importText(text, fileName: "d.txt", options: ImportOptions(format: .page))
        #expect(result.deck.entries.map(\.term) == ["Deepfake"])
        #expect(result.deck.entries.first?.explanation == "More text here.")
        #expect(result.problems.map(\.description) == ["d.txt:1: no 'Related Terms' section found; imported the main term only"])
    }
}

@Suite struct ImportPageChromeTests {
    @Test func wordsThatAlsoAppearInChromeDoNotEndTheRelatedTerms() throws {
        let text = """
            Glossary
            Browser Cookie
            A small file a website stores in the browser, used to subscribe a visitor to preferences.
            Sites use cookies for sessions.
            Related Terms
            Session
            A period of interaction that a server tracks; newsletter sign-ups often start one.
            Tracking Pixel
            An invisible image that reports when a page or email is opened.
            Subscribe to our newsletter
            Every Friday: the best links.
            © 2026 Example Inc.
            """
        let result = try Importer.importText(text, fileName: "cookie.txt", options: ImportOptions(format: .page))
        // "Glossary" (a breadcrumb) is followed by another short line, so it is not the term.
        #expect(result.deck.entries.map(\.term) == ["Browser Cookie", "Session", "Tracking Pixel"])
        #expect(result.deck.entries[0].explanation == "Sites use cookies for sessions.")
        #expect(
            result.deck.entries[1].definition
                == "A period of interaction that a server tracks; newsletter sign-ups often start one.")
        #expect(result.problems == [])
    }
}
