import Testing

@testable import GlossCore

/// `CardKey(text)` reads ASCII keys from their bytes (digest and `isStorable` included): it
/// must give the key that its parts give.
@Suite struct CardKeyParseTests {
    static let pieces = ["a", "ai-safety", "x", "/", "", "\u{7F}", "\t", "b-c", "1", "recall", "é", "\u{85}"]

    @Test func aKeyReadFromTextIsTheKeyOfItsParts() {
        var rng = SplitMix64(seed: 12)
        func part() -> String {
            (0..<Int.random(in: 0...3, using: &rng)).map { _ in Self.pieces[Int.random(in: 0..<Self.pieces.count, using: &rng)] }
                .joined()
        }
        var parsed = 0
        for _ in 0..<20_000 {
            let facet = Int.random(in: 0..<4, using: &rng) == 0 ? part() : Facet.allCases.randomElement(using: &rng)!.rawValue
            let text = "\(part())/\(part())/\(facet)"
            let parts = text.split(separator: "/", omittingEmptySubsequences: false)
            let expected: CardKey? =
                parts.count == 3 && !parts[0].isEmpty && !parts[1].isEmpty
                ? Facet(rawValue: String(parts[2])).map {
                    CardKey(deck: DeckID(String(parts[0])), entry: EntryID(String(parts[1])), facet: $0)
                } : nil
            let key = CardKey(text)
            #expect(key == expected, "\(text.debugDescription)")
            #expect(key?.isStorable == expected?.isStorable, "\(text.debugDescription)")
            #expect(key?.digest == expected?.digest, "\(text.debugDescription)")
            if key != nil { parsed += 1 }
        }
        #expect(parsed > 2_000)
    }
}
