import Foundation
import Testing

@testable import GlossCore

/// Hand-computed examples of Anki's legacy (v2) SM-2, default options (steps 1 m 10 m,
/// graduating 1 d, easy 4 d, ease 2.5, hard ×1.2, easy bonus 1.3, new interval 0 %, fuzz off).
@Suite struct SM2Tests {
    let sm2 = SM2Scheduler()
    let t0 = Date(timeIntervalSince1970: 1_700_000_000)
    let day = 86_400.0

    func graduated() -> CardState {
        var s = sm2.review(.new, rating: .good, at: t0, fuzzSeed: 0)
        s = sm2.review(s, rating: .good, at: t0 + 600, fuzzSeed: 0)
        return s
    }

    @Test func learningStepsThenGraduate() {
        let first = sm2.review(.new, rating: .good, at: t0, fuzzSeed: 0)
        #expect(first.phase == .learning && first.step == 1 && first.due == t0 + 600)
        let s = graduated()
        #expect(s.phase == .review && s.intervalDays == 1 && s.ease == 2.5)
        #expect(s.due == t0 + 600 + day)
        let easy = sm2.review(.new, rating: .easy, at: t0, fuzzSeed: 0)
        #expect(easy.intervalDays == 4 && easy.ease == 2.5)
    }

    @Test func reviewIntervalsFromOneDay() {
        // ivl 1, ease 2.5, on time: hard max(1, 1+1) = 2; good max(int(2.5), 3) = 3; easy max(int(3.25), 4) = 4.
        let s = graduated()
        let at = s.due ?? t0
        let hard = sm2.review(s, rating: .hard, at: at, fuzzSeed: 0)
        let good = sm2.review(s, rating: .good, at: at, fuzzSeed: 0)
        let easy = sm2.review(s, rating: .easy, at: at, fuzzSeed: 0)
        #expect([hard, good, easy].map(\.intervalDays) == [2, 3, 4])
        #expect(hard.ease == 2.35 && good.ease == 2.5 && easy.ease == 2.65)
    }

    @Test func reviewIntervalsFromThreeDaysAndLate() {
        // ivl 3, ease 2.5, on time: hard int(3.6)=3 → 4; good int(7.5) = 7; easy int(9.75) = 9.
        #expect(sm2.reviewInterval(ivl: 3, ease: 2.5, late: 0, rating: .hard, seed: 0) == 4)
        #expect(sm2.reviewInterval(ivl: 3, ease: 2.5, late: 0, rating: .good, seed: 0) == 7)
        #expect(sm2.reviewInterval(ivl: 3, ease: 2.5, late: 0, rating: .easy, seed: 0) == 9)
        // ivl 10, ease 2.5, 4 days late: good int((10 + 2)·2.5) = 30; easy int(14·2.5·1.3) = 45.
        #expect(sm2.reviewInterval(ivl: 10, ease: 2.5, late: 4, rating: .good, seed: 0) == 30)
        #expect(sm2.reviewInterval(ivl: 10, ease: 2.5, late: 4, rating: .easy, seed: 0) == 45)
        // ivl 100, ease 1.3: hard int(120) = 120; good int(130) = 130; easy int(169) = 169.
        #expect(sm2.reviewInterval(ivl: 100, ease: 1.3, late: 0, rating: .good, seed: 0) == 130)
        #expect(sm2.reviewInterval(ivl: 100, ease: 1.3, late: 0, rating: .easy, seed: 0) == 169)
    }

    @Test func lapseAndEaseFloor() {
        var s = graduated()
        s.ease = 1.4
        s.intervalDays = 20
        let lapsed = sm2.review(s, rating: .again, at: s.due ?? t0, fuzzSeed: 0)
        #expect(lapsed.phase == .relearning && lapsed.lapses == 1 && lapsed.intervalDays == 1)
        #expect(lapsed.ease == 1.3)  // max(1.3, 1.4 − 0.2)
        #expect(lapsed.due == (s.due ?? t0) + 600)
        let back = sm2.review(lapsed, rating: .good, at: (s.due ?? t0) + 600, fuzzSeed: 0)
        #expect(back.phase == .review && back.intervalDays == 1)
        let hardAtFloor = sm2.review(back, rating: .hard, at: back.due ?? t0, fuzzSeed: 0)
        #expect(hardAtFloor.ease == 1.3)
    }

    @Test func maximumIntervalAndFuzzRange() {
        let capped = SM2Scheduler(maximumInterval: 50)
        #expect(capped.reviewInterval(ivl: 40, ease: 2.5, late: 0, rating: .good, seed: 0) == 50)
        let fuzzy = SM2Scheduler(fuzz: true)
        let draws = (0..<300).map { fuzzy.fuzzed(100, seed: UInt64($0)) }  // fuzz max(4, 5) = 5
        #expect(draws.min() == 95 && draws.max() == 105)
        #expect(fuzzy.fuzzed(100, seed: 7) == fuzzy.fuzzed(100, seed: 7))
    }
}

extension SM2Tests {
    @Test func settingsSelectTheAlgorithm() throws {
        var settings = LearnerSettings()
        #expect(try settings.makeScheduler() is FSRSScheduler)
        settings.algorithm = .sm2
        #expect(try settings.makeScheduler() is SM2Scheduler)
        settings.learningSteps = [60, -1]
        #expect(throws: CoreError.settings(.invalid(.learningSteps, value: "1m -1s"))) { try settings.makeScheduler() }
        settings = LearnerSettings()
        settings.rolloverHour = 24
        #expect(throws: CoreError.settings(.invalid(.rolloverHour, value: "24"))) { try settings.validate() }
    }
}
