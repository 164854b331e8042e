import Foundation
import GlossCore
import Testing

@testable import GlossStore

/// The importers' hand-written text passes (which replaced Foundation regular expressions,
/// `trimmingCharacters` and `replacingOccurrences` for speed) against the Foundation calls
/// they replaced, on random text made of the characters that matter to each.
@Suite struct ImportNativeTextTests {
    /// Random strings over `alphabet`, the same every run.
    func samples(_ alphabet: [String], count: Int = 3000, seed: UInt64) -> [String] {
        var random = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            let length = Int.random(in: 0...24, using: &random)
            return (0..<length).map { _ in alphabet.randomElement(using: &random) ?? "" }.joined()
        }
    }

    static let htmlAlphabet = [
        "<", ">", "/", "b", "B", "r", "R", "d", "i", "I", "v", "p", "P", "l", "L", " ", "\t", "\n", "\u{2003}",
        "\u{85}", "{", "}", "c", "C", "1", "7", "\u{663}", ":", "\u{2028}", "&", ";", "amp", "#233", "x", "é", "e\u{301}",
        "\u{200B}", "<br>", "</p>", "{{c1::", "::", "}}",
    ]

    @Test func plainMatchesTheRegularExpressionsItReplaced() {
        for html in samples(Self.htmlAlphabet, seed: 11) {
            var old = html.replacingOccurrences(of: "\\{\\{c\\d+::(.*?)(::[^}]*)?\\}\\}", with: "$1", options: .regularExpression)
            old = old.replacingOccurrences(of: "<br\\s*/?>", with: "\n", options: [.regularExpression, .caseInsensitive])
            old = old.replacingOccurrences(of: "</(div|p|li)>", with: "\n", options: [.regularExpression, .caseInsensitive])
            old = old.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
            old = HTMLText.decodeEntities(old).split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: "\n")
                .trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(HTMLText.plain(html) == old, "\(html.debugDescription)")
        }
    }

    @Test func stripClozeMatchesTheRegularExpressionItReplaced() {
        for text in samples(Self.htmlAlphabet, seed: 12) {
            let old = text.replacingOccurrences(of: "\\{\\{c\\d+::(.*?)(::[^}]*)?\\}\\}", with: "$1", options: .regularExpression)
            #expect(HTMLText.stripCloze(text) == old, "\(text.debugDescription)")
        }
        #expect(HTMLText.stripCloze("{{c1::Paris::capital}} and {{c12::Rome}}") == "Paris and Rome")
    }

    static let spaceAlphabet = [
        " ", "\t", "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "\u{2003}", "\u{200B}", "\u{2028}", "\u{3000}",
        "\u{301}", "a", "é", ",", ";", "\r\n",
    ]

    @Test func trimmingMatchesFoundation() {
        for text in samples(Self.spaceAlphabet, seed: 13) {
            #expect(text.trimmedWhitespace == text.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
            #expect(
                text.trimmedWhitespaceAndNewlines == text.trimmingCharacters(in: .whitespacesAndNewlines),
                "\(text.debugDescription)")
        }
    }

    /// Except for a CR followed by a combining mark, which Foundation's search took for one
    /// composed character and left alone; now every CR ends a line.
    @Test func lineEndsAndOneLineMatchTheOldCode() {
        for text in samples(Self.spaceAlphabet, seed: 14) where !text.unicodeScalars.contains("\r") || !text.contains("\u{301}") {
            var old = text
            if old.hasPrefix("\u{FEFF}") { old.removeFirst() }
            old = old.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            #expect(ImportText.normalized(text) == old, "\(text.debugDescription)")
            #expect(ImportText.oneLine(text) == text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " "))
        }
        #expect(ImportText.normalized("\u{FEFF}a\r\nb\rc\n") == "a\nb\nc\n")
        #expect(ImportText.normalized("a\r\u{301}b") == "a\n\u{301}b")
        #expect(ImportText.oneLine("plain words") == "plain words")
    }

    @Test func pageChromeSearchMatchesContains() {
        let alphabet = ["no", " ", "spam", "n", "o", "s", "é", "explore the data", "x"]
        for text in samples(alphabet, seed: 15) {
            #expect(GlossaryPageImporter.contains(text, "no spam") == text.contains("no spam"), "\(text.debugDescription)")
        }
    }
}
