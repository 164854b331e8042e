import Foundation
import GlossCore
import Testing

@testable import GlossStore

/// The snapshot's byte-level card key reader agrees with `CardKey(_:)` on every text.
@Suite struct ProgressSnapshotKeyTests {
    static let pieces = [
        "/", "//", "a", "ai-safety", "reward-hacking", "recall", "recognize", "relate", "Recall",
        "é", "e\u{301}", "/\u{301}", "\u{301}", "日本", " ", "-", ".",
    ]

    @Test func cardKeysAgreeWithCardKeyInit() {
        var rng = SplitMix64(seed: 7)
        var parsed = 0
        for _ in 0..<20_000 {
            func pick(_ items: [String]) -> String { items[Int.random(in: 0..<items.count, using: &rng)] }
            func part() -> String { (0..<Int.random(in: 0...2, using: &rng)).map { _ in pick(Self.pieces) }.joined() }
            let separators = ["/", "/", "/", "//", "/\u{301}", ""]
            let facets = ["recall", "recognize", "relate", "Recall", "recall\u{301}", "recall/", ""]
            let text = part() + pick(separators) + part() + pick(separators) + pick(facets)
            let fast = ProgressSnapshot.cardKey(text)
            #expect(fast == CardKey(text), "\(text.debugDescription)")
            if fast != nil { parsed += 1 }
        }
        // Enough texts must be keys, not only refusals.
        #expect(parsed > 500)
    }

    @Test func knownKeys() {
        #expect(
            ProgressSnapshot.cardKey("ai-safety/mesa/recall")
                == CardKey(deck: DeckID("ai-safety"), entry: EntryID("mesa"), facet: .recall))
        #expect(ProgressSnapshot.cardKey("d/é/relate") == CardKey(deck: DeckID("d"), entry: EntryID("é"), facet: .relate))
        #expect(ProgressSnapshot.cardKey("d//recall") == nil)
        #expect(ProgressSnapshot.cardKey("d/e/recall/") == nil)
        #expect(ProgressSnapshot.cardKey("d/e\u{301}/\u{301}recall") == nil)
    }
}
