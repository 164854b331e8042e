/// How well a card was remembered, as FSRS and SM-2 take it.
public enum Rating: Int, Codable, Sendable, CaseIterable, Comparable, CustomStringConvertible {
    case again = 1, hard = 2, good = 3, easy = 4

    public static func < (lhs: Rating, rhs: Rating) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String {
        switch self {
        case .again: "again"
        case .hard: "hard"
        case .good: "good"
        case .easy: "easy"
        }
    }
}
