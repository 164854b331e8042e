/// Why parameters could not be fitted (thrown as `CoreError.optimizer`).
public enum OptimizerProblem: Equatable, Sendable, CustomStringConvertible {
    /// Too few answers a day or more after the previous answer of the same card.
    case notEnoughData(items: Int, reviews: Int, needed: Int)

    public var description: String {
        switch self {
        case let .notEnoughData(items, reviews, needed):
            "not enough review history to optimize: \(reviews) reviews give \(items) answers a day or "
                + "more after the previous one, and at least \(needed) are needed; keeping the current parameters"
        }
    }
}
