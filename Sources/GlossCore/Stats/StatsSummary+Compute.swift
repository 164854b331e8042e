import Foundation

extension StatsSummary {
    /// Computes every figure from the journal, the card states and the decks, as of `now`.
    ///
    /// - Parameters:
    ///   - records: the review journal; `revoke` records cancel the record they name and
    ///     revoked records are ignored. Only cards of the given decks count.
    ///   - states: current card states; a card of a deck that is absent is new.
    ///   - decks: the decks to report on (their terms and card counts).
    ///   - timeZone, rolloverHour: a study day starts at `rolloverHour` local time.
    ///   - retrievability: probability of recall of a card state at a date (the scheduler's).
    ///   - limit: how many hardest cards and confused pairs to keep.
    public init(
        records: [ReviewRecord], states: [CardKey: CardState], decks: [Deck], now: Date,
        timeZone: TimeZone, rolloverHour: Int, desiredRetention: Double,
        retrievability: (CardState, Date) -> Double, limit: Int = 10
    ) {
        self.init(
            records: records, states: states, decks: decks, now: now,
            clock: DayClock(timeZone: timeZone, rolloverHour: rolloverHour),
            desiredRetention: desiredRetention, retrievability: retrievability, limit: limit)
    }

    /// The same, with the study days of the scheduler's `DayClock`.
    public init(
        records: [ReviewRecord], states: [CardKey: CardState], decks: [Deck], now: Date,
        clock dayClock: DayClock, desiredRetention: Double,
        retrievability: (CardState, Date) -> Double, limit: Int = 10
    ) {
        var tally = StatsTally(clock: dayClock)
        for i in records.indices { tally.add(records[i]) }
        self.init(
            tally: tally, states: states, decks: decks, now: now, desiredRetention: desiredRetention,
            retrievability: retrievability, limit: limit)
    }

    /// Every figure from a tally of the whole journal, the card states and the decks, as of
    /// `now`, in the study days of the tally's clock.
    public init(
        tally: StatsTally, states: [CardKey: CardState], decks: [Deck], now: Date, desiredRetention: Double,
        retrievability: (CardState, Date) -> Double, limit: Int = 10
    ) {
        let tally = tally.settled()
        var clock = StudyDays(clock: tally.clock)
        let today = clock.day(of: now).number
        let heatStart = today - CivilDay(today).weekday - 51 * 7
        let wanted = Set(decks.map(\.id))
        var terms: [DeckID: [EntryID: String]] = [:]
        for deck in decks {
            var map: [EntryID: String] = [:]
            for entry in deck.entries { map[entry.id] = entry.term }
            terms[deck.id] = map
        }

        // Cards: phases, mastery, retrievability, forecast, stability, hardest.
        var deckCounts: [DeckCounts] = []
        var totals = DeckCounts(deck: DeckID("all"), title: "All decks")
        var sumR = 0.0
        var countR = 0
        var forecast = [Int](repeating: 0, count: 14)
        var overdue = 0
        var stability = Self.stabilityBuckets()
        var intervals = Self.stabilityBuckets()
        var difficulty = Self.difficultyBuckets()
        var hard: [HardCard] = []
        let recentFrom = today - Self.recentDays + 1
        for deck in decks {
            var counts = DeckCounts(deck: deck.id, title: deck.title)
            for (entry, key) in DeckCards.of(deck) {
                guard let state = states[key], state.phase != .new else {
                    counts.add(.new, stability: nil)
                    continue
                }
                counts.add(state.phase, stability: state.stability)
                // A card never reviewed, or a scheduler answer that is not a number, has no retrievability.
                let value = state.lastReview == nil ? Double.nan : retrievability(state, now)
                let r: Double? = value.isFinite ? value : nil
                if let r {
                    sumR += r
                    countR += 1
                }
                if let due = state.due {
                    let offset = clock.day(of: due).number - today
                    if offset < 0 { overdue += 1 }
                    if offset < 14 { forecast[max(offset, 0)] += 1 }
                }
                if let s = state.stability, s.isFinite {
                    stability[stability.lastIndex(where: { s >= $0.fromDays }) ?? 0].count += 1
                }
                if state.phase == .review, let days = Self.intervalDays(of: state), days.isFinite {
                    intervals[intervals.lastIndex(where: { days >= $0.fromDays }) ?? 0].count += 1
                }
                if let d = state.difficulty, d.isFinite {
                    difficulty[difficulty.lastIndex(where: { d >= $0.fromDays }) ?? 0].count += 1
                }
                let lapseDays = tally.breakdown[deck.id]?.lapseDays[key] ?? [:]
                if state.lapses > 0 || !lapseDays.isEmpty {
                    let recent = lapseDays.reduce(0) { $0 + ($1.key >= recentFrom && $1.key <= today ? $1.value : 0) }
                    hard.append(
                        HardCard(
                            card: key, term: entry.term, lapses: state.lapses, recentLapses: recent,
                            lastLapse: lapseDays.keys.max().map { CivilDay($0).description },
                            difficulty: state.difficulty.flatMap { $0.isFinite ? $0 : nil }, retrievability: r))
                }
            }
            deckCounts.append(counts)
            totals.add(counts)
        }
        hard = Self.top(hard, limit) {
            if $0.recentLapses != $1.recentLapses { return $0.recentLapses > $1.recentLapses }
            let (a, b) = ($0.difficulty ?? 0, $1.difficulty ?? 0)
            if a != b { return a > b }
            if $0.lapses != $1.lapses { return $0.lapses > $1.lapses }
            return $0.card < $1.card
        }

        // Journal: the tally's days, read as of today.
        var perDay = [Int](repeating: 0, count: today - heatStart + 1)
        var msPerDay: [Int: Int] = [:]
        var recent = (answers: 0, ms: 0)
        var weekly = [RateFigure](repeating: RateFigure(), count: 52)
        var answersByDay: [Int: Int] = [:]
        var todayFigures = TodayFigures(day: CivilDay(today).description)
        var (r7, r30, r365) = (RateFigure(), RateFigure(), RateFigure())
        var byInterval = Self.intervalBuckets()
        var totalAnswers = 0
        for (deck, days) in tally.days where wanted.contains(deck) {
            for (day, figures) in days where !figures.isEmpty {
                let answers = figures.answers.reviews
                totalAnswers += answers
                answersByDay[day, default: 0] += answers
                msPerDay[day, default: 0] += figures.timeSpentMs
                if day >= heatStart && day <= today {
                    perDay[day - heatStart] += answers
                    weekly[(day - heatStart) / 7].add(figures.reviews)
                }
                if day == today {
                    todayFigures.answers.add(figures.answers)
                    todayFigures.timeSpentMs += figures.timeSpentMs
                    todayFigures.newLearned += figures.newLearned
                    todayFigures.newSeen += figures.newSeen
                }
                let age = today - day
                if age >= 0 && age < 30 {
                    recent.answers += answers
                    recent.ms += figures.timeSpentMs
                }
                if age < 7 { r7.add(figures.reviews) }
                if age < 30 { r30.add(figures.reviews) }
                if age < 365 { r365.add(figures.reviews) }
                for i in byInterval.indices where i < figures.byInterval.count { byInterval[i].figure.add(figures.byInterval[i]) }
            }
        }
        let days = answersByDay.compactMap { $0.value > 0 ? $0.key : nil }.sorted()
        let studied = Set(days)
        var streaks = Streaks(studiedToday: studied.contains(today))
        var run = 0
        var previous = Int.min
        for day in days {
            run = day == previous + 1 ? run + 1 : 1
            previous = day
            streaks.longest = max(streaks.longest, run)
        }
        var cursor = streaks.studiedToday ? today : today - 1
        while studied.contains(cursor) {
            streaks.current += 1
            cursor -= 1
        }

        let confusions = tally.confusions.counts.compactMap {
            wanted.contains($0.key.deck) ? (key: $0.key, count: $0.value) : nil
        }
        let topPairs = Self.top(confusions, limit) {
            if $0.count != $1.count { return $0.count > $1.count }
            return ($0.key.deck, $0.key.asked, $0.key.picked) < ($1.key.deck, $1.key.asked, $1.key.picked)
        }
        let pairs = topPairs.map { key, count in
            ConfusedPair(
                deck: key.deck, asked: key.asked, askedTerm: terms[key.deck]?[key.asked] ?? key.asked.rawValue,
                picked: key.picked, pickedTerm: terms[key.deck]?[key.picked] ?? key.picked.rawValue, count: count)
        }

        self.generatedAt = now
        self.timeZone = clock.clock.timeZone.identifier
        self.rolloverHour = clock.rolloverHour
        self.desiredRetention = desiredRetention
        self.totalAnswers = totalAnswers
        self.studyDays = days.count
        self.today = todayFigures
        self.streaks = streaks
        self.decks = deckCounts
        self.totals = totals
        self.retention7 = r7
        self.retention30 = r30
        self.retention365 = r365
        self.retentionByInterval = byInterval
        self.retentionByWeek = weekly.enumerated().map {
            WeekRetention(weekStart: CivilDay(heatStart + 7 * $0.offset).description, figure: $0.element)
        }
        self.averageRetrievability = countR > 0 ? sumR / Double(countR) : nil
        self.overdue = overdue
        self.forecast = forecast.enumerated().map { DayCount(day: CivilDay(today + $0.offset).description, count: $0.element) }
        self.answersPerDay = (0..<30).map { i in
            let day = today - 29 + i
            return DayCount(day: CivilDay(day).description, count: day >= heatStart ? perDay[day - heatStart] : 0)
        }
        self.heatmap = perDay.enumerated().map { DayCount(day: CivilDay(heatStart + $0.offset).description, count: $0.element) }
        self.timePerDay = (0..<30).map { i in
            let day = today - 29 + i
            return DayCount(day: CivilDay(day).description, count: (msPerDay[day] ?? 0) / 1000)
        }
        self.stability = stability
        self.intervals = intervals
        self.difficulty = difficulty
        var breakdown = AnswerBreakdown()
        for (deck, part) in tally.breakdown where wanted.contains(deck) { breakdown.add(part) }
        self.ratingsByAge = CardAge.allCases.map { age in
            let r = breakdown.ratings[age.rawValue]
            return RatingsByAge(age: age.label, again: r[0], hard: r[1], good: r[2], easy: r[3])
        }
        self.retentionByHour = breakdown.byHour.enumerated().map { HourRetention(hour: $0.offset, figure: $0.element) }
        self.youngRetention = breakdown.byAge[CardAge.young.rawValue]
        self.matureRetention = breakdown.byAge[CardAge.mature.rawValue]
        self.accuracyByFormat = zip(QuestionFormat.allCases, breakdown.byFormat).compactMap {
            $1.reviews > 0 ? FormatAccuracy(format: $0.rawValue, figure: $1) : nil
        }
        self.estimatedTodayMs = recent.answers > 0 ? forecast[0] * recent.ms / recent.answers : nil
        self.advice = RetentionAdvice.check(r365, desired: desiredRetention)
        self.hardest = hard
        self.confusedPairs = pairs
    }

    /// The first `limit` elements of `items` in `areInOrder` order, without sorting them all.
    private static func top<T>(_ items: [T], _ limit: Int, by areInOrder: (T, T) -> Bool) -> [T] {
        guard limit > 0 else { return [] }
        var best: [T] = []
        best.reserveCapacity(limit + 1)
        for item in items {
            if best.count == limit, let last = best.last, !areInOrder(item, last) { continue }
            let index = best.firstIndex { areInOrder(item, $0) } ?? best.count
            best.insert(item, at: index)
            if best.count > limit { best.removeLast() }
        }
        return best
    }

    /// Where each of `intervalBuckets()` starts, in days.
    static let intervalStarts = intervalBuckets().map(\.fromDays)

    static func intervalBuckets() -> [IntervalRetention] {
        [
            IntervalRetention(label: "<1d", fromDays: 0, toDays: 1),
            IntervalRetention(label: "1-6d", fromDays: 1, toDays: 7),
            IntervalRetention(label: "7-20d", fromDays: 7, toDays: 21),
            IntervalRetention(label: "21-89d", fromDays: 21, toDays: 90),
            IntervalRetention(label: "90d+", fromDays: 90, toDays: nil),
        ]
    }

    /// A review card's current interval in days: SM-2's, or from its last review to its due date.
    static func intervalDays(of state: CardState) -> Double? {
        if let days = state.intervalDays { return days }
        guard let due = state.due, let last = state.lastReview else { return nil }
        return due.timeIntervalSince(last) / 86_400
    }

    static func difficultyBuckets() -> [StabilityBucket] {
        (1..<10).map { StabilityBucket(label: "\($0)-\($0 + 1)", fromDays: Double($0), toDays: $0 == 9 ? nil : Double($0 + 1)) }
    }

    static func stabilityBuckets() -> [StabilityBucket] {
        [
            StabilityBucket(label: "<1d", fromDays: 0, toDays: 1),
            StabilityBucket(label: "1-2d", fromDays: 1, toDays: 3),
            StabilityBucket(label: "3-6d", fromDays: 3, toDays: 7),
            StabilityBucket(label: "7-20d", fromDays: 7, toDays: 21),
            StabilityBucket(label: "21-89d", fromDays: 21, toDays: 90),
            StabilityBucket(label: "90-364d", fromDays: 90, toDays: 365),
            StabilityBucket(label: "365d+", fromDays: 365, toDays: nil),
        ]
    }
}
