/// What is being learned about an entry; each facet is scheduled on its own.
public enum Facet: String, Codable, Sendable, CaseIterable, Comparable {
    /// Definition → term.
    case recognize
    /// Term → definition.
    case recall
    /// Term → related terms (only for entries with at least one related term).
    case relate

    public static func < (lhs: Facet, rhs: Facet) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
