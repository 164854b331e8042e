import Foundation
import GlossStore
import Testing

/// Exit statuses as `help` and the README list them (0 ok, 1 warnings, 2 usage or input
/// error, 3 progress refused), one-shot and at the end of piped REPL input; and the one-shot
/// and export behaviours of issue 20.
@Suite struct ExitStatusEndToEndTests {
    func workspace() throws -> URL { try BinaryRunner.shippedDeckWorkspace() }

    func gloss(_ arguments: [String], input: String = "", in folder: URL) throws -> BinaryRunner.Output {
        try BinaryRunner.run(
            ["--learner", "ann", "--now", "2026-01-01T09:00:00Z", "--seed", "3"] + arguments, input: input, in: folder)
    }

    @Test func okIsZero() throws {
        let folder = try workspace()
        #expect(try gloss(["decks"], in: folder).status == 0)
        #expect(try gloss([], input: "decks\nquit\n", in: folder).status == 0)
    }

    @Test func strictLintWarningsAreOne() throws {
        let folder = try workspace()
        let deck = """
            ---
            title: Letters
            ---

            ## Alpha

            The first letter of the Greek alphabet, used for the first item in a series.

            ## Gamma

            The third letter of the Greek alphabet, used for the third item in a series.
            """
        try deck.write(to: folder.appendingPathComponent("Decks/letters.md"), atomically: true, encoding: .utf8)
        let lint = try gloss(["lint", "--strict", "Decks/letters.md"], in: folder)
        #expect(lint.stdout.contains("warning"))
        #expect(!lint.stdout.contains("error:"))
        #expect(lint.status == 1)
    }

    @Test func aOneShotTypoGetsTheREPLsSuggestionAndTwo() throws {
        let folder = try workspace()
        let typo = try gloss(["stduy"], in: folder)
        #expect(typo.status == 2)
        #expect(typo.stdout == "")
        #expect(typo.stderr == "error: unknown command 'stduy' — did you mean 'study'?\n")
        let piped = try gloss([], input: "stduy\n", in: folder)
        #expect(piped.stderr == typo.stderr)
        #expect(piped.status == 2)
    }

    @Test func usageAndInputErrorsAreTwo() throws {
        let folder = try workspace()
        let option = try gloss(["stats", "--bogus"], in: folder)
        #expect(option.status == 2)
        #expect(option.stderr.hasPrefix("Error: Unknown option '--bogus'"))
        let term = try gloss(["show", "Nothing Like It"], in: folder)
        #expect(term.status == 2)
        #expect(term.stderr == "error: no term 'Nothing Like It' in deck 'ai-safety'\n")
        let value = try gloss(["set", "retention", "150"], in: folder)
        #expect(value.status == 2)
        #expect(value.stderr.contains("'150' is not a valid retention"))
        // In piped input the loop goes on, and the run ends with the error's status.
        let piped = try gloss([], input: "show Nothing Like It\ndecks\n", in: folder)
        #expect(piped.stdout.contains("ai-safety"))
        #expect(piped.status == 2)
    }

    @Test func refusedProgressIsThree() throws {
        let folder = try workspace()
        let store = try ProgressStore(folder: folder.appendingPathComponent("Progress"), learner: "ann")
        defer { try? store.close() }
        let locked = try gloss(["undo"], in: folder)
        #expect(locked.status == 3)
        #expect(locked.stderr.hasPrefix("error: "))
        #expect(locked.stderr.contains("ann.lock"))
    }

    @Test func setRetention95IsReadAs095() throws {
        let folder = try workspace()
        let set = try gloss(["set", "retention", "95"], in: folder)
        #expect(set.status == 0)
        #expect(set.stdout == "retention = 0.95\n")
        #expect(try gloss(["settings"], in: folder).stdout.contains("retention         0.95 "))
    }

    @Test func exportWithoutOutputWritesANamedFileAndSaysWhere() throws {
        let folder = try workspace()
        let export = try gloss(["export", "--format", "html"], in: folder)
        #expect(export.status == 0)
        let path = folder.appendingPathComponent("gloss-report-2026-01-01.html").resolvingSymlinksInPath().path
        let said = export.stdout.replacingOccurrences(of: "/private/", with: "/")
        #expect(said.hasPrefix("Wrote /") && said.hasSuffix("gloss-report-2026-01-01.html (html, summary).\n"))
        #expect(FileManager.default.fileExists(atPath: path))
        let csv = try gloss(["export", "--format", "csv"], in: folder)
        #expect(csv.stdout.hasSuffix("gloss-terms-2026-01-01.csv (csv, terms).\n"))
        // A second export the same day refuses to overwrite, with status 2.
        let again = try gloss(["export", "--format", "html"], in: folder)
        #expect(again.status == 2)
        #expect(again.stderr.contains("already exists; pass --force"))
    }

    @Test func aTermToDefinitionAnswerPrintsTheDefinitionOnce() throws {
        let folder = try workspace()
        let run = try gloss(["quiz", "1", "--format", "choice-definition"], input: "a\n", in: folder)
        #expect(run.status == 0)
        let lines = run.stdout.components(separatedBy: "\n")
        let answer = try #require(lines.firstIndex { $0.hasPrefix("  Answer: ") })
        // The answer line shows the definition; no "Term: definition" line repeats it.
        let term = try #require(lines.first { $0.hasPrefix("What does “") }).dropFirst("What does “".count).prefix { $0 != "”" }
        #expect(!lines.contains { $0.hasPrefix("  \(term): ") })
        #expect(answer > 0)
    }
}
