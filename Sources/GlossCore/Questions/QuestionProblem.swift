/// Why a question could not be made for a card (thrown as `CoreError.question`).
public enum QuestionProblem: Hashable, Sendable, CustomStringConvertible {
    /// The card names an entry the deck does not have.
    case unknownEntry(deck: DeckID, entry: EntryID)
    /// The format needs more entries than the deck has.
    case deckTooSmall(deck: DeckID, entries: Int, format: QuestionFormat, needs: Int)
    /// The format needs related terms the entry lacks.
    case tooFewRelated(deck: DeckID, entry: EntryID, related: Int, format: QuestionFormat, needs: Int)
    /// No entry in the deck can serve as a wrong option.
    case noDistractors(deck: DeckID, entry: EntryID, format: QuestionFormat)
    /// The format asks about another facet (e.g. typed recall of a `relate` card).
    case formatNotForFacet(format: QuestionFormat, facet: Facet)

    public var description: String {
        switch self {
        case let .unknownEntry(deck, entry):
            "deck '\(deck)' has no entry '\(entry)'; was it renamed without keeping its id:?"
        case let .deckTooSmall(deck, entries, format, needs):
            "deck '\(deck)' has \(entries) entries; a \(format.rawValue) question needs at least \(needs)"
        case let .tooFewRelated(deck, entry, related, format, needs):
            "entry '\(entry)' in deck '\(deck)' has \(related) related terms; a \(format.rawValue) question needs \(needs)"
        case let .noDistractors(deck, entry, format):
            "no entry of deck '\(deck)' can be a wrong option for a \(format.rawValue) question about '\(entry)'"
        case let .formatNotForFacet(format, facet):
            "a \(format.rawValue) question cannot ask the \(facet.rawValue) facet"
        }
    }
}
