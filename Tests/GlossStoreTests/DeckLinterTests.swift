import Foundation
import GlossCore
import Testing

@testable import GlossStore

@Suite struct DeckLinterTests {
    func lint(_ text: String) throws -> [String] {
        DeckLinter.lint(try MarkdownDeckParser.parse(text, file: "t.md")).map(\.description)
    }

    @Test func everyFindingHasItsLineAndMessage() throws {
        let text = """
            ---
            title: T
            ---

            ## Alpha
            related: Beta, Gamma, Deltta

            The first letter, not alpha-numeric.

            ## Beta

            The second letter.

            ## beta

            A duplicate.

            ## Gamma
            related: Alpha

            A letter after beta.

            ## Delta

            The Delta of a river.

            ## Empty
            """
        #expect(
            try lint(text) == [
                "t.md:6: error: related term 'Deltta' matches no entry — did you mean 'Delta'?",
                "t.md:6: warning: 'Alpha' lists 'Beta' as related, but 'Beta' (line 10) does not list 'Alpha'",
                "t.md:8: warning: the definition of 'Alpha' contains 'Alpha', which gives the answer away",
                "t.md:14: error: duplicate term 'beta' (also 'Beta' at line 10)",
                "t.md:21: warning: the definition of 'Gamma' names 'Beta', but they are not linked: link them (related: Beta) or reword",
                "t.md:25: warning: the definition of 'Delta' contains 'Delta', which gives the answer away",
                "t.md:27: error: entry 'Empty' has no definition: write one line under its heading",
            ])
    }

    @Test func duplicateIDsAndAliasesAreErrors() throws {
        let text = """
            ---
            title: T
            ---
            ## One
            id: x

            a

            ## Two
            id: x
            aliases: One

            b
            """
        #expect(
            try lint(text)
                == [
                    "t.md:9: error: duplicate id 'x' (first at line 4); give one entry another 'id:'",
                    "t.md:9: error: duplicate alias 'One' (also 'One' at line 4)",
                    "t.md:4: warning: 'One' has only 1 other entry to use as distractors (3 needed)",
                    "t.md:9: warning: 'Two' has only 1 other entry to use as distractors (3 needed)",
                    "t.md:11: warning: alias 'One' of 'Two' is an everyday word: it is accepted when typed but never hidden in definitions; remove it or use a longer name",
                ].sorted { lineOf($0) < lineOf($1) })
    }

    @Test func anEntryRelatedToEveryOtherIsNotAWarning() throws {
        let text = """
            ---
            title: T
            ---
            ## Hub
            related: A, B, C

            the centre

            ## A
            related: Hub

            first

            ## B
            related: Hub

            second

            ## C
            related: Hub

            third

            ## D

            fourth
            """
        // Its relate questions fall back to a flashcard; nothing for the author to fix.
        #expect(try lint(text) == [])
    }

    @Test func exitCodes() {
        let warning = LintFinding(file: "f", line: 1, severity: .warning, message: "w")
        let error = LintFinding(file: "f", line: 1, severity: .error, message: "e")
        #expect(LintReport(findings: []).exitCode(strict: true) == 0)
        #expect(LintReport(findings: [warning]).exitCode(strict: false) == 0)
        #expect(LintReport(findings: [warning]).exitCode(strict: true) == 1)
        #expect(LintReport(findings: [warning, error]).exitCode(strict: false) == 2)
    }

    @Test func theShippedDeckLintsClean() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Decks/ai-safety.md")
        // Notes (entries that get no related-term question, say) teach; they are not faults.
        let findings = DeckLinter.lint(try DeckLoader.load(file: url.path)).filter { $0.severity != .note }
        #expect(findings.map(\.description) == [])
    }

    @Test func aBrokenDeckDoesNotStopTheOthers() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "---\ntitle: Good\n---\n## A\n\nx\n".write(
            to: folder.appendingPathComponent("good.md"), atomically: true, encoding: .utf8)
        try "---\ntitle: Bad\n---\n## A\nwat: 1\n\nx\n".write(
            to: folder.appendingPathComponent("bad.md"), atomically: true, encoding: .utf8)
        try "---\nid: good\ntitle: Twin\n---\n".write(
            to: folder.appendingPathComponent("twin.md"), atomically: true, encoding: .utf8)
        try "not a deck".write(to: folder.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
        let result = DeckLoader.load(folder: folder.path)
        #expect(result.decks.map(\.deck.id) == ["good"])
        #expect(
            result.failures.map(\.description) == [
                "bad.md:5: unknown key 'wat' in entry 'A' (expected id, aliases, tags or related)",
                "twin.md:1: deck id 'good' is already used by good.md; give this deck another 'id:'",
            ])
    }
}

private func lineOf(_ finding: String) -> Int {
    Int(finding.split(separator: ":")[1]) ?? 0
}
