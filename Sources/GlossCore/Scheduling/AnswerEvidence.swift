import Foundation

/// What an answer showed beyond its rating that moves the card's schedule: the facts the
/// journal keeps so that replaying an answer gives the state the study session gave.
///
/// Empty for most answers (a plain rating). `StudyStep` decides it; `Scheduler.after` applies
/// it, for the session and for every replay alike.
public struct AnswerEvidence: Hashable, Codable, Sendable {
    /// Why a right answer counts as `hard` for the memory while the learning steps move on
    /// as for a right answer.
    public enum Weak: String, Codable, Sendable, CaseIterable {
        /// The card's first answer, just after its entry was shown (the presentation was the
        /// first learning step).
        case presented
        /// A right pick under the `production` grading policy.
        case picked
    }

    public var weak: Weak?
    /// A first answer's stability is at least this (the memory of a sibling in review).
    public var stabilityFloor: Double?
    /// The interval is at most this many days once in review (recognition evidence under the
    /// `capped` grading policy).
    public var capDays: Int?
    /// The interval the load balancer chose among those fuzz allows (`LoadBalancer`): it
    /// hangs on every other card's due date at the time, so it is kept, not derived.
    public var balancedDays: Int?

    public init(weak: Weak? = nil, stabilityFloor: Double? = nil, capDays: Int? = nil, balancedDays: Int? = nil) {
        self.weak = weak
        self.stabilityFloor = stabilityFloor
        self.capDays = capDays
        self.balancedDays = balancedDays
    }

    public static let none = AnswerEvidence()
    public var isEmpty: Bool { self == .none }
}

extension Scheduler {
    /// The card's state after an answer rated `rating` with `evidence`, from `before`: the one
    /// rule the study session and every replay of the journal share.
    ///
    /// ```swift
    /// let after = scheduler.after(before, rating: .hard, evidence: AnswerEvidence(weak: .presented),
    ///                             at: now, card: key)
    /// ```
    public func after(
        _ before: CardState, rating: Rating, evidence: AnswerEvidence, at now: Date, card: CardKey
    ) -> CardState {
        var after = review(before, rating: rating, at: now, card: card)
        if let floor = evidence.stabilityFloor, let stability = after.stability, floor > stability {
            after.stability = floor
        }
        if let weak = evidence.weak, before.phase != .review {
            var from = before
            if weak == .presented { from.step = 1 }
            let steps = review(from, rating: .good, at: now, card: card)
            after.phase = steps.phase
            after.step = steps.step
            after.due = steps.due
            if steps.phase == .review, let fsrs = self as? FSRSScheduler, let stability = after.stability {
                // Graduated: the interval follows the memory it has (Hard's), not Good's.
                after.due = now.addingTimeInterval(Double(fsrs.interval(stability: stability)) * 86_400)
            }
        }
        if let days = evidence.capDays, after.phase == .review {
            let cap = now.addingTimeInterval(Double(days) * 86_400)
            if let due = after.due, due > cap { after.due = cap }
        }
        if let days = evidence.balancedDays, after.phase == .review { after = after.due(inDays: days, at: now) }
        return after
    }
}

extension CardState {
    /// The state due `days` after `now` (SM-2's interval too): how a balanced interval is set.
    public func due(inDays days: Int, at now: Date) -> CardState {
        var state = self
        state.due = now.addingTimeInterval(Double(days) * 86_400)
        if state.intervalDays != nil { state.intervalDays = Double(days) }
        return state
    }
}
