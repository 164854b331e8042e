import Foundation
import GlossCore

/// Today's cards for a study session: due reviews first (the most forgotten first), learning
/// cards as they come due, and new cards up to what today's limit leaves.
///
/// Learning cards due within `learnAhead` are asked early when nothing else is left (as
/// Anki does), so a session does not stall on a one-minute step. Two facets of one entry
/// are not asked back to back while another card is waiting.
struct DayPlan: StudyPlan {
    static let learnAhead: TimeInterval = 20 * 60

    private var reviews: [CardKey]
    private var fresh: [CardKey]
    /// Cards in learning with their due time.
    private var learning: [CardKey: Date]
    private var postponed: [CardKey] = []
    private var first: [CardKey] = []
    private var lastEntry: EntryID?
    /// New cards and reviews taken so far, to interleave them evenly.
    private var newTaken = 0, reviewsTaken = 0
    private let newShare: Double

    /// - Parameters:
    ///   - cards: every card of the decks being studied, in deck order.
    ///   - states: the learner's card states (absent = new).
    ///   - newToday / reviewsToday: answers already given today, against the limits.
    init(cards: [CardKey], states: [CardKey: CardState], settings: LearnerSettings, now: Date,
         newToday: Int, reviewsToday: Int, ahead: Bool, retrievability: (CardState) -> Double) {
        var due: [(CardKey, Double)] = []
        var fresh: [CardKey] = []
        var learning: [CardKey: Date] = [:]
        var upcoming: [(CardKey, Date)] = []
        for key in cards {
            let state = states[key] ?? .new
            switch state.phase {
            case .new:
                fresh.append(key)
            case .learning, .relearning:
                learning[key] = state.due ?? now
            case .review:
                let dueDate = state.due ?? now
                if dueDate <= now {
                    due.append((key, retrievability(state)))
                } else {
                    upcoming.append((key, dueDate))
                }
            }
        }
        due.sort { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
        var reviews = due.map(\.0)
        let reviewRoom = max(0, settings.reviewsPerDay - reviewsToday)
        if reviews.count > reviewRoom { reviews = Array(reviews.prefix(reviewRoom)) }
        if ahead && reviews.isEmpty {
            reviews = upcoming.sorted { $0.1 < $1.1 }.prefix(max(reviewRoom, 1) > 0 ? min(reviewRoom, 50) : 0).map(\.0)
        }
        self.reviews = reviews
        self.fresh = Array(fresh.prefix(max(0, settings.newPerDay - newToday)))
        self.learning = learning
        let total = self.fresh.count + reviews.count
        self.newShare = total == 0 ? 0 : Double(self.fresh.count) / Double(total)
    }

    var counts: (left: Int, new: Int, learning: Int) {
        let pending = Set(reviews + fresh + postponed + first).union(learning.keys)
        return (pending.count, fresh.count, learning.count)
    }

    mutating func next(at now: Date) -> CardKey? {
        if !first.isEmpty { return take(first.removeFirst()) }
        // Learning cards that are due come first: their steps are short.
        let dueLearning = learning.filter { $0.value <= now }.sorted { ($0.value, $0.key) < ($1.value, $1.key) }.map(\.key)
        if let key = pick(from: dueLearning) { return take(key, learning: true) }
        // Interleave: a new card whenever new cards are behind their share of the session.
        let newTurn = !fresh.isEmpty && (reviews.isEmpty || Double(newTaken) < newShare * Double(newTaken + reviewsTaken + 1))
        if newTurn, let key = pick(from: fresh) {
            fresh.removeAll { $0 == key }
            newTaken += 1
            return take(key)
        }
        if let key = pick(from: reviews) {
            reviews.removeAll { $0 == key }
            reviewsTaken += 1
            return take(key)
        }
        if let key = pick(from: postponed) {
            postponed.removeAll { $0 == key }
            return take(key)
        }
        let ahead = learning.filter { $0.value <= now.addingTimeInterval(Self.learnAhead) }
            .sorted { ($0.value, $0.key) < ($1.value, $1.key) }.map(\.key)
        if let key = ahead.first { return take(key, learning: true) }
        return nil
    }

    /// The first candidate that is not a sibling of the card just asked, else the first.
    private func pick(from candidates: [CardKey]) -> CardKey? {
        candidates.first { $0.entry != lastEntry } ?? candidates.first
    }

    private mutating func take(_ key: CardKey, learning fromLearning: Bool = false) -> CardKey {
        if fromLearning { learning[key] = nil }
        lastEntry = key.entry
        return key
    }

    mutating func answered(_ key: CardKey, state: CardState, at now: Date) {
        if state.phase == .learning || state.phase == .relearning, let due = state.due {
            learning[key] = due
        }
    }

    mutating func postpone(_ key: CardKey) {
        learning[key] = nil
        postponed.append(key)
    }

    mutating func putFirst(_ key: CardKey) {
        learning[key] = nil
        reviews.removeAll { $0 == key }
        fresh.removeAll { $0 == key }
        postponed.removeAll { $0 == key }
        first.removeAll { $0 == key }
        first.insert(key, at: 0)
    }
}

/// Every card of a deck: one per facet, `relate` only for entries with related terms.
func cardKeys(of deck: Deck) -> [CardKey] {
    deck.entries.flatMap { entry in
        Facet.allCases.compactMap { facet in
            facet == .relate && deck.relatedIDs(of: entry.id).isEmpty
                ? nil : CardKey(deck: deck.id, entry: entry.id, facet: facet)
        }
    }
}

/// The start of the study day containing `now`: the last `rolloverHour` o'clock local time.
func studyDayStart(_ now: Date, rolloverHour: Int, timeZone: TimeZone = .current) -> Date {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    let shifted = now.addingTimeInterval(-Double(rolloverHour) * 3600)
    let midnight = calendar.startOfDay(for: shifted)
    return midnight.addingTimeInterval(Double(rolloverHour) * 3600)
}
