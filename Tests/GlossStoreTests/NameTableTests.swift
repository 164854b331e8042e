import Foundation
import GlossCore
import Testing

@testable import GlossStore

/// Names found by `NameTable` agree with `String`'s own comparison, which the deck's name
/// tables used before (`[String: …]` keyed by `lowercased()`, `[EntryID: …]`).
@Suite struct NameTableTests {
    /// ASCII, precomposed and decomposed letters, signs canonically equal to ASCII letters
    /// (Kelvin, Ångström), case pairs that lower-case specially, and Kirat Rai (Unicode 16,
    /// where U+16D68 is U+16D67 twice: newer than some NFC tables).
    static let pieces = [
        "a", "A", "Term", "é", "e\u{301}", "E\u{301}", "É", "\u{212A}", "K", "k", "ß", "SS", "ﬁ", "Å", "\u{212B}", "A\u{30A}",
        "日本", " ", "-", "İ", "i\u{307}", "Σ", "σ", "ς", "👍🏽", "x", "\u{16D67}", "\u{16D68}", ";", "\u{37E}",
    ]

    static func name(_ rng: inout SplitMix64) -> String {
        (0..<Int.random(in: 0...3, using: &rng)).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &rng)] }.joined()
    }

    @Test func namesIgnoringCaseMatchWhereLowerCasedStringsAreEqual() {
        var rng = SplitMix64(seed: 5)
        for _ in 0..<20_000 {
            let a = Self.name(&rng), b = Self.name(&rng)
            let table = NameTable<Int>(ignoringCase: true)
            table.keepFirst(a, 1)
            #expect((table.find(b) != nil) == (a.lowercased() == b.lowercased()), "\(a.debugDescription) \(b.debugDescription)")
            #expect(table.keepFirst(b, 2).isNew == (a.lowercased() != b.lowercased()))
        }
    }

    @Test func namesMatchExactlyWhereStringsAreEqual() {
        var rng = SplitMix64(seed: 6)
        for _ in 0..<20_000 {
            let a = Self.name(&rng), b = Self.name(&rng)
            let table = NameTable<Int>(ignoringCase: false)
            table.keepFirst(a, 1)
            #expect((table.find(b) != nil) == (a == b), "\(a.debugDescription) \(b.debugDescription)")
        }
    }

    /// The scalars `asciiEquivalent` maps are every scalar whose canonical decomposition is
    /// ASCII alone (by Swift's own `==`, over every scalar of the Basic Multilingual Plane and
    /// the rest), and it maps each to that ASCII.
    @Test func onlyThreeScalarsAreCanonicallyASCII() {
        // A set of strings hashes them canonically: a scalar equal to an ASCII character is found.
        let ascii = Set((0..<0x80).compactMap { Unicode.Scalar($0).map { String(Character($0)) } })
        var found: [UInt32] = []
        for value in UInt32(0x80)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            // A decomposition to one ASCII scalar is the only way: ASCII never composes.
            if ascii.contains(String(Character(scalar))) { found.append(value) }
        }
        #expect(found == [0x037E, 0x1FEF, 0x212A])
        for value in found {
            let text = String(Character(Unicode.Scalar(value)!))
            #expect(NameTable<Int>.asciiEquivalent(text).map { String(decoding: $0, as: UTF8.self) } == text)
        }
    }

    @Test func theFirstValueIsKept() {
        let table = NameTable<Int>(ignoringCase: true)
        #expect(table.keepFirst("Mesa-Optimization", 1) == (1, true))
        #expect(table.keepFirst("MESA-optimization", 2) == (1, false))
        #expect(table.find("mesa-optimization") == 1)
        #expect(table.keepFirst("\u{212A}elvin", 3) == (3, true))
        #expect(table.find("kelvin") == 3)
        #expect(table.keepFirst("\u{16D68}", 4) == (4, true))
        #expect(table.find("\u{16D67}\u{16D67}") == 4)
        #expect(table.find("") == nil)
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

    @Test(arguments: [("caf\u{E9}", "cafe\u{301}"), ("\u{16D68}", "\u{16D67}\u{16D67}")])
    func aDuplicateIDSpelledTwoWaysIsFound(first: String, second: String) throws {
        let text = """
            ---
            title: T
            ---

            ## One
            id: \(first)

            First.

            ## Two
            id: \(second)

            Second.
            """
        let parsed = try MarkdownDeckParser.parse(text, file: "t.md")
        let failure = try #require(DeckLoader.duplicateID(in: parsed))
        #expect("\(failure)".contains("used by two entries (first at line 5)"), "\(failure)")
    }
}
