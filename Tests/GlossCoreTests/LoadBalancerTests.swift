import Foundation
import Testing

@testable import GlossCore

/// The load balancer and easy days on small literal schedules (weights worked by hand:
/// a day of `d` days with `c` reviews due weighs 1 / ((c² + 1) · d)).
@Suite struct LoadBalancerTests {
    let clock = DayClock(timeZone: TimeZone(identifier: "UTC") ?? .current, rolloverHour: 4)
    /// A Wednesday.
    let now = ISOTime.parse("2024-05-01T12:00:00Z") ?? Date(timeIntervalSince1970: 0)
    let fsrs = FSRSScheduler(fuzz: true, dayClock: DayClock(timeZone: TimeZone(identifier: "UTC") ?? .current))

    func key(_ entry: String) -> CardKey { CardKey(deck: DeckID("d"), entry: EntryID(entry), facet: .recall) }

    /// A review card of stability `stability` answered `now`, due in `days`.
    func answered(stability: Double, dueIn days: Int) -> CardState {
        CardState(
            phase: .review, stability: stability, difficulty: 5, due: now + Double(days) * 86_400, lastReview: now, reps: 4)
    }

    let before = CardState(phase: .review, stability: 4, difficulty: 5, reps: 3)

    /// `count` reviews due on each of the days `now + days`.
    func load(_ days: [Int: Int]) -> DueLoad {
        var load = DueLoad()
        for (day, count) in days {
            for _ in 0..<count { load.add(answered(stability: 1, dueIn: day), clock: clock) }
        }
        return load
    }

    @Test func theDrawOfASeedIsPinned() {
        // SplitMix64's first output for the seed, as a double in [0, 1).
        #expect(abs(FuzzSeed.unit(1) - 0.566562) < 1e-6)
        #expect(abs(FuzzSeed.unit(3) - 0.113450) < 1e-6)
    }

    @Test func aSeedPicksTheWeightedDay() {
        // Days 4…8 with 9, 2, 7, 0, 5 due: weights 0.003049, 0.04, 0.003333, 0.142857, 0.004808
        // (total 0.194047; cumulative 0.003049, 0.043049, 0.046382, 0.189239).
        let counts = [9, 2, 7, 0, 5]
        // Seed 1: 0.566562 × 0.194047 = 0.1099 → the empty day 7.
        #expect(LoadBalancer.pick(range: 4...8, counts: counts, shares: [], seed: 1) == 7)
        // Seed 3: 0.113450 × 0.194047 = 0.0220 → day 5 (2 due).
        #expect(LoadBalancer.pick(range: 4...8, counts: counts, shares: [], seed: 3) == 5)
        #expect(LoadBalancer.pick(range: 4...8, counts: counts, shares: [], seed: 3) == 5)
    }

    @Test func aShareOfZeroIsAvoidedAndAllZeroIsPlainBalancing() {
        let counts = [9, 2, 7, 0, 5]
        // Day 7 (the empty one) gets share 0: weights 0.003049, 0.04, 0.003333, 0, 0.004808;
        // seed 1: 0.566562 × 0.05119 = 0.0290 → day 5.
        #expect(LoadBalancer.pick(range: 4...8, counts: counts, shares: [1, 1, 1, 0, 1], seed: 1) == 5)
        for seed in UInt64(0)..<300 {
            #expect(LoadBalancer.pick(range: 4...8, counts: counts, shares: [1, 1, 1, 0, 1], seed: seed) != 7)
            #expect(
                LoadBalancer.pick(range: 4...8, counts: counts, shares: [0, 0, 0, 0, 0], seed: seed)
                    == LoadBalancer.pick(range: 4...8, counts: counts, shares: [], seed: seed))
        }
        // A half share weighs as twice as full: day 5 (2 due) at 0.5 is 0.5 / (17 · 5) = 0.00588.
        #expect(LoadBalancer.pick(range: 4...8, counts: counts, shares: [1, 0.5, 1, 1, 1], seed: 3) == 7)
    }

    @Test func thePickIsNeverOutsideTheRange() {
        var rng = SplitMix64(seed: 5)
        for seed in UInt64(0)..<500 {
            let lower = Int.random(in: 2...60, using: &rng)
            let range = lower...(lower + Int.random(in: 0...8, using: &rng))
            let counts = range.map { _ in Int.random(in: 0...40, using: &rng) }
            let shares = range.map { _ in [0, 0.5, 1][Int.random(in: 0...2, using: &rng)] }
            #expect(range.contains(LoadBalancer.pick(range: range, counts: counts, shares: shares, seed: seed)))
        }
    }

    @Test func fuzzRangesHoldEveryFuzzedInterval() {
        // py-fsrs for 10 days: delta 1 + 0.15 · 4.5 + 0.1 · 3 = 1.975, min round(8.025) = 8,
        // max round(11.975) = 12, and 13 reached by rounding the draw.
        #expect(fsrs.fuzzRange(days: 10) == 8...13)
        #expect(fsrs.fuzzRange(days: 2) == 2...2)
        #expect(FSRSScheduler(fuzz: false).fuzzRange(days: 10) == 10...10)
        let sm2 = SM2Scheduler(fuzz: true)
        #expect(sm2.fuzzRange(days: 10) == 8...12)
        #expect(SM2Scheduler().fuzzRange(days: 10) == 10...10)
        for days in 1...120 {
            let fsrsDraws = Set((0..<400).map { fsrs.fuzzedDays(days, seed: UInt64($0)) })
            #expect(fsrsDraws.isSubset(of: Set(fsrs.fuzzRange(days: days))), "FSRS \(days)")
            #expect(fsrsDraws.count == fsrs.fuzzRange(days: days).count, "FSRS \(days): every day reachable")
            let sm2Draws = Set((0..<400).map { sm2.fuzzed(days, seed: UInt64($0)) })
            #expect(sm2Draws == Set(sm2.fuzzRange(days: days)), "SM-2 \(days)")
        }
    }

    @Test func balancedFSRSReviewGoesToTheEmptyDayOfItsRange() throws {
        #expect(fsrs.interval(stability: 10) == 10)
        let after = answered(stability: 10, dueIn: fsrs.fuzzedDays(10, seed: 9))
        let fuzz = try #require(fsrs.fuzz(reviewing: before, after: after, rating: .good, at: now, fuzzSeed: 9))
        #expect(fuzz == ReviewFuzz(days: 10, range: 8...13))
        // 50 due on every day of 8…13 but day 9: day 9 weighs 1/9, each other 1/(2501 d).
        let heavy = load([8: 50, 10: 50, 11: 50, 12: 50, 13: 50])
        var settings = LearnerSettings()
        let balanced = LoadBalancer.balanced(
            after, before: before, rating: .good, card: key("a"), at: now, scheduler: fsrs, load: heavy,
            settings: settings, clock: clock)
        #expect(balanced.due == now + 9 * 86_400)
        #expect(balanced.stability == after.stability)
        settings.loadBalance = false
        #expect(
            LoadBalancer.balanced(
                after, before: before, rating: .good, card: key("a"), at: now, scheduler: fsrs, load: heavy,
                settings: settings, clock: clock) == after)
    }

    @Test func aCappedIntervalStaysAtOrUnderItsCap() {
        // Stability 40 asks for 40 days; the study step capped it at 14 (grading capped).
        let capped = answered(stability: 40, dueIn: 14)
        #expect(fsrs.fuzzRange(days: 14) == 12...17)
        let settings = LearnerSettings()
        for n in 0..<200 {
            let days = LoadBalancer.interval(
                for: capped, before: before, rating: .good, card: key("c\(n)"), at: now, scheduler: fsrs,
                load: load([13: 30, 14: 30]), settings: settings, clock: clock)
            #expect(days.map { (12...14).contains($0) } == true)
            #expect(days == 12, "the empty day 12 outweighs 13 and 14 901 times")
        }
    }

    @Test func longIntervalsAndUnfuzzedReviewsKeepTheirDay() {
        let settings = LearnerSettings()
        let long = answered(stability: 200, dueIn: fsrs.interval(stability: 200))
        #expect(
            LoadBalancer.interval(
                for: long, before: before, rating: .good, card: key("a"), at: now, scheduler: fsrs, load: DueLoad(),
                settings: settings, clock: clock) == nil)
        let learning = CardState(phase: .learning, step: 1, stability: 3, difficulty: 5, due: now + 600, lastReview: now)
        #expect(
            LoadBalancer.interval(
                for: learning, before: .new, rating: .good, card: key("a"), at: now, scheduler: fsrs, load: DueLoad(),
                settings: settings, clock: clock) == nil)
    }

    @Test func sm2BalancesWithinItsConstrainedRange() throws {
        let sm2 = SM2Scheduler(fuzz: true)
        let state = CardState(
            phase: .review, due: now, lastReview: now - 10 * 86_400, reps: 5, ease: 2.5, intervalDays: 10)
        let after = sm2.review(state, rating: .good, at: now, card: key("s"))
        let seed = FuzzSeed.of(key("s").description, reviews: state.reps)
        // Good: (10 + 0) × 2.5 = 25 days, fuzz ±3 (Anki v2: max(2, 25 × 0.15) truncated).
        let fuzz = try #require(sm2.fuzz(reviewing: state, after: after, rating: .good, at: now, fuzzSeed: seed))
        #expect(fuzz == ReviewFuzz(days: 25, range: 22...28))
        let balanced = LoadBalancer.balanced(
            after, before: state, rating: .good, card: key("s"), at: now, scheduler: sm2,
            load: load([22: 9, 23: 9, 24: 9, 25: 9, 26: 9, 28: 9]), settings: LearnerSettings(), clock: clock)
        #expect(balanced.due == now + 27 * 86_400)
        #expect(balanced.intervalDays == 27)
    }

    @Test func easyDaysKeepCardsOffASundayWithinTheirRange() {
        // Now is Wednesday 2024-05-01; 8…13 days on are May 9…14, and May 12 (11 days) is a Sunday.
        #expect(clock.weekday(ofDay: clock.day(of: now)) == .wed)
        #expect(clock.weekday(ofDay: clock.day(of: now + 11 * 86_400)) == .sun)
        var settings = LearnerSettings()
        settings.easyDays[.sun] = 0
        let after = answered(stability: 10, dueIn: 10)
        var plainSundays = 0
        for n in 0..<300 {
            let days = LoadBalancer.interval(
                for: after, before: before, rating: .good, card: key("e\(n)"), at: now, scheduler: fsrs, load: DueLoad(),
                settings: settings, clock: clock)
            #expect(days.map { (8...13).contains($0) && $0 != 11 } == true)
            let plain = LoadBalancer.interval(
                for: after, before: before, rating: .good, card: key("e\(n)"), at: now, scheduler: fsrs, load: DueLoad(),
                settings: LearnerSettings(), clock: clock)
            if plain == 11 { plainSundays += 1 }
        }
        #expect(plainSundays > 20, "without easy days the Sunday gets its share")
    }

    @Test func easyDaysReadWriteAndRefuseWithTheBadPart() throws {
        var settings = LearnerSettings()
        try Setting.easyDays.apply("sat=0.5,sun=0", to: &settings)
        #expect(settings.easyDays[.sat] == 0.5)
        #expect(settings.easyDays[.sun] == 0)
        #expect(settings.easyDays[.mon] == 1)
        #expect(Setting.easyDays.value(in: settings) == "sat=0.5,sun=0")
        try Setting.easyDays.apply("Saturday=50% fri=0.25", to: &settings)
        #expect(Setting.easyDays.value(in: settings) == "fri=0.25,sat=0.5")
        #expect(throws: CoreError.settings(.invalid(.easyDays, value: "sun=2"))) {
            try Setting.easyDays.apply("sat=0.5,sun=2", to: &settings)
        }
        #expect(
            CoreError.settings(.invalid(.easyDays, value: "someday=0")).description
                == "'someday=0' is not a valid easy-days: expected per weekday, the share of the normal load, "
                + "mon…sun=0–1 separated by commas (e.g. sat=0.5,sun=0), or 'none'")
        try Setting.easyDays.apply("none", to: &settings)
        #expect(settings.easyDays.isNone)
        #expect(Setting.easyDays.value(in: settings) == "none")
    }

    @Test func newSettingsHaveDefaultsAndOldFilesLoad() throws {
        let old = Data(#"{"newPerDay": 12}"#.utf8)
        let decoded = try JSONDecoder().decode(LearnerSettings.self, from: old)
        #expect(decoded.newPerDay == 12)
        #expect(decoded.loadBalance)
        #expect(decoded.easyDays.isNone)
        #expect(decoded.newOnBacklog == .pause)
        var settings = LearnerSettings()
        try Setting.loadBalance.apply("off", to: &settings)
        try Setting.easyDays.apply("sun=0", to: &settings)
        try Setting.newOnBacklog.apply("keep", to: &settings)
        try Setting.backlogOrder.apply("most-overdue", to: &settings)
        let again = try JSONDecoder().decode(LearnerSettings.self, from: JSONEncoder().encode(settings))
        #expect(again == settings)
        #expect(!again.loadBalance)
        #expect(again.backlogOrder == .mostOverdue)
    }
}
