import Foundation

/// How many review cards are due on each study day: what the load balancer evens out.
///
/// ```swift
/// var load = DueLoad(states: states.values, clock: clock)
/// load.count(onDay: clock.day(of: now) + 3)   // reviews due three days from now
/// load.moved(from: before, to: after, clock: clock)   // after an answer
/// ```
public struct DueLoad: Hashable, Sendable {
    var counts: [Int: Int] = [:]

    /// No card due on any day.
    public init() {}

    /// The load of `states`: each review card on the study day of its due date.
    ///
    /// - Complexity: O(n) in the number of states.
    public init(states: some Sequence<CardState>, clock: DayClock) {
        for state in states { add(state, clock: clock) }
    }

    /// Review cards due on study day `day`.
    public func count(onDay day: Int) -> Int { counts[day] ?? 0 }

    /// Counts `state` on its due day (when it is a review card with a due date).
    public mutating func add(_ state: CardState, clock: DayClock) {
        guard let day = Self.day(of: state, clock) else { return }
        counts[day, default: 0] += 1
    }

    /// Uncounts `state` from its due day (when it was counted).
    public mutating func remove(_ state: CardState, clock: DayClock) {
        guard let day = Self.day(of: state, clock), let n = counts[day] else { return }
        counts[day] = n > 1 ? n - 1 : nil
    }

    /// Moves a card from its state before an answer to its state after.
    public mutating func moved(from before: CardState, to after: CardState, clock: DayClock) {
        remove(before, clock: clock)
        add(after, clock: clock)
    }

    static func day(of state: CardState, _ clock: DayClock) -> Int? {
        guard state.phase == .review, let due = state.due else { return nil }
        return clock.day(of: due)
    }
}
