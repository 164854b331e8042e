import Foundation
import GlossCore
import Testing

@testable import GlossStore

@Suite struct ImportCSVTests {
    func run(_ text: String, _ name: String = "terms.csv", _ options: ImportOptions = ImportOptions()) throws -> ImportResult {
        try Importer.importText(text, fileName: name, options: options)
    }

    @Test func headerNamesMapColumnsInAnyOrder() throws {
        let text = """
            tags,Definition,TERM,aliases,related
            ml,"A model trained on broad data, adapted to many tasks.",Foundation Model,"Base Model; FM",Deepfake
            media,"Synthetic media; ""deep"" fakes.",Deepfake,,
            """
        let result = try run(text)
        #expect(result.format == .csv)
        #expect(result.problems == [])
        #expect(result.deck.id == "terms")
        #expect(
            result.deck.entries == [
                Entry(
                    id: "foundation-model", term: "Foundation Model",
                    definition: "A model trained on broad data, adapted to many tasks.",
                    related: ["deepfake"], aliases: ["Base Model", "FM"], tags: ["ml"]),
                Entry(
                    id: "deepfake", term: "Deepfake", definition: "Synthetic media; \"deep\" fakes.",
                    related: ["foundation-model"], tags: ["media"]),
            ])
        #expect(result.lines == [2, 3])
    }

    @Test func quotedMultiLineFieldsImportExactlyWithLineNumbers() throws {
        let text =
            "term,definition,explanation\r\n"
            + "Mesa-Optimization,\"A learned optimizer, inside a model.\",\"First paragraph\r\nstill first.\r\n\r\nSecond \"\"quoted\"\" paragraph.\"\r\n"
            + "\r\n"
            + "Café,Ein Wort mit Umlaut: ä ö ü — und Emoji 🧠.,\r\n"
            + ",orphan definition,\r\n"
            + "Café,again,\r\n"
        let result = try run("\u{FEFF}" + text)
        #expect(result.deck.entries.map(\.term) == ["Mesa-Optimization", "Café"])
        #expect(result.deck.entries[0].explanation == "First paragraph\n\nstill first.\n\nSecond \"quoted\" paragraph.")
        #expect(result.deck.entries[1].id == "cafe")
        #expect(result.deck.entries[1].definition == "Ein Wort mit Umlaut: ä ö ü — und Emoji 🧠.")
        #expect(result.lines == [2, 7])
        #expect(
            result.problems.map(\.description) == [
                "terms.csv:8: no term for definition 'orphan definition'; row skipped",
                "terms.csv:9: duplicate term 'Café' (first at line 7); row skipped",
            ])
        #expect(result.problems.map(\.kind) == [.emptyTerm, .duplicate])
    }

    @Test func noHeaderUsesDefaultColumnOrder() throws {
        let result = try run("Deepfake,Synthetic media.,Longer text.\nHallucination,Made-up output.\n")
        #expect(result.deck.entries.map(\.term) == ["Deepfake", "Hallucination"])
        #expect(result.deck.entries[0].explanation == "Longer text.")
        #expect(result.lines == [1, 2])
    }

    @Test func explicitColumnsOverrideAndSkip() throws {
        let columns = try ImportColumn.parseList("-,definition,term").get()
        let result = try run(
            "1;Synthetic media.;Deepfake\n2;Made-up output.;Hallucination\n", "x.csv",
            ImportOptions(columns: columns))
        #expect(result.deck.entries.map(\.term) == ["Deepfake", "Hallucination"])
        #expect(result.deck.entries.map(\.definition) == ["Synthetic media.", "Made-up output."])
        #expect(throws: StoreError.unknownColumn("colour")) { try ImportColumn.parseList("term,meaning,colour").get() }
        #expect(
            StoreError.unknownColumn("colour").description
                == "unknown column 'colour' in --columns (use term, definition, explanation, related, aliases, tags or -)")
    }

    @Test func headerFlagForcesTheFirstRowToBeData() throws {
        let result = try run("Term,Definition\n", "x.csv", ImportOptions(hasHeader: false))
        #expect(result.deck.entries.map(\.term) == ["Term"])
    }

    @Test(arguments: [
        ("a,b;c\n", UnicodeScalar(",")),
        ("a;b;c,d\n", UnicodeScalar(";")),
        ("a\tb\tc\n", UnicodeScalar("\t")),
        ("\"a,b,c\";d\n", UnicodeScalar(";")),
        ("plain\n", UnicodeScalar(",")),
    ])
    func delimiterIsDetected(text: String, delimiter: UnicodeScalar) {
        #expect(CSVImporter.detectDelimiter(text) == delimiter)
    }

    @Test func tsvWithQuotedTabAndLongDefinition() throws {
        let long = String(repeating: "word ", count: 80).trimmingCharacters(in: .whitespaces)
        let text = "term\tdefinition\nTab\t\"has\ta tab\"\nLong\t\(long)\nShort\t\n"
        let result = try run(text, "t.tsv")
        #expect(result.format == .tsv)
        #expect(result.deck.entries.map(\.term) == ["Tab", "Long"])
        #expect(result.deck.entries[0].definition == "has a tab")
        #expect(result.problems.map(\.kind) == [.longDefinition, .badRow])
        #expect(result.problems.map(\.line) == [3, 4])
        #expect(result.problems[0].message.contains("399 characters (over 300)"))
    }

    @Test func unknownRelatedNamesAreReported() throws {
        let result = try run("term,definition,related\nA,Alpha.,Nowhere\n")
        #expect(result.deck.entries[0].related == [])
        #expect(
            result.problems.map(\.description) == [
                "terms.csv:2: related term 'Nowhere' of 'A' matches no imported entry; link dropped"
            ])
    }

    @Test func aliasThatIsAnotherTermIsDropped() throws {
        let result = try run("term,definition,aliases\nAI Safety,Field.,Safety\nSafety,Other.,\n")
        // "Safety" is claimed first as an alias, so the later term collides with it.
        #expect(result.deck.entries.map(\.term) == ["AI Safety"])
        #expect(result.problems.map(\.kind) == [.duplicate])
    }
}

@Suite struct ImportMarkdownSafetyTests {
    @Test func importedDeckSurvivesTheMarkdownFormat() throws {
        let text =
            "term,definition,explanation,aliases,tags\n"
            + "Alpha,First.,\"## Not a heading\nline two\n\n\n  indented  \",\"A1, A2; A3\",\"x, y\"\n"
            + "Beta,Second.,,,\n"
        let result = try Importer.importText(text, fileName: "t.csv")
        let alpha = try #require(result.deck.entries.first)
        #expect(alpha.explanation == "Not a heading\n\nline two\n\nindented")
        #expect(alpha.aliases == ["A1", "A2", "A3"])
        #expect(alpha.tags == ["x", "y"])
        #expect(result.problems.map(\.kind) == [.formatConflict])
        #expect(result.problems.first?.line == 2)
        let parsed = try MarkdownDeckParser.parse(DeckExport.text(result.deck, format: .md), file: "t.md")
        #expect(parsed.deck == result.deck)
    }

    @Test func definitionThatReadsAsMetadataIsReported() throws {
        let result = try Importer.importText(
            "term,definition\nNoun,n: a naming word.\nVerb,A doing word: run.\n", fileName: "t.csv")
        #expect(result.deck.entries.count == 2)
        #expect(
            result.problems.map(\.description) == [
                "t.csv:2: definition of 'Noun' starts like a 'key: value' line, which a Markdown deck reads as metadata; reword its start"
            ])
    }
}
