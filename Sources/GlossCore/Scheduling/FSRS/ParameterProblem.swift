/// Why a list of FSRS parameters was refused (thrown as `CoreError.parameters`).
public enum ParameterProblem: Equatable, Sendable, CustomStringConvertible {
    public struct Bound: Equatable, Sendable {
        public var index: Int
        public var value: Double
        public var lower: Double
        public var upper: Double
    }

    /// Not 17, 19 or 21 numbers.
    case wrongCount(Int)
    /// A NaN or infinite value.
    case notFinite(index: Int)
    /// One or more values outside their bounds.
    case outOfBounds([Bound])

    public var description: String {
        switch self {
        case .wrongCount(let n):
            "FSRS parameters: expected 21 numbers (or 17/19 from older FSRS), got \(n)"
        case .notFinite(let i):
            "FSRS parameters: w\(i) is not a finite number"
        case .outOfBounds(let bounds):
            "FSRS parameters out of bounds: "
                + bounds.map { "w\($0.index) = \($0.value) (allowed \($0.lower)...\($0.upper))" }
                .joined(separator: "; ")
        }
    }
}
