import Foundation

/// The state of a ``WorkloadSimulation`` between days: every card by index, and the days
/// cards fall due on (one bucket per forecast day, so a day never scans every card).
struct WorkloadRun {
    let simulation: WorkloadSimulation
    /// The learner's FSRS-6 model: their true memory, and the scheduler's retrievability.
    let constants: FSRSConstants
    let today: Int
    var states: [CardState]
    var memory: [TrueMemory?]
    /// The study day of each card's last answer (the scheduler counts elapsed study days).
    var lastDay: [Int]
    /// Each card's share of its entry (1 / its entry's cards): memorised entries sum R × share.
    let share: [Double]
    let keys: [CardKey]
    let facets: [Facet]
    /// Reviews due per study day, for the load balancer (`LoadBalancer`), as the study does.
    var load: DueLoad
    /// Reviews a day the review cards imply (``BacklogSpread``), kept as cards are answered.
    var reviewRate = 0.0
    var due: [[Int32]]
    var backlog: [Int32] = []
    var fresh: [Int32] = []
    var nextFresh = 0
    /// The forecast day being studied.
    var day = 0

    init(_ simulation: WorkloadSimulation) {
        self.simulation = simulation
        let w =
            (try? FSRSParameters(migrating: simulation.settings.fsrsParameters))?.values
            ?? LearnerSettings.defaultFSRSParameters
        constants = FSRSConstants(w: w, desiredRetention: 0.9)
        let clock = simulation.clock
        today = clock.day(of: simulation.now)
        let n = simulation.cards.count
        states = simulation.cards.map(\.state)
        keys = simulation.cards.map(\.key)
        facets = simulation.cards.map(\.key.facet)
        load = DueLoad(states: simulation.cards.map(\.state), clock: clock)
        reviewRate = simulation.cards.reduce(0) { $0 + BacklogSpread.dailyRate(of: $1.state) }
        var perEntry: [String: Int] = [:]
        for card in simulation.cards { perEntry["\(card.key.deck)/\(card.key.entry)", default: 0] += 1 }
        share = simulation.cards.map { 1 / Double(perEntry["\($0.key.deck)/\($0.key.entry)"] ?? 1) }
        memory = Array(repeating: nil, count: n)
        lastDay = Array(repeating: today, count: n)
        due = Array(repeating: [], count: max(1, simulation.days))
        for (i, state) in states.enumerated() {
            switch state.phase {
            case .new:
                fresh.append(Int32(i))
            case .learning, .relearning, .review:
                if let last = state.lastReview {
                    memory[i] = TrueMemory(
                        stability: state.stability ?? state.intervalDays ?? 1, difficulty: state.difficulty ?? 5,
                        lastSeen: last)
                    lastDay[i] = clock.day(of: last)
                }
                schedule(i, notBefore: 0)
            }
        }
    }

    /// Puts card `i` in the bucket of the day it falls due (forecast day `notBefore` at the
    /// earliest: today for an overdue card, tomorrow for one answered today).
    mutating func schedule(_ i: Int, notBefore first: Int) {
        guard let date = states[i].due else { return }
        let d = max(first, simulation.clock.day(of: date) - today)
        if d < due.count { due[d].append(Int32(i)) }
    }

    /// The retrievability the queue orders reviews by, on study day `studyDay`.
    func queueRecall(_ i: Int, on studyDay: Int) -> Double {
        guard let s = states[i].stability, s > 0 else { return 0 }
        return constants.retrievability(elapsedDays: Double(max(0, studyDay - lastDay[i])), stability: s)
    }

    mutating func day(_ d: Int, scheduler: some Scheduler, using rng: inout some RandomNumberGenerator)
        -> WorkloadForecast.Day
    {
        day = d
        let start = simulation.now.addingTimeInterval(Double(d) * 86_400)
        let studyDay = simulation.clock.day(of: start)
        let end = simulation.clock.start(ofDay: studyDay + 1)
        var learning: [Int32] = []
        var reviews: [Candidate] = []
        reviews.reserveCapacity(backlog.count + due[d].count)
        for list in [backlog, due[d]] {
            for i in list {
                switch states[Int(i)].phase {
                case .review: reviews.append(Candidate(r: queueRecall(Int(i), on: studyDay), card: i))
                case .learning, .relearning, .new: learning.append(i)
                }
            }
        }
        due[d] = []
        let settings = simulation.settings
        let newPerDay = max(0, simulation.newPerDay)
        let allowance = BacklogSpread.allowance(usualLoad: reviewRate + Double(newPerDay), spread: settings.backlogSpread)
        let limit = min(max(0, settings.reviewsPerDay), allowance ?? .max)
        let taken = Candidate.lowest(limit, of: &reviews)
        backlog = reviews[taken...].map(\.card)
        var out = WorkloadForecast.Day(
            day: d, date: CivilDay(studyDay).description, reviews: 0, newCards: 0, minutes: 0, memorised: nil,
            backlog: backlog.count)
        var seconds = 0.0
        for i in learning { answer(Int(i), at: start, until: end, on: studyDay, scheduler, &rng, &out.reviews, &seconds) }
        for c in reviews[..<taken].sorted(by: <) {
            answer(Int(c.card), at: start, until: end, on: studyDay, scheduler, &rng, &out.reviews, &seconds)
        }
        var newCount = min(newPerDay, fresh.count - nextFresh)
        if !backlog.isEmpty, settings.newOnBacklog == .pause, settings.reviewsPerDay > 0 { newCount = 0 }
        if settings.dailyTarget > 0 { newCount = min(newCount, max(0, settings.dailyTarget - learning.count - taken)) }
        for _ in 0..<newCount {
            let i = Int(fresh[nextFresh])
            nextFresh += 1
            if simulation.settings.presentNew { memory[i] = TrueMemory.first(.hard, at: start, constants) }
            answer(i, at: start, until: end, on: studyDay, scheduler, &rng, &out.reviews, &seconds)
        }
        out.newCards = newCount
        out.minutes = seconds / 60
        if simulation.memorisedDaily || d == simulation.days - 1 {
            var memorised = 0.0
            for (i, m) in memory.enumerated() {
                if let m { memorised += m.recall(at: start, constants) * share[i] }
            }
            out.memorised = memorised
        }
        return out
    }

    /// Answers card `i` at `time`, and again at each learning step due before `end`.
    private mutating func answer(
        _ i: Int, at time: Date, until end: Date, on studyDay: Int, _ scheduler: some Scheduler,
        _ rng: inout some RandomNumberGenerator, _ answers: inout Int, _ seconds: inout Double
    ) {
        var at = time
        for _ in 0..<16 {
            let state = states[i]
            let format = QuestionGenerator.ladder(facets[i], state: state, settings: simulation.settings).first ?? .flashcard
            seconds += simulation.seconds(for: format)
            answers += 1
            let p = memory[i]?.recall(at: at, constants) ?? 0
            let rating: Rating = Double.random(in: 0..<1, using: &rng) < p ? .good : .again
            memory[i] = memory[i]?.exposed(rating, at: at, constants) ?? TrueMemory.first(rating, at: at, constants)
            let scheduled = scheduler.review(state, rating: rating, at: at, fuzzSeed: FuzzSeed.of(keys[i], reviews: state.reps))
            // The load balancer's pick, as the study makes it (load-balance, easy-days).
            let after = LoadBalancer.balanced(
                scheduled, before: state, rating: rating, card: keys[i], at: at, scheduler: scheduler, load: load,
                settings: simulation.settings, clock: simulation.clock)
            load.moved(from: state, to: after, clock: simulation.clock)
            reviewRate += BacklogSpread.dailyRate(of: after) - BacklogSpread.dailyRate(of: state)
            states[i] = after
            lastDay[i] = studyDay
            guard after.phase != .review, let next = after.due, next < end else { break }
            at = max(at, next)
        }
        schedule(i, notBefore: day + 1)
    }
}

/// A due review and the retrievability it is ordered by (lowest first, then card order).
struct Candidate: Comparable {
    var r: Double
    var card: Int32

    static func < (a: Candidate, b: Candidate) -> Bool { a.r != b.r ? a.r < b.r : a.card < b.card }

    /// Moves the `k` lowest of `items` to its front (in no order) and returns how many that
    /// is: a quickselect, O(n), as a backlog of thousands is cut to the day's limit.
    static func lowest(_ k: Int, of items: inout [Candidate]) -> Int {
        guard k < items.count else { return items.count }
        guard k > 0 else { return 0 }
        var lo = 0, hi = items.count - 1
        while lo < hi {
            // Median of three as the pivot, then a Hoare partition.
            let mid = lo + (hi - lo) / 2
            let pivot = [items[lo], items[mid], items[hi]].sorted(by: <)[1]
            var i = lo, j = hi
            while i <= j {
                while items[i] < pivot { i += 1 }
                while pivot < items[j] { j -= 1 }
                if i <= j {
                    items.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            // items[lo...j] ≤ pivot ≤ items[i...hi]
            if k - 1 <= j {
                hi = j
            } else if k - 1 >= i {
                lo = i
            } else {
                break
            }
        }
        return k
    }
}
