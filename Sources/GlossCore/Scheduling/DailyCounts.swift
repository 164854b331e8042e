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
