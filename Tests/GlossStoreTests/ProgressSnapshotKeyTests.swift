import Foundation
import GlossCore
import Testing

@testable import GlossStore

/// `CardKey(_:)`'s byte-level reading of ASCII keys agrees with a split by `Character`s on every text.
@Suite struct ProgressSnapshotKeyTests {
    static let pieces = [
        "/", "//", "a", "ai-safety", "reward-hacking", "recall", "recognize", "relate", "Recall",
        "é", "e\u{301}", "/\u{301}", "\u{301}", "日本", " ", "-", ".",
    ]

    /// The key `text` names, split by `Character`s: what `CardKey(_:)` did before its byte path.
    static func splitByCharacters(_ text: String) -> CardKey? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, !parts[1].isEmpty, let facet = Facet(rawValue: String(parts[2])) else {
            return nil
        }
        return CardKey(deck: DeckID(String(parts[0])), entry: EntryID(String(parts[1])), facet: facet)
    }

    @Test func cardKeysAgreeWithASplitByCharacters() {
        var rng = SplitMix64(seed: 7)
        var parsed = 0
        for _ in 0..<20_000 {
            func pick(_ items: [String]) -> String { items[Int.random(in: 0..<items.count, using: &rng)] }
            func part() -> String { (0..<Int.random(in: 0...2, using: &rng)).map { _ in pick(Self.pieces) }.joined() }
            let separators = ["/", "/", "/", "//", "/\u{301}", ""]
            let facets = ["recall", "recognize", "relate", "Recall", "recall\u{301}", "recall/", ""]
            let text = part() + pick(separators) + part() + pick(separators) + pick(facets)
            let fast = CardKey(text)
            #expect(fast == Self.splitByCharacters(text), "\(text.debugDescription)")
            if fast != nil { parsed += 1 }
        }
        // Enough texts must be keys, not only refusals.
        #expect(parsed > 500)
    }

    @Test func knownKeys() {
        #expect(
            CardKey("ai-safety/mesa/recall")
                == CardKey(deck: DeckID("ai-safety"), entry: EntryID("mesa"), facet: .recall))
        #expect(CardKey("d/é/relate") == CardKey(deck: DeckID("d"), entry: EntryID("é"), facet: .relate))
        #expect(CardKey("d//recall") == nil)
        #expect(CardKey("d/e/recall/") == nil)
        #expect(CardKey("d/e\u{301}/\u{301}recall") == nil)
    }
}
