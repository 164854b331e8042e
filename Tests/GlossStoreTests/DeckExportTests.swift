import Foundation
import GlossCore
import Testing

@testable import GlossStore

@Suite struct DeckExportTests {
    /// A deck with the awkward parts: commas, quotes, tabs, newlines, Unicode, `#`, HTML-like text.
    let deck = Deck(
        id: "awkward", title: "Awkward Deck", description: "Hard to write.",
        entries: [
            Entry(
                id: "mesa-optimization", term: "Mesa-Optimization",
                definition: "A learned optimizer, with \"its own\" objective <not html>.",
                explanation: "First paragraph,\twith a tab.\n\nSecond paragraph — ünïcödé 🧠.",
                related: ["ai-alignment"], aliases: ["Mesa-Optimizer", "Inner Optimizer"], tags: ["alignment", "theory"]),
            Entry(
                id: "ai-alignment", term: "AI Alignment", definition: "#1 research field; ensuring AI does what we mean.",
                related: ["mesa-optimization"], tags: ["field"]),
            Entry(id: "cafe", term: "Café", definition: "A place for coffee."),
        ])

    @Test(arguments: DeckExportFormat.allCases)
    func exportThenImportGivesTheSameEntries(format: DeckExportFormat) throws {
        let text = DeckExport.text(deck, format: format)
        let result = try Importer.importText(text, fileName: "awkward.\(format.fileExtension)")
        #expect(result.problems == [])
        #expect(result.deck.entries == deck.entries)
        if format == .json || format == .md {
            #expect(result.deck == deck)
        }
    }

    @Test func ankiHeaderAndQuoting() {
        let text = DeckExport.text(deck, format: .anki)
        let lines = text.components(separatedBy: "\n")
        #expect(
            Array(lines.prefix(4)) == [
                "#separator:tab", "#html:false", "#columns:Term\tDefinition\tExplanation\tAliases\tRelated\tTags",
                "#tags column:6",
            ])
        #expect(
            lines[4]
                == "Mesa-Optimization\t\"A learned optimizer, with \"\"its own\"\" objective <not html>.\"\t\"First paragraph,\twith a tab."
        )
        #expect(
            text.contains("\nAI Alignment\t\"#1 research field; ensuring AI does what we mean.\"\t\t\tMesa-Optimization\tfield\n")
        )
        #expect(text.hasSuffix("Café\tA place for coffee.\t\t\t\t\n"))
    }

    @Test func csvHasAHeaderRow() {
        let text = DeckExport.text(deck, format: .csv)
        #expect(text.hasPrefix("term,definition,explanation,aliases,related,tags\nMesa-Optimization,"))
        #expect(
            text.contains("\n\nSecond paragraph — ünïcödé 🧠.\",Mesa-Optimizer; Inner Optimizer,AI Alignment,alignment; theory\n"))
        #expect(text.hasSuffix("\nCafé,A place for coffee.,,,,\n"))
    }
}

@Suite struct DeckExportShippedDeckTests {
    @Test(arguments: DeckExportFormat.allCases)
    func shippedDeckRoundTrips(format: DeckExportFormat) throws {
        let deck = try DeckExportAnkiTests.aiSafety()
        let result = try Importer.importText(DeckExport.text(deck, format: format), fileName: "ai-safety.\(format.fileExtension)")
        #expect(result.problems == [])
        #expect(result.deck.entries == deck.entries)
    }
}
