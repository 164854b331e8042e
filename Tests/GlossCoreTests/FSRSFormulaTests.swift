import Foundation
import Testing

@testable import GlossCore

@Suite struct FSRSFormulaTests {
    let w = LearnerSettings.defaultFSRSParameters

    @Test func upstreamIntervalOracleAtStabilityOne() {
        let retentions = (1...10).map { Double($0) / 10 }
        let intervals = retentions.map {
            FSRS.nextInterval(stability: 1, desiredRetention: $0, maximumInterval: Int.max, w: w)
        }
        // Upstream (fsrs-rs, f32) gives 3_116_766 at 0.1; py-fsrs 6.3.2 (f64), which gloss
        // matches, gives 3_116_769 (raw 3116768.6277). The rest agree exactly.
        #expect(intervals == [3_116_769, 34_793, 2508, 387, 90, 27, 9, 3, 1, 1])
        #expect(abs(Double(intervals[0]) - 3_116_766) / 3_116_766 < 1e-5)
    }

    @Test func maximumIntervalCaps() {
        #expect(FSRS.nextInterval(stability: 1, desiredRetention: 0.1, maximumInterval: 36500, w: w) == 36500)
        #expect(FSRS.nextInterval(stability: 1e300, desiredRetention: 0.9, maximumInterval: 100, w: w) == 100)
    }

    @Test func initialValuesMatchPyFSRS() {
        // py-fsrs 6.3.2: Scheduler()._initial_stability / _initial_difficulty(clamp=True)
        #expect(FSRS.initialStability(.again, w: w) == 0.212)
        #expect(FSRS.initialStability(.easy, w: w) == 8.2956)
        #expect(abs(FSRS.initialDifficulty(.again, w: w) - 6.4133) < 1e-12)
        #expect(abs(FSRS.initialDifficulty(.good, w: w) - 2.1181039) < 1e-6)
        #expect(FSRS.initialDifficulty(.easy, w: w) == 1.0)
    }

    @Test func retrievabilityIsNinetyPercentAtStability() {
        let r = FSRS.retrievability(elapsedDays: 5.0, stability: 5.0, w: w)
        #expect(abs(r - 0.9) < 1e-12)
        #expect(FSRS.retrievability(elapsedDays: 0.0, stability: 5.0, w: w) == 1)
    }

    @Test func difficultyAndStabilityClamps() {
        #expect(FSRS.clampDifficulty(0.2) == 1)
        #expect(FSRS.clampDifficulty(12.0) == 10)
        #expect(FSRS.clampStability(0.0) == 0.001)
        // py-fsrs: _next_difficulty(difficulty=10.0, rating=Again): mean reversion pulls below 10
        #expect(abs(FSRS.nextDifficulty(10.0, rating: .again, w: w) - 9.985228369296838) < 1e-12)
        #expect(FSRS.nextDifficulty(1.0, rating: .easy, w: w) == 1)
    }

    @Test func forgetStabilityTakesShortTermMinimum() {
        let s = FSRS.forgetStability(difficulty: 1.0, stability: 0.5, retrievability: 0.0, w: w)
        let cap = 0.5 / pow(M_E, w[17] * w[18])
        #expect(s <= cap)
    }

    @Test func parametersMigrateFrom19And17() throws {
        let w19 = Array(w.prefix(19))
        let p19 = try FSRSParameters(migrating: w19)
        #expect(p19.values == w19 + [0, 0.5])
        let w17: [Double] = [0.4, 0.6, 2.4, 5.8, 4.93, 0.94, 0.86, 0.01, 1.49, 0.14, 0.94, 2.18, 0.05, 0.34, 1.26, 0.29, 2.61]
        let p17 = try FSRSParameters(migrating: w17)
        #expect(p17.values.count == 21)
        #expect(abs(p17.values[4] - (4.93 + 2 * 0.94)) < 1e-12)
        #expect(abs(p17.values[5] - log(1 + 3 * 0.94) / 3) < 1e-12)
        #expect(abs(p17.values[6] - 1.36) < 1e-12)
        #expect(Array(p17.values.suffix(4)) == [0, 0, 0, 0.5])
        #expect(try FSRSParameters(migrating: []) == FSRSParameters.default)
    }

    @Test func parametersRefuseBadInput() {
        #expect(throws: CoreError.parameters(.wrongCount(5))) { try FSRSParameters([1, 2, 3, 4, 5]) }
        var bad = w
        bad[20] = 0.9
        bad[4] = 0.5
        do {
            _ = try FSRSParameters(bad)
            Issue.record("accepted out-of-bounds parameters")
        } catch {
            #expect(
                error.description == "FSRS parameters out of bounds: w4 = 0.5 (allowed 1.0...10.0); w20 = 0.9 (allowed 0.1...0.8)"
            )
        }
        var nan = w
        nan[3] = .nan
        #expect(throws: CoreError.parameters(.notFinite(index: 3))) { try FSRSParameters(nan) }
    }
}

extension FSRSFormulaTests {
    /// The scheduler's precomputed constants give exactly the generic formulas' numbers.
    @Test func constantsAreBitIdenticalToTheFormulas() {
        let c = FSRSConstants(w: w, desiredRetention: 0.87)
        var rng = SplitMix64(seed: 9)
        for _ in 0..<2000 {
            let s = Double.random(in: 0.001...3000, using: &rng)
            let d = Double.random(in: 1...10, using: &rng)
            let t = Double(Int.random(in: 0...800, using: &rng))
            let rating = Rating(rawValue: Int.random(in: 1...4, using: &rng)) ?? .good
            let r = FSRS.retrievability(elapsedDays: t, stability: s, w: w)
            #expect(c.retrievability(elapsedDays: t, stability: s) == r)
            #expect(c.nextDifficulty(d, rating: rating) == FSRS.nextDifficulty(d, rating: rating, w: w))
            #expect(c.shortTermStability(s, rating: rating) == FSRS.shortTermStability(s, rating: rating, w: w))
            #expect(
                c.nextStability(difficulty: d, stability: s, retrievability: r, rating: rating)
                    == FSRS.nextStability(difficulty: d, stability: s, retrievability: r, rating: rating, w: w))
            #expect(
                c.interval(stability: s, maximum: 36500)
                    == FSRS.nextInterval(stability: s, desiredRetention: 0.87, maximumInterval: 36500, w: w))
        }
    }
}
