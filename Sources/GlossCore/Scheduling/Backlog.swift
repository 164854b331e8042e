import Foundation

/// In what order due reviews are asked, which matters when more are due than the daily
/// review limit allows (a backlog after a break): the rest wait for the next days.
/// docs/SCHEDULING.md compares them on the simulated learner.
public enum BacklogOrder: String, Codable, Sendable, CaseIterable {
    /// Lowest retrievability first (the most likely forgotten).
    case weakestFirst = "weakest-first"
    /// Highest retrievability first (the most likely still known).
    case strongestFirst = "strongest-first"
    /// Most overdue relative to its interval first (elapsed ÷ scheduled interval, as Anki's
    /// "relative overdueness").
    case mostOverdue = "most-overdue"
}

/// What new cards do on a day when more reviews are due than the review limit allows.
public enum BacklogNewCards: String, Codable, Sendable, CaseIterable {
    /// No new cards until the backlog is asked.
    case pause
    /// New cards as on any day.
    case keep
}

/// How much of a backlog one day asks: at most `backlog-spread` times the usual daily load,
/// the rest left for the next days (new cards pause meanwhile), so the first days after a
/// break are not the days of a whole break's reviews.
///
/// The usual daily load is what the cards imply, not what the last days were (a break has
/// none): each review card counts 1 / its interval in days (a card reviewed every 5 days is a
/// fifth of a review a day), plus `new-per-day`, the time set aside for new cards. With
/// `bury-siblings` (at most one card of an entry a day) an entry counts the chance that one of
/// its cards is due, `1 − Π(1 − 1/interval)`. It is measured when the day's queue is built,
/// the overdue cards with the intervals they had.
///
/// ```swift
/// // 40 review cards with 4-day intervals and 10 new cards a day: a usual load of 20
/// BacklogSpread.allowance(usualLoad: 20, spread: 1.5)   // 30 reviews today
/// ```
public enum BacklogSpread {
    /// The spread `backlog-spread` starts at: a day after a break asks at most 1.25× the usual load.
    public static let defaultSpread = 1.25
    /// The setting's range when on (off is 0).
    public static let range: ClosedRange<Double> = 1...10
    /// A day may always ask this many reviews, however small the usual load (a few mature
    /// cards after a long break are not spread one a day).
    public static let minimumAllowance = 10

    /// The reviews a day `state` implies: 1 / its scheduled interval in days (at least one
    /// day); 0 for a card that is not a review card.
    @inline(__always) public static func dailyRate(of state: CardState) -> Double {
        guard state.phase == .review, let due = state.due, let last = state.lastReview else { return 0 }
        return 1 / max(1, due.timeIntervalSince(last) / 86_400)
    }

    /// The most reviews one day asks: `spread` × `usualLoad`, rounded up, and at least
    /// ``minimumAllowance``; nil when spreading is off (`spread` 0): then `reviews-per-day` alone limits the day.
    public static func allowance(usualLoad: Double, spread: Double) -> Int? {
        guard spread > 0, usualLoad.isFinite else { return nil }
        // Less a millionth, so that a sum such as 400 × 0.05 that lands a hair above 20 is 20.
        return max(minimumAllowance, Int((spread * max(0, usualLoad) - 1e-6).rounded(.up)))
    }
}
