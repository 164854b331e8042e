import Foundation
import GlossCore
import Testing

@testable import GlossStore

@Suite struct ImportTextFormatsTests {
    @Test func quizletDefaultSeparators() throws {
        let text =
            "\u{FEFF}Deepfake\tSynthetic media, \"faked\".\r\n\r\nHallucination\tMade-up output\twith a tab.\r\nno separator here\r\n"
        let result = try Importer.importText(text, fileName: "set.txt")
        #expect(result.format == .quizlet)
        #expect(result.deck.entries.map(\.term) == ["Deepfake", "Hallucination"])
        #expect(result.deck.entries.map(\.definition) == ["Synthetic media, \"faked\".", "Made-up output with a tab."])
        #expect(result.lines == [1, 3])
        #expect(result.problems.map(\.description) == ["set.txt:4: card 'no separator here' has no term separator; skipped"])
    }

    @Test func quizletCustomSeparators() throws {
        let text = "Deepfake - Synthetic\nmedia.;Hallucination - Made-up - output.;;"
        let result = try Importer.importText(
            text, fileName: "set.txt",
            options: ImportOptions(format: .quizlet, termSeparator: " - ", cardSeparator: ";"))
        #expect(result.deck.entries.map(\.term) == ["Deepfake", "Hallucination"])
        #expect(result.deck.entries.map(\.definition) == ["Synthetic media.", "Made-up - output."])
        #expect(result.lines == [1, 2])
    }

    @Test func ankiNotesWithHTMLClozeAndHeaders() throws {
        let text = """
            #separator:tab
            #html:true
            #notetype column:1
            #tags column:5
            Basic\tMesa-Optimization\tA model <b>that is</b> an optimizer &amp; more.\tLine one<br>line two<br/>&lt;three&gt; &#233;&#x1F9E0;\talignment theory
            Cloze\tCapital\tThe capital of France is {{c1::Paris::city}} and {{c2::big}}.\t\t
            Basic\t"Quoted\tterm"\t"multi
            line"\t\t

            """
        let result = try Importer.importText(text, fileName: "anki.txt")
        #expect(result.format == .anki)
        #expect(result.problems == [])
        #expect(result.deck.entries.map(\.term) == ["Mesa-Optimization", "Capital", "Quoted term"])
        #expect(result.deck.entries[0].definition == "A model that is an optimizer & more.")
        #expect(result.deck.entries[0].explanation == "Line one\n\nline two\n\n<three> é🧠")
        #expect(result.deck.entries[0].tags == ["alignment", "theory"])
        #expect(result.deck.entries[1].definition == "The capital of France is Paris and big.")
        #expect(result.deck.entries[2].definition == "multi line")
        #expect(result.lines == [5, 6, 7])
    }

    @Test func ankiColumnsHeaderNamesFields() throws {
        let text = "#separator:Semicolon\n#html:false\n#columns:Back;Front;Tags\nA <b>bold</b> claim.;Claim;x y\n"
        let result = try Importer.importText(text, fileName: "a.txt")
        #expect(result.deck.entries == [Entry(id: "claim", term: "Claim", definition: "A <b>bold</b> claim.", tags: ["x", "y"])])
    }

    @Test(arguments: [
        ("a&amp;b", "a&b"), ("&lt;x&gt;", "<x>"), ("&#65;&#x42;", "AB"), ("&bogus; & &", "&bogus; & &"),
        ("x&nbsp;y", "x y"), ("<div>one</div><div>two</div>", "one\ntwo"),
    ])
    func htmlToText(html: String, text: String) {
        #expect(HTMLText.plain(html) == text)
    }

    @Test func jsonDeckImportsWithItsIds() throws {
        let json = """
            {"version": 1, "id": "small", "title": "Small", "entries": [
              {"id": "alpha-id", "term": "Alpha", "definition": "First.", "related": ["Beta"]},
              {"term": "Beta", "definition": "Second."},
              {"term": "Alpha", "definition": "Again."}
            ]}
            """
        let result = try Importer.importText(json, fileName: "small.json", options: ImportOptions(title: "Renamed"))
        #expect(result.format == .json)
        #expect(result.deck.id == "small")
        #expect(result.deck.title == "Renamed")
        #expect(result.deck.entries.map(\.id) == ["alpha-id", "beta"])
        #expect(result.deck.entries[1].related == ["alpha-id"])
        #expect(result.problems.map(\.kind) == [.duplicate])
    }

    @Test func brokenJSONThrowsWithFileName() {
        #expect(throws: StoreError.self) { try Importer.importText("{\"title\": 3}", fileName: "bad.json") }
    }

    @Test(arguments: [
        ("x.csv", "a,b", ImportFormat.csv), ("x.TSV", "a", .tsv), ("x.json", "", .json), ("x.md", "", .markdown),
        ("x.txt", "#separator:tab\na\tb", .anki), ("x.txt", "term\tdefinition\na\tb", .tsv),
        ("x.txt", "a\tb\nc\td", .quizlet), ("x.txt", "a<br>x\tb", .anki), ("x.txt", "Term\nDef.\nRelated Terms\n", .page),
        ("x.txt", " {\"title\": \"t\"}", .json), ("export", "term,definition\n", .csv),
    ])
    func formatDetection(name: String, text: String, format: ImportFormat) {
        #expect(ImportFormat.detect(fileName: name, text: text) == format)
    }
}

@Suite struct ImportReportTests {
    @Test func dryRunReportListsEntriesAndProblems() throws {
        let text =
            "term,definition,aliases,related\nDeepfake,Synthetic media that depicts events that never occurred at all.,DF,Hallucination\nHallucination,Made-up output.,,\n,No term.,,\n"
        let result = try Importer.importText(text, fileName: "t.csv")
        #expect(
            result.report(file: "t.csv", definitionWidth: 30) == """
                t.csv: 2 entries (CSV), 1 problem
                  line 2: Deepfake — Synthetic media that depicts… [aliases: DF; related: 1]
                  line 3: Hallucination — Made-up output. [related: 1]
                t.csv:4: no term for definition 'No term.'; row skipped

                """)
    }
}
