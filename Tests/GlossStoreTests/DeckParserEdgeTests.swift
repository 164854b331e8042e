import Foundation
import GlossCore
import Testing

@testable import GlossStore

/// Line ends, whitespace, key spelling and related-name resolution in Markdown decks.
@Suite struct DeckParserEdgeTests {
    let sample =
        "---\ntitle: T\n---\n# Heading\n\n## Alpha\naliases: A1\nrelated: beta, GAMMA-ID, nothing\n\nFirst.\n\nMore.\n\n## Beta\nrelated: a1\n\nSecond.\n\n## Gamma\nid: gamma-id\n\nThird.\n"

    @Test func loneCarriageReturnsSplitLines() throws {
        let plain = try MarkdownDeckParser.parse(sample, file: "d.md")
        let classicMac = try MarkdownDeckParser.parse(sample.replacingOccurrences(of: "\n", with: "\r"), file: "d.md")
        #expect(classicMac == plain)
        #expect(classicMac.sources[2].heading == 19)
    }

    @Test func trailingWhitespaceIsIgnored() throws {
        let plain = try MarkdownDeckParser.parse(sample, file: "d.md")
        let padded = sample.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0 + " \t " }.joined(separator: "\r\n")
        #expect(try MarkdownDeckParser.parse("\u{FEFF}" + padded, file: "d.md") == plain)
    }

    @Test func relatedNamesResolveByTermAliasOrIDInAnyCase() throws {
        let parsed = try MarkdownDeckParser.parse(sample, file: "d.md")
        #expect(parsed.deck.entries.map(\.related) == [["beta", "gamma-id"], ["alpha"], []])
        // The dangling name is dropped from the deck but kept for lint.
        #expect(parsed.sources[0].relatedNames == ["beta", "GAMMA-ID", "nothing"])
        #expect(parsed.sources[0].keys == ["aliases": 7, "related": 8])
        #expect(parsed.sources[0].definition == 10)
        #expect(parsed.deck.entries[0].explanation == "More.")
    }

    @Test func knownKeysMayBeCapitalised() throws {
        let text = "---\ntitle: T\n---\n## Alpha\nAliases: A1, A2\nTags: x\n\nFirst.\n"
        let entry = try MarkdownDeckParser.parse(text, file: "d.md").deck.entries[0]
        #expect(entry.aliases == ["A1", "A2"])
        #expect(entry.tags == ["x"])
        #expect(entry.definition == "First.")
    }

    @Test func aSelfLinkIsDroppedFromTheDeck() throws {
        let text = "---\ntitle: T\n---\n## Alpha\nrelated: alpha, Beta\n\nFirst.\n\n## Beta\nrelated: Alpha\n\nSecond.\n"
        #expect(try MarkdownDeckParser.parse(text, file: "d.md").deck.entries[0].related == ["beta"])
    }

    @Test(
        "more syntax errors name file, line and remedy",
        arguments: [
            ("---\ntitle: T\ntitle: U\n---\n", "d.md:3: front matter key 'title' appears twice (first at line 2); keep one"),
            ("---\ntitle: T\n---\n## A\nRelatd: B\n\nx\n", nil),
            ("", "d.md:1: a deck starts with front matter: a '---' line, 'title: …', and a closing '---'"),
            ("\n\n---\ntitle: T\n", "d.md:3: front matter is not closed: add a '---' line after it"),
            ("---\ntitle: T\n---\n## A\n\nx\n\n#not a heading\n", nil),
            ("---\ntitle: T\n---\nintro\n", "d.md:4: text outside an entry: start each entry with '## Term'"),
            ("---\ntitle: T\n---\n## A\nid:\n\nx\n", nil),
        ] as [(String, String?)])
    func syntaxErrors(text: String, message: String?) {
        do {
            _ = try MarkdownDeckParser.parse(text, file: "d.md")
            #expect(message == nil, "expected an error")
        } catch {
            #expect(error.description == message)
        }
    }
}

@Suite struct DeckLinterEdgeTests {
    func lint(_ text: String) throws -> [String] {
        DeckLinter.lint(try MarkdownDeckParser.parse(text, file: "t.md")).map(\.description)
    }

    let four = """
        ---
        title: T
        ---
        ## Reinforcement Learning
        aliases: RL
        related: Reward Hacking, reinforcement learning

        Learning from rewards; not to be confused with RLHF or URL methods.

        ## Reward Hacking
        related: rl

        When an agent games its reward signal.

        ## Mesa-Optimization

        A learned optimizer inside a model; mesa optimizers are a worry.

        ## Alignment
        related: Rewrd Hacking, Zebra

        Making a system pursue intended goals, as with alignment work.

        ## Epsilon

        Fifth letter.

        ## Zeta

        Sixth letter.
        """

    @Test func aliasesMirrorSelfLinksWarnAndGiveawaysAreWholeWords() throws {
        let findings = try lint(four)
        #expect(
            findings == [
                "t.md:6: warning: 'Reinforcement Learning' lists itself as related ('reinforcement learning'); remove it",
                "t.md:8: warning: the definition of 'Reinforcement Learning' uses 'learning', a form of a word of its name: questions blank it; reword",
                "t.md:13: warning: the definition of 'Reward Hacking' uses 'reward', a form of a word of its name: questions blank it; reword",
                "t.md:17: warning: the definition of 'Mesa-Optimization' uses 'optimizer', a form of a word of its name: questions blank it; reword",
                "t.md:20: error: related term 'Rewrd Hacking' matches no entry — did you mean 'Reward Hacking'?",
                "t.md:20: error: related term 'Zebra' matches no entry",
                "t.md:22: warning: the definition of 'Alignment' contains 'Alignment', which gives the answer away",
            ])
    }

    @Test func aTermThatRepeatsAnotherEntrysAliasIsAnError() throws {
        let text = four + "\n\n## rl\n\nA short name.\n"
        #expect(try lint(text).contains("t.md:32: error: duplicate term 'rl' (also 'Reinforcement Learning' at line 4)"))
    }

    @Test func jsonDecksLintTheirDanglingIDs() throws {
        let data = Data(
            #"{"title": "T", "entries": [{"term": "A", "definition": "x", "related": ["b", "c"]}, {"term": "B", "definition": "y", "related": ["a"]}, {"term": "C", "definition": "z"}, {"term": "D", "definition": "w"}]}"#
                .utf8)
        let parsed = try JSONDeckCoder.parse(data, file: "j.json")
        #expect(
            DeckLinter.lint(parsed).map(\.description) == [
                "j.json:1: warning: 'A' lists 'C' as related, but 'C' (line 1) does not list 'A'"
            ])
        let report = LintReport(findings: DeckLinter.lint(parsed))
        #expect(report.exitCode(strict: false) == 0)
        #expect(report.exitCode(strict: true) == 1)
    }
}

@Suite struct DeckExplanationTests {
    @Test func proseLinesJoinButListItemsKeepTheirLines() throws {
        let text = """
            ---
            title: T
            ---
            ## Alpha

            A definition written
            over two lines.

            Hard-wrapped prose
            joins with a space. Causes:
            - first cause,
              continued
            - second cause
            1. numbered
            2) also numbered
            """
        let entry = try MarkdownDeckParser.parse(text, file: "d.md").deck.entries[0]
        #expect(entry.definition == "A definition written over two lines.")
        #expect(
            entry.explanation
                == "Hard-wrapped prose joins with a space. Causes:\n- first cause, continued\n- second cause\n1. numbered\n2) also numbered"
        )
        let deck = Deck(id: "d", title: "T", entries: [entry])
        #expect(try MarkdownDeckParser.parse(MarkdownDeckWriter.write(deck), file: "d.md").deck == deck)
    }
}
