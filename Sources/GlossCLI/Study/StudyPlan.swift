import Foundation
import GlossCore

/// What the study loop needs from the day's queue of cards.
protocol StudyPlan {
    /// The next card to ask at `now`, or nil when nothing is left for this session.
    mutating func next(at now: Date) -> CardKey?
    /// The card was answered and now has `state`; a learning card may come back later.
    mutating func answered(_ key: CardKey, state: CardState, at now: Date)
    /// The card goes to the back of the session (skip).
    mutating func postpone(_ key: CardKey)
    /// The card is asked next (after an undo).
    mutating func putFirst(_ key: CardKey)
    /// Cards left, how many of them are new, and how many are in learning.
    var counts: (left: Int, new: Int, learning: Int) { get }
}
