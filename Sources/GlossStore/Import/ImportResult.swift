import GlossCore

/// An imported deck, the problems found on the way, and where each entry came from.
public struct ImportResult: Equatable, Sendable {
    public var format: ImportFormat
    public var deck: Deck
    public var problems: [ImportProblem]
    /// The 1-based source line of each entry, in entry order.
    public var lines: [Int]

    public init(format: ImportFormat, deck: Deck, problems: [ImportProblem] = [], lines: [Int] = []) {
        self.format = format
        self.deck = deck
        self.problems = problems
        self.lines = lines
    }
}
