import Foundation
import GlossCore
import Testing

/// GlossCore throws one error type: a settings, a parameter, an optimizer and a question
/// problem all arrive as `CoreError`, caught as `any Error` as the CLI catches them, with their
/// messages as before.
@Suite struct CoreErrorTests {
    @Test func everyConcernThrowsCoreErrorWithItsMessage() {
        var settings = LearnerSettings()
        let history = OptimizerTests.synthetic(reviews: 200, seed: 1)
        let cases: [(error: (any Error)?, expected: CoreError, message: String)] = [
            (
                #expect(throws: (any Error).self) { try Setting.retention.apply("0.5", to: &settings) },
                .settings(.invalid(.retention, value: "0.5")),
                "'0.5' is not a valid retention: expected desired retention, 0.70–0.99 (FSRS); 95 or 95% reads as 0.95"
            ),
            (
                #expect(throws: (any Error).self) { _ = try EasyDays(parsing: "sat=0.5,someday=0") },
                .settings(.invalid(.easyDays, value: "someday=0")),
                "'someday=0' is not a valid easy-days: expected per weekday, the share of the normal load, "
                    + "mon…sun=0–1 separated by commas (e.g. sat=0.5,sun=0), or 'none'"
            ),
            (
                #expect(throws: (any Error).self) { _ = try FSRSParameters([1, 2, 3]) },
                .parameters(.wrongCount(3)),
                "FSRS parameters: expected 21 numbers (or 17/19 from older FSRS), got 3"
            ),
            (
                #expect(throws: (any Error).self) { _ = try Optimizer().fit(history) },
                .optimizer(.notEnoughData(items: history.items.count, reviews: 200, needed: 400)),
                "not enough review history to optimize: 200 reviews give \(history.items.count) answers a day or "
                    + "more after the previous one, and at least 400 are needed; keeping the current parameters"
            ),
            (
                #expect(throws: (any Error).self) {
                    let deck = Deck(id: "t", title: "T", entries: [Entry(id: "a", term: "A", definition: "x")])
                    var rng = SplitMix64(seed: 1)
                    _ = try QuestionGenerator(index: QuestionIndex(deck: deck))
                        .question(for: CardKey(deck: "t", entry: "a", facet: .recognize), format: .choiceTerm, using: &rng)
                },
                .question(.deckTooSmall(deck: "t", entries: 1, format: .choiceTerm, needs: 2)),
                "deck 't' has 1 entries; a choice-term question needs at least 2"
            ),
        ]
        for (error, expected, message) in cases {
            let core = error as? CoreError
            #expect(core == expected)
            #expect(error.map { String(describing: $0) } == message)
        }
    }

    /// A settings file's bad parameters are refused by `validate()` as a parameter problem,
    /// the same case `FSRSParameters` throws.
    @Test func validateThrowsTheParametersOwnCase() {
        var settings = LearnerSettings()
        settings.fsrsParameters = Array(repeating: 1, count: 5)
        #expect(throws: CoreError.parameters(.wrongCount(5))) { try settings.validate() }
    }
}
