import Foundation
import PropertyBased
import Testing

@testable import GlossCore

@Suite struct SM2PropertyTests {
    let t0 = Date(timeIntervalSince1970: 1_700_000_000)

    @Test func intervalsGrowWithTheRatingAndEaseStaysAboveFloor() async {
        await propertyCheck(
            count: 300, input: Gen.int(in: 1...3000), Gen.double(in: 1.3...4), Gen.double(in: -5...400),
            Gen.int(in: 0...1)
        ) { ivl, ease, elapsed, fuzz in
            let sm2 = SM2Scheduler(fuzz: fuzz == 1)
            let state = CardState(
                phase: .review, due: t0 + Double(ivl) * 86_400, lastReview: t0, reps: 5, ease: ease,
                intervalDays: Double(ivl))
            let now = t0 + (Double(ivl) + elapsed) * 86_400
            let after = Rating.allCases.map { sm2.review(state, rating: $0, at: now, fuzzSeed: 3) }
            let intervals = after.map { ($0.due ?? now).timeIntervalSince(now) }
            #expect(intervals == intervals.sorted(), "ivl \(ivl) ease \(ease) late \(elapsed): \(intervals)")
            #expect(intervals.allSatisfy { $0 > 0 })
            #expect(after.allSatisfy { ($0.ease ?? 0) >= 1.3 && ($0.intervalDays ?? 0) <= 36500 })
        }
    }
}
