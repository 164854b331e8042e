import Foundation
import PropertyBased
import Testing

@testable import GlossCore

@Suite struct FSRSPropertyTests {
    let w = LearnerSettings.defaultFSRSParameters
    let t0 = Date(timeIntervalSince1970: 1_700_000_000)

    @Test func intervalsGrowWithTheRating() async {
        await propertyCheck(
            count: 300, input: Gen.double(in: 0.001...5000), Gen.double(in: 1...10), Gen.double(in: 0...400),
            Gen.double(in: 0.70...0.99), Gen.int(in: 0...1)
        ) { stability, difficulty, elapsedDays, retention, steps in
            let fsrs = FSRSScheduler(
                desiredRetention: retention, learningSteps: steps == 1 ? [60, 600] : [],
                relearningSteps: steps == 1 ? [600] : [])
            let state = CardState(
                phase: .review, stability: stability, difficulty: difficulty, due: t0, lastReview: t0, reps: 4)
            let now = t0 + elapsedDays * 86_400
            let intervals = Rating.allCases.map { rating in
                (fsrs.review(state, rating: rating, at: now, fuzzSeed: 0).due ?? now).timeIntervalSince(now)
            }
            #expect(intervals == intervals.sorted(), "S=\(stability) D=\(difficulty) t=\(elapsedDays): \(intervals)")
            #expect(intervals.allSatisfy { $0 > 0 })
        }
    }

    @Test func retrievabilityIsOneAtZeroAndFalls() async {
        await propertyCheck(
            count: 300, input: Gen.double(in: 0.001...36500), Gen.double(in: 0...10000), Gen.double(in: 0.1...0.8)
        ) { stability, t, decay in
            var params = w
            params[20] = decay
            let r0 = FSRS.retrievability(elapsedDays: 0.0, stability: stability, w: params)
            let r1 = FSRS.retrievability(elapsedDays: t, stability: stability, w: params)
            let r2 = FSRS.retrievability(elapsedDays: t + 1, stability: stability, w: params)
            #expect(r0 == 1)
            #expect(r1 <= r0 && r2 < r1 || r1 == 0)
            #expect((0...1).contains(r1) && (0...1).contains(r2))
        }
    }

    @Test func memoryStaysInBounds() async {
        let ratings = Gen.int(in: 1...4).array(of: 1...30)
        let gaps = Gen.double(in: -2...200).array(of: 30...30)
        await propertyCheck(count: 200, input: ratings, gaps) { ratings, gaps in
            let fsrs = FSRSScheduler(fuzz: true)
            var s = CardState.new
            var t = t0
            for (i, raw) in ratings.enumerated() {
                s = fsrs.review(s, rating: Rating(rawValue: raw) ?? .good, at: t, fuzzSeed: UInt64(i))
                #expect((s.stability ?? 0) >= FSRS.stabilityMin)
                #expect((1...10).contains(s.difficulty ?? 0))
                #expect((s.due ?? .distantPast) > t)
                t += gaps[i] * 86_400
            }
        }
    }
}
