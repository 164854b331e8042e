import Foundation
import GlossCore
import Testing

@testable import GlossStore

/// The byte-level fast paths of the Markdown deck parser agree with the `Character`-based
/// parser they replaced (`ReferenceMarkdownDeckParser`) on every deck, tricky text included.
@Suite struct MarkdownFastPathTests {
    /// Pieces that sit on the edges of the fast paths: ASCII and Unicode spaces, combining
    /// marks and prepended scalars next to `#`, `:`, `,` and spaces, line ends, list items.
    static let pieces = [
        "a", "Term", "x-y", "naïve", "日本", "—", "é", "e\u{301}", " ", "  ", "\t", "\u{A0}", "\u{3000}", "\u{2003}",
        "\u{301}", "\u{600}", "\u{200D}", "👍🏽", "🇫🇷", "#", "##", "## ", "# ", ":", ": ", ",", ", ", "-", "- ", "1. ",
        "2) ", "id", "ID", "aliases", "Tags", "related", "key", "<!--", "---", "\u{85}", "\u{2028}", "\u{B}", "\"",
    ]
    static let lineEnds = ["\n", "\r\n", "\r", "\n\n"]

    static func pick<T>(_ items: [T], _ rng: inout SplitMix64) -> T { items[Int.random(in: 0..<items.count, using: &rng)] }

    static func fragment(_ rng: inout SplitMix64, upTo count: Int = 6) -> String {
        (0..<Int.random(in: 0...count, using: &rng)).map { _ in pick(pieces, &rng) }.joined()
    }

    /// A deck that is mostly well formed (so that entries get parsed) with tricky text in every slot.
    static func deck(_ rng: inout SplitMix64) -> String {
        var lines: [String] = []
        if Int.random(in: 0..<10, using: &rng) > 0 {
            lines += [pick(["---", " ---\t", "---\u{301}"], &rng), "title: " + fragment(&rng) + "T", "---"]
        }
        for _ in 0..<Int.random(in: 0...8, using: &rng) {
            lines.append(
                pick(["## ", "##", "## \t", "##\u{301} ", "# ", " ## "], &rng) + fragment(&rng) + pick(["", "A", " "], &rng))
            for _ in 0..<Int.random(in: 0...4, using: &rng) {
                let key = pick(
                    ["id", "aliases", "tags", "related", "Related", "TAGS", "x-key", "k\u{301}", "", fragment(&rng, upTo: 2)],
                    &rng)
                let separator = pick([": ", ":", ":\u{301}", " : ", ":\t"], &rng)
                let names = (0..<Int.random(in: 0...4, using: &rng)).map { _ in fragment(&rng, upTo: 3) }
                lines.append(
                    pick(["", " ", "\t"], &rng) + key + separator
                        + names.joined(separator: pick([",", ", ", ",\u{301}", " ,"], &rng)))
            }
            for _ in 0..<Int.random(in: 0...5, using: &rng) {
                lines.append(
                    pick(["", "", " ", "\u{A0}"], &rng) + fragment(&rng, upTo: 8) + pick(["", " ", "\t", "\u{3000}"], &rng))
            }
        }
        var text = Int.random(in: 0..<10, using: &rng) == 0 ? "\u{FEFF}" : ""
        for line in lines { text += line + pick(lineEnds, &rng) }
        return text
    }

    static func outcome(_ parse: (String, String) throws(StoreError) -> ParsedDeck, _ text: String) -> Result<
        ParsedDeck, StoreError
    > {
        do { return .success(try parse(text, "d.md")) } catch { return .failure(error) }
    }

    @Test func fastTrimAgreesWithTheCharacterWalk() {
        var rng = SplitMix64(seed: 10)
        for _ in 0..<20_000 {
            let text = Self.fragment(&rng, upTo: 8)
            #expect(text.trimmedSpaces == text.referenceTrimmed, "\(text.unicodeScalars.map(\.value))")
            #expect(Substring(text).dropFirst().trimmedSpaces == text.dropFirst().referenceTrimmed)
        }
    }

    @Test func knownTrimEdges() {
        #expect(" \u{301}x \t".trimmedSpaces == "x")
        #expect("x \u{301}".trimmedSpaces == "x")
        #expect("\u{600} a ".trimmedSpaces == "\u{600} a")
        #expect("\u{3000}a\u{A0}".trimmedSpaces == "a")
        #expect(" \t ".trimmedSpaces == "")
        #expect("a\r\n ".trimmedSpaces == "a\r\n")
    }

    @Test func fastParserAgreesWithTheReferenceOnRandomDecks() {
        var rng = SplitMix64(seed: 2026)
        var parsedEntries = 0
        for _ in 0..<3_000 {
            let text = Self.deck(&rng)
            let fast = Self.outcome(MarkdownDeckParser.parse, text)
            let reference = Self.outcome(ReferenceMarkdownDeckParser.parse, text)
            #expect(fast == reference, "\(text.debugDescription)")
            if case .success(let parsed) = fast { parsedEntries += parsed.deck.entries.count }
        }
        // The decks must reach the entry parser, not only fail in the front matter.
        #expect(parsedEntries > 1_000)
    }

    @Test func fastParserAgreesOnTheFixtureDecks() throws {
        let folder = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        let files = (FileManager.default.enumerator(atPath: folder.path)?.allObjects ?? [])
            .compactMap { $0 as? String }.filter { $0.hasSuffix(".md") }
        #expect(!files.isEmpty)
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            #expect(
                Self.outcome(MarkdownDeckParser.parse, text) == Self.outcome(ReferenceMarkdownDeckParser.parse, text), "\(file)")
        }
    }
}
