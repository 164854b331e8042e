import Foundation

/// Where a card is in its life, as in py-fsrs (plus `new` for a card never answered).
public enum CardPhase: String, Codable, Sendable, CaseIterable {
    case new, learning, review, relearning
}

/// The scheduler's memory of one card. A value: schedulers return a new one.
///
/// FSRS uses `stability` and `difficulty`; SM-2 uses `ease` and `intervalDays`.
public struct CardState: Hashable, Codable, Sendable {
    public var phase: CardPhase
    /// Index into the learning or relearning steps, while in those phases.
    public var step: Int?
    public var stability: Double?
    public var difficulty: Double?
    public var due: Date?
    public var lastReview: Date?
    public var reps: Int
    public var lapses: Int
    /// SM-2 ease factor (2.5 to start).
    public var ease: Double?
    /// SM-2 current interval in days.
    public var intervalDays: Double?

    public init(
        phase: CardPhase = .new, step: Int? = nil, stability: Double? = nil,
        difficulty: Double? = nil, due: Date? = nil, lastReview: Date? = nil,
        reps: Int = 0, lapses: Int = 0, ease: Double? = nil, intervalDays: Double? = nil
    ) {
        self.phase = phase
        self.step = step
        self.stability = stability
        self.difficulty = difficulty
        self.due = due
        self.lastReview = lastReview
        self.reps = reps
        self.lapses = lapses
        self.ease = ease
        self.intervalDays = intervalDays
    }

    /// A card never answered.
    public static let new = CardState()
}
