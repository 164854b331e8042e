import Foundation
import GlossCore
import Testing

@testable import GlossStore

/// A deck with lint errors is skipped at load time, naming its first error's line; decks with
/// only warnings or notes load; `DeckLinter.lint` still reports everything.
@Suite struct DeckLoaderLintTests {
    func folder(_ files: [String: String]) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("decks-lint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, text) in files {
            try text.write(to: url.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return url.path
    }

    static let clean =
        "---\ntitle: Clean\n---\n## Alpha\n\nThe first.\n\n## Beta\n\nThe second.\n\n## Gamma\n\nThe third.\n\n## Delta\n\nThe fourth.\n"

    @Test func aDeckWithALintErrorIsSkippedNamingTheFirstErrorsLine() throws {
        let broken =
            "---\ntitle: Broken\n---\n## Alpha\nrelated: Betta\n\nThe first.\n\n## Beta\n\nThe second.\n\n## Gamma\n\n## Delta\n\nThe fourth.\n"
        let path = try folder(["broken.md": broken, "clean.md": Self.clean])
        let result = DeckLoader.load(folder: path)
        #expect(result.decks.map(\.deck.id) == ["clean"])
        #expect(result.failures.count == 1)
        let text = result.failures.first?.description ?? ""
        #expect(text.hasPrefix("broken.md:5: related term 'Betta' matches no entry — did you mean 'Beta'? and 1 more error;"))
        #expect(text.contains("`gloss lint` lists every problem"))
        // lint still sees both errors.
        let linted = DeckLinter.lint(try DeckLoader.load(file: (path as NSString).appendingPathComponent("broken.md")))
        #expect(linted.filter { $0.severity == .error }.map(\.line) == [5, 13])
    }

    @Test(arguments: [
        (
            "## Alpha\naliases: Beta\n\nThe first.\n\n## Beta\n\nThe second.\n", 9,
            "duplicate term 'Beta' (also 'Alpha' at line 4)"
        ),
        ("## Alpha\n\nThe first.\n\n## Beta\n\n", 8, "entry 'Beta' has no definition"),
    ])
    func eachErrorKindKeepsTheDeckOut(body: String, line: Int, start: String) throws {
        let path = try folder(["x.md": "---\ntitle: X\n---\n" + body, "clean.md": Self.clean])
        let result = DeckLoader.load(folder: path)
        #expect(result.decks.map(\.deck.id) == ["clean"])
        #expect(result.failures.map(\.description).first?.hasPrefix("x.md:\(line): \(start)") == true)
    }

    @Test func warningsAndNotesDoNotKeepADeckOut() throws {
        // A one-way link and a definition naming its own term are warnings only.
        let warned =
            "---\ntitle: Warned\n---\n## Alpha\nrelated: Beta\n\nThe first, Alpha.\n\n## Beta\n\nThe second.\n\n## Gamma\n\nThe third.\n\n## Delta\n\nThe fourth.\n"
        let path = try folder(["warned.md": warned])
        let parsed = try DeckLoader.load(file: (path as NSString).appendingPathComponent("warned.md"))
        let findings = DeckLinter.lint(parsed)
        #expect(!findings.isEmpty)
        #expect(findings.allSatisfy { $0.severity != .error })
        let result = DeckLoader.load(folder: path)
        #expect(result.decks.map(\.deck.id) == ["warned"])
        #expect(result.failures.isEmpty)
    }

    @Test func theLoadTimeChecksFindEachErrorAndNoWarning() throws {
        // Alpha lists itself (a warning) and a name that matches nothing; Beta has no
        // definition; Gamma's alias is Alpha's term; Delta's related names all resolve.
        let text =
            "---\ntitle: T\n---\n## Alpha\nrelated: Alpha, Nope, Beta\n\nThe first, Alpha.\n\n## Beta\nrelated: Alpha\n\n## Gamma\naliases: Alpha\n\nAgain.\n\n## Delta\nrelated: gamma, BETA\n\nThe fourth.\n"
        let parsed = try MarkdownDeckParser.parse(text, file: "t.md")
        let errors = DeckLinter.errors(parsed)
        #expect(errors.map(\.line) == [5, 9, 12])
        #expect(errors.allSatisfy { $0.severity == .error })
        #expect(errors[0].message.hasPrefix("related term 'Nope' matches no entry"))
        #expect(errors[1].message.hasPrefix("entry 'Beta' has no definition"))
        #expect(errors[2].message.hasPrefix("duplicate alias 'Alpha' (also 'Alpha' at line 4)"))
        #expect(DeckLinter.lint(parsed).filter { $0.severity == .error } == errors)
        #expect(DeckLinter.lint(parsed).contains { $0.severity == .warning && $0.message.contains("lists itself") })
        // JSON decks name related entries by id; an unknown one is an error there too.
        let json =
            #"{"title": "J", "entries": [{"term": "A", "definition": "a.", "related": ["b", "zz"]}, {"term": "B", "definition": "b.", "related": ["a"]}]}"#
        let jsonErrors = DeckLinter.errors(try JSONDeckCoder.parse(Data(json.utf8), file: "j.json"))
        #expect(jsonErrors.map(\.message) == ["related term 'zz' matches no entry"])
    }
}
