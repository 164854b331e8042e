import Foundation

/// What to ask in one study session, in order: the daily queue.
///
/// Built once from the card states, `now` and the settings: due reviews (in
/// `backlogOrder`, lowest retrievability first by default) up to the review limit, new cards
/// (deck order) up to the new limit, spread evenly among the reviews, and the learning cards
/// due today. The review limit is `reviewsPerDay`, and on a backlog after a break at most
/// `backlogSpread` times the usual daily load (``BacklogSpread``): when more reviews are due
/// than the limit allows, the first in `backlogOrder` are asked, the rest stay due for the
/// next days and new cards pause (`newOnBacklog`). The study loop then asks
/// ``next(at:)`` for a card, and reports each answer with ``answered(_:state:at:)`` so learning
/// cards come back when due within the session. Siblings (other facets of one entry) are
/// buried (`LearnerSettings.burySiblings`): at most one card of an entry is asked in a study
/// day, an entry answered earlier today gives only its own learning card back, and an entry's
/// new facets come one a day (recognize, then recall, then relate). With burying off, siblings
/// are only kept apart when anything else is available.
///
/// ```swift
/// var queue = StudyQueue(cards: pairs, now: now, settings: settings, today: counts,
///                        clock: clock, scheduler: fsrs)
/// while let key = queue.next(at: clock()) {
///     let after = fsrs.review(states[key] ?? .new, rating: ask(key), at: clock(), card: key)
///     queue.answered(key, state: after, at: clock())
/// }
/// ```
public struct StudyQueue: Sendable {
    /// Why a card is in the queue.
    public enum Kind: String, Sendable, Hashable {
        case new, learning, review
    }

    struct Item: Sendable {
        var key: CardKey
        var kind: Kind
    }

    struct Learning: Sendable {
        var key: CardKey
        var due: Date
    }

    /// Reviews and new cards, interleaved, in asking order; `mainIndex` is the next one.
    var main: [Item]
    var mainIndex = 0
    /// Learning and relearning cards due today, sorted by due date.
    var learning: [Learning]
    var last: CardKey?
    /// End of the study day the queue was built for: learning cards due later leave the session.
    public let endOfDay: Date
    /// A learning card may be asked this early when nothing else is left (Anki: 20 minutes).
    public var learnAhead: TimeInterval
    /// Whether an answered card's siblings wait for the next study day.
    public let bury: Bool
    /// Cards held back today because a sibling was (or will be) asked.
    public private(set) var buried: Int
    /// Due reviews beyond today's review limit: they stay due and come first on the next days.
    public let waitingReviews: Int
    /// True when today's new cards wait because more reviews are due than the limit allows
    /// (`LearnerSettings.newOnBacklog`).
    public let newPaused: Bool
    /// The usual daily load the cards imply (``BacklogSpread``): reviews a day by their
    /// intervals, plus `newPerDay`.
    public let usualLoad: Double
    /// The most reviews today may hold in all (done today included): `reviewsPerDay`, or the
    /// backlog allowance (``BacklogSpread/allowance(usualLoad:spread:)``) when smaller.
    public let dailyReviewLimit: Int
    /// How far ahead to look for a non-sibling before giving in.
    static let siblingLookahead = 32

    /// Builds today's queue from `(key, state)` pairs in deck order (a missing card is `.new`).
    public init(
        cards: [(key: CardKey, state: CardState)], now: Date, settings: LearnerSettings,
        today: DailyCounts = DailyCounts(), clock: DayClock, scheduler: some Scheduler,
        learnAhead: TimeInterval = 1200
    ) {
        var builder = Builder(now: now, settings: settings, today: today, clock: clock)
        for (key, state) in cards { builder.add(key, state, scheduler) }
        self.init(builder, learnAhead: learnAhead)
    }

    /// Builds today's queue from stored states and the deck's card keys (deck order);
    /// a key without a state is a new card, a state whose key is not in the deck is ignored.
    public init(
        states: [CardKey: CardState], deckCards: [CardKey], now: Date, settings: LearnerSettings,
        today: DailyCounts = DailyCounts(), clock: DayClock, scheduler: some Scheduler,
        learnAhead: TimeInterval = 1200
    ) {
        var builder = Builder(now: now, settings: settings, today: today, clock: clock)
        for key in deckCards {
            if let state = states[key] {
                builder.add(key, state, scheduler)
            } else {
                builder.addNew(key)
            }
        }
        self.init(builder, learnAhead: learnAhead)
    }

    init(_ builder: Builder, learnAhead: TimeInterval) {
        var b = builder
        b.chooseOnePerEntry()
        var reviews = b.reviews
        let usual = b.reviewRate + Double(b.usualNew)
        let allowance = BacklogSpread.allowance(usualLoad: usual, spread: b.spread)
        let dailyLimit = min(b.reviewsPerDay, allowance ?? .max)
        let limit = min(b.reviewLimit, max(0, dailyLimit - b.reviewsDone))
        self.usualLoad = usual
        self.dailyReviewLimit = dailyLimit
        if limit > 0 { Self.sort(&reviews, by: b.order) }
        let backlog = max(0, reviews.count - limit)
        if backlog > 0 { reviews.removeLast(backlog) }
        self.waitingReviews = backlog
        self.newPaused = backlog > 0 && b.pausesNew && !b.news.isEmpty
        var news = newPaused ? [] : b.news
        if b.dailyTarget > 0 {
            let planned = b.reviewsDone + b.newStudied + reviews.count + b.learning.count
            let room = max(0, b.dailyTarget - planned)
            if news.count > room { news.removeLast(news.count - room) }
        }
        var main = Self.interleave(reviews: reviews.map(\.key), news: news)
        Self.separateSiblings(&main)
        self.main = main
        self.learning = b.learning.sorted { $0.due < $1.due }
        self.endOfDay = b.end
        self.learnAhead = learnAhead
        self.bury = b.bury
        self.buried = b.buried
    }

    /// Sorts cards into new, learning and due reviews while the queue is built.
    struct Builder {
        let now: Date
        let end: Date
        let today: Int
        let clock: DayClock
        let newLimit: Int
        let reviewLimit: Int
        let reviewsPerDay: Int
        let reviewsDone: Int
        let newStudied: Int
        /// Answers a day new cards fill up to (0: off).
        let dailyTarget: Int
        let spread: Double
        /// New cards counted in the usual daily load: `newPerDay`.
        let usualNew: Int
        /// Reviews a day the review cards imply (``BacklogSpread/dailyRate(of:)``, summed).
        var reviewRate = 0.0
        let bury: Bool
        let order: BacklogOrder
        /// New cards pause on a backlog (not under `reviews-per-day 0`, which asks no reviews at all).
        let pausesNew: Bool
        var news: [CardKey] = []
        var reviews: [Review] = []
        var learning: [Learning] = []
        /// Siblings held back for today.
        var buried = 0
        /// With burying: every card of each entry, grouped, in the order entries first appear.
        var groups: [[(key: CardKey, state: CardState, r: Double)]] = []
        var groupOf: [EntryRef: Int] = [:]

        init(now: Date, settings: LearnerSettings, today: DailyCounts, clock: DayClock) {
            self.now = now
            self.clock = clock
            self.today = clock.day(of: now)
            end = clock.endOfDay(containing: now)
            newLimit = max(0, settings.newPerDay - today.newStudied)
            reviewLimit = max(0, settings.reviewsPerDay - today.reviewsDone)
            reviewsPerDay = max(0, settings.reviewsPerDay)
            reviewsDone = today.reviewsDone
            newStudied = today.newStudied
            dailyTarget = max(0, settings.dailyTarget)
            spread = settings.backlogSpread
            usualNew = max(0, settings.newPerDay)
            bury = settings.burySiblings
            order = settings.backlogOrder
            pausesNew = settings.newOnBacklog == .pause && settings.reviewsPerDay > 0
        }

        @inline(__always) mutating func addNew(_ key: CardKey) {
            if bury {
                group(key, .new, 0)
            } else if news.count < newLimit {
                news.append(key)
            }
        }

        @inline(__always) mutating func add(_ key: CardKey, _ state: CardState, _ scheduler: some Scheduler) {
            if bury {
                let r = state.phase == .review ? scheduler.retrievability(of: state, at: now) : 0
                group(key, state, r)
                return
            }
            switch state.phase {
            case .new:
                addNew(key)
            case .learning, .relearning:
                let due = state.due ?? now
                if due < end { learning.append(Learning(key: key, due: due)) }
            case .review:
                reviewRate += BacklogSpread.dailyRate(of: state)
                let due = state.due ?? now
                if due < end { reviews.append(Review(key, state, scheduler.retrievability(of: state, at: now), now)) }
            }
        }

        private mutating func group(_ key: CardKey, _ state: CardState, _ r: Double) {
            let ref = EntryRef(key)
            if let g = groupOf[ref] {
                groups[g].append((key, state, r))
            } else {
                groupOf[ref] = groups.count
                groups.append([(key, state, r)])
            }
        }

        /// With burying: at most one card per entry today, and none of an entry answered today
        /// but its own (re)learning card; a new facet only once the facets before it were
        /// introduced on earlier days.
        mutating func chooseOnePerEntry() {
            guard bury else { return }
            for cards in groups {
                reviewRate += 1 - cards.reduce(1.0) { $0 * (1 - BacklogSpread.dailyRate(of: $1.state)) }
                let answeredToday = cards.filter { $0.state.lastReview.map { clock.day(of: $0) == today } ?? false }
                let dueLearning = cards.filter {
                    ($0.state.phase == .learning || $0.state.phase == .relearning) && ($0.state.due ?? now) < end
                }
                let dueReviews = cards.filter { $0.state.phase == .review && ($0.state.due ?? now) < end }
                let candidates = dueLearning.count + dueReviews.count
                if !answeredToday.isEmpty {
                    let own = dueLearning.filter { card in answeredToday.contains { $0.key == card.key } }
                    for card in own { learning.append(Learning(key: card.key, due: card.state.due ?? now)) }
                    buried += candidates - own.count
                    continue
                }
                if let first = dueLearning.min(by: { ($0.state.due ?? now) < ($1.state.due ?? now) }) {
                    learning.append(Learning(key: first.key, due: first.state.due ?? now))
                    buried += candidates - 1
                    continue
                }
                if let weakest = dueReviews.min(by: { $0.r < $1.r }) {
                    reviews.append(Review(weakest.key, weakest.state, weakest.r, now))
                    buried += candidates - 1
                    continue
                }
                guard news.count < newLimit else { continue }
                let ordered = cards.sorted { $0.key.facet < $1.key.facet }
                if let next = ordered.firstIndex(where: { $0.state.phase == .new }) {
                    news.append(ordered[next].key)
                }
            }
        }
    }

    /// A due review while the queue is built, with what the backlog orders sort by.
    struct Review {
        var key: CardKey
        var r: Double
        var due: Date
        /// Time since the last review ÷ the scheduled interval (1 when exactly due).
        var overdue: Double

        init(_ key: CardKey, _ state: CardState, _ r: Double, _ now: Date) {
            self.key = key
            self.r = r
            due = state.due ?? now
            if let last = state.lastReview, due > last {
                overdue = now.timeIntervalSince(last) / due.timeIntervalSince(last)
            } else {
                overdue = 1
            }
        }
    }

    /// Sorts due reviews into asking order: `order`, then the earlier due date.
    static func sort(_ reviews: inout [Review], by order: BacklogOrder) {
        switch order {
        case .weakestFirst: reviews.sort { $0.r != $1.r ? $0.r < $1.r : $0.due < $1.due }
        case .strongestFirst: reviews.sort { $0.r != $1.r ? $0.r > $1.r : $0.due < $1.due }
        case .mostOverdue: reviews.sort { $0.overdue != $1.overdue ? $0.overdue > $1.overdue : $0.due < $1.due }
        }
    }

    /// An entry of a deck: what siblings share.
    struct EntryRef: Hashable {
        var deck: DeckID
        var entry: EntryID
        init(_ key: CardKey) {
            deck = key.deck
            entry = key.entry
        }
    }

    /// Cards left: new and review cards not yet asked, learning cards waiting.
    public var remaining: (new: Int, learning: Int, review: Int) {
        var new = 0
        var review = 0
        for item in main[mainIndex...] {
            if item.kind == .new { new += 1 } else { review += 1 }
        }
        return (new, learning.count, review)
    }

    /// When the next waiting learning card comes due (for a loop with nothing to ask yet).
    public var nextLearningDue: Date? { learning.first?.due }

    /// True when nothing is left to ask today.
    public var isFinished: Bool { mainIndex >= main.count && learning.isEmpty }

    /// The next card to ask at `now`, and what kind it is; nil when nothing is due.
    ///
    /// Learning cards that are due come first; then reviews and new cards in queue order;
    /// when those run out, a learning card due within ``learnAhead``. A learning card not yet
    /// due waits while anything else is left, and the card just asked is never asked again
    /// at once while another card is left.
    public mutating func nextItem(at now: Date) -> (key: CardKey, kind: Kind)? {
        let dueLearning = learning.prefix { $0.due <= now }.count
        if dueLearning > 0 {
            if let i = learning.prefix(dueLearning).firstIndex(where: { !isSibling($0.key) }) {
                return take(learningAt: i)
            }
            if mainIndex >= main.count { return take(learningAt: 0) }
        }
        if mainIndex < main.count {
            let window = main[mainIndex..<min(main.count, mainIndex + Self.siblingLookahead)]
            if let j = window.firstIndex(where: { !isSibling($0.key) }), j != mainIndex {
                main.swapAt(mainIndex, j)
            }
            if isSibling(main[mainIndex].key), dueLearning > 0 { return take(learningAt: 0) }
            let item = main[mainIndex]
            mainIndex += 1
            last = item.key
            return (item.key, item.kind)
        }
        // Nothing else is left: learn ahead, never the card just asked when another one waits.
        let ahead = learning.prefix { $0.due <= now.addingTimeInterval(learnAhead) }.count
        guard ahead > 0 else { return nil }
        return take(learningAt: learning.prefix(ahead).firstIndex { $0.key != last } ?? 0)
    }

    /// The next card to ask at `now`; nil when nothing is due (see ``nextLearningDue``).
    public mutating func next(at now: Date) -> CardKey? { nextItem(at: now)?.key }

    /// Records an answer: a card still in (re)learning and due today comes back when due.
    public mutating func answered(_ key: CardKey, state: CardState, at now: Date) {
        learning.removeAll { $0.key == key }
        if bury { buryingSiblings(of: key) }
        guard state.phase == .learning || state.phase == .relearning else { return }
        let due = state.due ?? now
        guard due < endOfDay else { return }
        let i = learning.firstIndex { $0.due > due } ?? learning.count
        learning.insert(Learning(key: key, due: due), at: i)
    }

    /// Takes `key`'s siblings out of today's session.
    mutating func buryingSiblings(of key: CardKey) {
        func sibling(_ other: CardKey) -> Bool { other.entry == key.entry && other.deck == key.deck && other != key }
        let before = learning.count + main.count - mainIndex
        learning.removeAll { sibling($0.key) }
        if mainIndex < main.count {
            let rest = main[mainIndex...].filter { !sibling($0.key) }
            main.replaceSubrange(mainIndex..., with: rest)
        }
        buried += before - (learning.count + main.count - mainIndex)
    }

    mutating func take(learningAt i: Int) -> (key: CardKey, kind: Kind) {
        let item = learning.remove(at: i)
        last = item.key
        return (item.key, .learning)
    }

    func isSibling(_ key: CardKey) -> Bool {
        guard let last else { return false }
        return key.entry == last.entry && key.deck == last.deck
    }

    /// Spreads `news` evenly among `reviews` (Anki's "mix new cards and reviews").
    static func interleave(reviews: [CardKey], news: [CardKey]) -> [Item] {
        let total = reviews.count + news.count
        var out: [Item] = []
        out.reserveCapacity(total)
        var r = 0
        var n = 0
        for i in 0..<total {
            // The n-th new card goes to the first slot i with i + ½ ≥ (n + ½) · total / news.count.
            let newDue = n < news.count && (r >= reviews.count || (2 * n + 1) * total <= (2 * i + 1) * news.count)
            if newDue {
                out.append(Item(key: news[n], kind: .new))
                n += 1
            } else {
                out.append(Item(key: reviews[r], kind: .review))
                r += 1
            }
        }
        return out
    }

    /// Moves a later non-sibling between two adjacent siblings, looking a little ahead.
    static func separateSiblings(_ items: inout [Item]) {
        guard items.count > 2 else { return }
        for i in 1..<items.count {
            let prev = items[i - 1].key
            guard items[i].key.entry == prev.entry, items[i].key.deck == prev.deck else { continue }
            let end = min(items.count, i + 1 + siblingLookahead)
            guard i + 1 < end else { continue }
            if let j = (i + 1..<end).first(where: { items[$0].key.entry != prev.entry || items[$0].key.deck != prev.deck }) {
                items.swapAt(i, j)
            }
        }
    }
}
