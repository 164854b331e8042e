import Foundation
import Testing

@Suite struct ReplEndToEndTests {
    @Test func pipedUnknownCommandsGetSuggestionsAndTheLoopGoesOn() throws {
        let folder = try BinaryRunner.temporaryFolder()
        let result = try BinaryRunner.run(
            ["--decks", folder.path, "--progress", folder.path],
            input: "hlp\nfrobnicate\nquit\nhelp\n")
        // Errors in piped input make the run's status: a usage error.
        #expect(result.status == 2)
        #expect(result.stdout == "")
        #expect(
            result.stderr == """
                error: unknown command 'hlp' — did you mean 'help'?
                error: unknown command 'frobnicate' — type 'help' for the list

                """)
    }
}

@Suite struct DeckCommandsEndToEndTests {
    /// A folder with a small good deck and a broken one.
    func decksFolder() throws -> URL {
        let folder = try BinaryRunner.temporaryFolder()
        let decks = folder.appendingPathComponent("Decks")
        try FileManager.default.createDirectory(at: decks, withIntermediateDirectories: true)
        try """
        ---
        title: Letters
        ---

        ## Alpha
        aliases: A
        related: Beta

        The first letter of the Greek script.

        Used for the first of anything.

        ## Beta
        related: Alpha

        The second letter of the Greek script.

        ## Gamma

        The third letter of the Greek script.

        ## Delta

        The fourth letter, a river mouth's shape.

        ## Epsilon

        The fifth letter, for small quantities.
        """.write(to: decks.appendingPathComponent("letters.md"), atomically: true, encoding: .utf8)
        try "---\ntitle: Broken\n---\n\n## X\nrelatd: Y\n\nz\n".write(
            to: decks.appendingPathComponent("broken.md"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test func pipedShowPrintsTheEntryAndTheBrokenDeckIsNamed() throws {
        let folder = try decksFolder()
        let result = try BinaryRunner.run([], input: "decks\nshow alpha\nshow Gama\nquit\n", in: folder)
        // 'show Gama' names no term: an input error, so the piped run ends with status 2.
        #expect(result.status == 2)
        #expect(
            result.stdout == """
                * letters  Letters (5 entries)
                  skipped: broken.md:6: unknown key 'relatd' in entry 'X' (expected id, aliases, tags or related)
                Alpha  (letters)
                  also: A
                  The first letter of the Greek script.

                  Used for the first of anything.

                  Related: Beta

                """)
        #expect(
            result.stderr == """
                warning: skipped broken.md:6: unknown key 'relatd' in entry 'X' (expected id, aliases, tags or related)
                error: no term 'Gama' in deck 'letters' — did you mean 'Gamma'?

                """)
    }

    @Test func oneShotShowAndLintExitCodes() throws {
        let folder = try decksFolder()
        let show = try BinaryRunner.run(["show", "Beta"], in: folder)
        #expect(show.status == 0)
        #expect(show.stdout.hasPrefix("Beta  (letters)\n  The second letter of the Greek script.\n"))
        let missing = try BinaryRunner.run(["show", "Omega"], in: folder)
        #expect(missing.status == 2)
        #expect(missing.stderr == "error: no term 'Omega' in deck 'letters'\n")

        let lint = try BinaryRunner.run(["lint"], in: folder)
        #expect(lint.status == 2)
        #expect(
            lint.stdout == """
                broken.md:6: error: unknown key 'relatd' in entry 'X' (expected id, aliases, tags or related)
                \(Self.lettersNotes)2 deck files checked: 1 error, 0 warnings, 2 notes

                """)
        // Notes never fail a strict lint.
        let clean = try BinaryRunner.run(["lint", "--strict", "Decks/letters.md"], in: folder)
        #expect(clean.status == 0)
        #expect(clean.stdout == Self.lettersNotes + "1 deck file checked: 0 errors, 0 warnings, 2 notes\n")
    }

    /// "The first/second/third letter of the Greek script." read alike: notes, not faults.
    static let lettersNotes = """
        letters.md:5: note: 'Alpha' and 'Gamma' read alike (text similarity 0.39) but are not linked: link them, or write definitions that tell them apart
        letters.md:13: note: 'Beta' and 'Gamma' read alike (text similarity 0.53) but are not linked: link them, or write definitions that tell them apart

        """

    @Test func theShippedDeckLintsStrictClean() throws {
        let result = try BinaryRunner.run(["lint", "--strict", "Decks/ai-safety.md"])
        #expect(result.status == 0)
        // Notes (entries that get no related-term or odd-one-out question) never fail a strict lint.
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.dropLast().allSatisfy { $0.contains(": note: ") }, "\(result.stdout)")
        #expect(lines.last?.hasPrefix("1 deck file checked: 0 errors, 0 warnings") == true)
    }
}
