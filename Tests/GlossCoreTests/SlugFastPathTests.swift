import Foundation
import Testing

@testable import GlossCore

/// `slug`'s ASCII path must give what Foundation's folding gives.
@Suite struct SlugFastPathTests {
    @Test func asciiPathAgreesWithFoldingOnRandomText() {
        var rng = SplitMix64(seed: 3)
        let alphabet = Array("aZ09 -_()/.,'&+AbcXYz\t!?:;\"é").map(String.init)
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0...24, using: &rng)).map { _ in
                alphabet[Int.random(in: 0..<alphabet.count, using: &rng)]
            }.joined()
            #expect(slug(text) == foldedSlug(text), "\(text)")
        }
        #expect(slug("Artificial General Intelligence (AGI)") == "artificial-general-intelligence-agi")
        #expect(slug("  --Mesa-Optimization--  ") == "mesa-optimization")
        #expect(slug("Naïve Bayes") == "naive-bayes")
    }
}
