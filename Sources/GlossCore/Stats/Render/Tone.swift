/// What a piece of terminal text means, so the caller can colour it (or not).
public enum Tone: Hashable, Sendable {
    case plain
    case heading
    case muted
    case good
    case warning
    case bad
    case accent
    /// Heatmap intensity, 0 (no answers) to 4 (the busiest days).
    case heat(Int)
}
