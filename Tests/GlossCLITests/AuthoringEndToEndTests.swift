import Foundation
import Testing

/// Import, add and link on the built binary: the seed page becomes a deck that lints clean,
/// and authoring keeps the rest of the deck file byte-identical.
@Suite struct AuthoringEndToEndTests {
    /// The seed glossary page, committed with GlossStoreTests' import fixtures.
    static let seedPage = BinaryRunner.packageRoot.appendingPathComponent(
        "Tests/GlossStoreTests/Fixtures/import/glossary-page-mesa-optimization.txt")

    @Test func theSeedPageImportsLintsAndGrows() throws {
        let folder = try BinaryRunner.projectFolder()
        let imported = try BinaryRunner.run(["import", Self.seedPage.path, "--deck", "seed-page"], in: folder)
        #expect(imported.status == 0)
        // The page's own definitions use words of their terms: lint says so (the import still succeeds).
        let warnings = [
            "seed-page.md:9: warning: the definition of 'Mesa-Optimization' uses 'optimization', a form of a word of its name: questions blank it; reword",
            "seed-page.md:32: warning: the definition of 'Deepfake' uses 'deep', a form of a word of its name: questions blank it; reword",
            "seed-page.md:37: warning: the definition of 'Foundation Model' uses 'model', a form of a word of its name: questions blank it; reword",
        ]
        #expect(
            imported.stdout
                == "Imported 7 entries (page) into Decks/seed-page.md.\n" + warnings.map { "Lint: \($0)\n" }.joined())
        let lint = try BinaryRunner.run(["lint", "--strict", "Decks/seed-page.md"], in: folder)
        #expect(lint.status == 1)
        #expect(lint.stdout == warnings.map { "\($0)\n" }.joined() + "1 deck file checked: 0 errors, 3 warnings\n")

        let again = try BinaryRunner.run(["import", Self.seedPage.path, "--deck", "seed-page"], in: folder)
        #expect(again.status == 2)
        #expect(again.stderr.contains("a deck with id 'seed-page' already exists; pass --merge"))

        let path = folder.appendingPathComponent("Decks/seed-page.md")
        let before = try String(contentsOf: path, encoding: .utf8)
        let added = try BinaryRunner.run(
            [
                "add", "--term", "Reward Hacking", "--definition",
                "Exploiting flaws in a scoring signal instead of doing the task.",
                "--related", "AI Alignment", "--tags", "alignment",
            ], in: folder)
        #expect(added.status == 0)
        #expect(added.stdout == "Added 'Reward Hacking' to seed-page.\nLint: clean.\n")
        let after = try String(contentsOf: path, encoding: .utf8)
        // The new section is appended; the only other change is AI Alignment's related line.
        let expected =
            before.replacingOccurrences(
                of: "## AI Alignment\nrelated: Mesa-Optimization\n",
                with: "## AI Alignment\nrelated: Mesa-Optimization, Reward Hacking\n")
            + "\n## Reward Hacking\ntags: alignment\nrelated: AI Alignment\n\nExploiting flaws in a scoring signal instead of doing the task.\n"
        #expect(after == expected)

        let linked = try BinaryRunner.run(["link", "Deepfake", "Hallucination"], in: folder)
        #expect(linked.status == 0)
        let show = try BinaryRunner.run(["show", "Deepfake"], in: folder)
        #expect(show.stdout.contains("Related: Mesa-Optimization, Hallucination"))
    }
}
