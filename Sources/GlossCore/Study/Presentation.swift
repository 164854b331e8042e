/// What a new card's first encounter shows before it asks: the whole entry.
///
/// ```swift
/// Presentation.lines(for: entry, index: index)
/// // ["New: Goodhart's Law", "When a measure becomes a target, ...", "Related: Reward Hacking"]
/// ```
public enum Presentation {
    /// The entry's term, definition, explanation (when it has one) and related terms.
    public static func lines(for entry: Entry, index: QuestionIndex) -> [String] {
        var lines = ["New: \(entry.term)", entry.definition]
        if !entry.explanation.isEmpty { lines.append(entry.explanation) }
        let related = index.relatedEntries(of: entry.id).map(\.term)
        if !related.isEmpty { lines.append("Related: \(related.joined(separator: ", "))") }
        return lines
    }

    /// Whether a card in `state` is presented before it is asked (its first encounter).
    public static func presents(_ state: CardState) -> Bool { state.phase == .new }
}
