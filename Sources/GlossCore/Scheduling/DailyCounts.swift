/// What a learner already did today, so the queue's daily limits account for it.
public struct DailyCounts: Hashable, Codable, Sendable {
    /// New cards introduced today.
    public var newStudied: Int
    /// Reviews (of review-phase cards) done today.
    public var reviewsDone: Int

    public init(newStudied: Int = 0, reviewsDone: Int = 0) {
        self.newStudied = newStudied
        self.reviewsDone = reviewsDone
    }
}

extension DailyCounts {
    /// The counts of today's scheduled answers `today` (revocations applied), given each
    /// card's state now: a card whose reviews are all today's (every review counts one in
    /// `reps`) was new this morning, and its first answer today introduced it.
    ///
    /// ```swift
    /// let counts = DailyCounts(today: records, state: { store.card($0) })
    /// ```
    public init(today: [ReviewRecord], state: (CardKey) -> CardState) {
        var answers: [CardKey: Int] = [:]
        for record in today where record.kind == .review { answers[record.card, default: 0] += 1 }
        let introduced = answers.filter { card, count in state(card).reps == count }.count
        self.init(newStudied: introduced, reviewsDone: answers.values.reduce(0, +) - introduced)
    }
}
