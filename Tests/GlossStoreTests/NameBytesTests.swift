import Foundation
import GlossCore
import Testing

@testable import GlossStore

/// Names found by their bytes agree with `String`'s own comparison, which the deck's name
/// tables used before (`[String: …]` keyed by `lowercased()`, `[EntryID: …]`).
@Suite struct NameBytesTests {
    static let pieces = [
        "a", "A", "Term", "é", "e\u{301}", "E\u{301}", "É", "\u{212A}", "K", "k", "ß", "SS", "ﬁ", "Å", "\u{212B}", "A\u{30A}",
        "日本", " ", "-", "İ", "i\u{307}", "Σ", "σ", "ς", "👍🏽", "x",
    ]

    static func name(_ rng: inout SplitMix64) -> String {
        (0..<Int.random(in: 0...3, using: &rng)).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &rng)] }.joined()
    }

    static func bytes(_ call: (String, (UnsafeBufferPointer<UInt8>) -> [UInt8]) -> [UInt8], _ name: String) -> [UInt8] {
        call(name) { Array($0) }
    }

    @Test func lowerCasedBytesMatchWhereLowerCasedStringsAreEqual() {
        var rng = SplitMix64(seed: 5)
        for _ in 0..<20_000 {
            let a = Self.name(&rng), b = Self.name(&rng)
            let same = Self.bytes(NameBytes.lowercased, a) == Self.bytes(NameBytes.lowercased, b)
            #expect(same == (a.lowercased() == b.lowercased()), "\(a.debugDescription) \(b.debugDescription)")
        }
    }

    @Test func exactBytesMatchWhereStringsAreEqual() {
        var rng = SplitMix64(seed: 6)
        for _ in 0..<20_000 {
            let a = Self.name(&rng), b = Self.name(&rng)
            let same = Self.bytes(NameBytes.exact, a) == Self.bytes(NameBytes.exact, b)
            #expect(same == (a == b), "\(a.debugDescription) \(b.debugDescription)")
        }
    }

    @Test func knownSpellings() {
        #expect(Self.bytes(NameBytes.lowercased, "Mesa-Optimization") == Array("mesa-optimization".utf8))
        #expect(Self.bytes(NameBytes.lowercased, "Caf\u{E9}") == Self.bytes(NameBytes.lowercased, "CAFE\u{301}"))
        #expect(Self.bytes(NameBytes.exact, "\u{212A}") == Array("K".utf8))
        #expect(Self.bytes(NameBytes.exact, "Ab") != Self.bytes(NameBytes.exact, "ab"))
        #expect(Self.bytes(NameBytes.lowercased, "").isEmpty)
    }

    @Test func relatedNamesResolveAcrossSpellingsOfOneName() throws {
        let text = """
            ---
            title: T
            ---

            ## Caf\u{E9} Society
            related: cafe\u{301} society, BETA, \u{212A}elvin

            Café.

            ## Beta
            aliases: Β-test

            Beta.

            ## Kelvin

            A unit.
            """
        let parsed = try MarkdownDeckParser.parse(text, file: "t.md")
        #expect(parsed.deck.entries[0].related == [EntryID("beta"), EntryID("kelvin")])
        #expect(DeckLinter.errors(parsed).isEmpty)
    }

    @Test func aDuplicateIDSpelledTwoWaysIsFound() throws {
        let text = """
            ---
            title: T
            ---

            ## One
            id: caf\u{E9}

            First.

            ## Two
            id: cafe\u{301}

            Second.
            """
        let parsed = try MarkdownDeckParser.parse(text, file: "t.md")
        let failure = try #require(DeckLoader.duplicateID(in: parsed))
        #expect("\(failure)".contains("used by two entries (first at line 5)"), "\(failure)")
    }
}
