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
