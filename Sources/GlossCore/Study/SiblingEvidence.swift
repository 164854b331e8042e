/// What an entry's other facets already say about a new facet: the prior for its memory.
///
/// `recognize` (pick the term for a definition) and `recall` (the definition for a term) ask
/// for the same pair in the two directions, and every question and feedback of one shows the
/// other's answer: a learner who holds one in review has studied the other's content for as
/// long. So a new facet of an entry whose content-sharing sibling is in review starts from
/// the sibling's stability when that is larger than a first sight's (``StudyStep``); its
/// difficulty stays its own. `relate` shares no content with them (its answers are the
/// related terms) and neither gives nor takes a prior.
///
/// ```swift
/// SiblingEvidence.prior(for: recallKey) { states[$0] }?.stability   // 4.4: recognize's, in review
/// ```
public enum SiblingEvidence {
    /// The facets whose content `facet` shares.
    public static func sharing(_ facet: Facet) -> [Facet] {
        switch facet {
        case .recognize: [.recall]
        case .recall: [.recognize]
        case .relate: []
        }
    }

    /// The content-sharing sibling in review with the largest FSRS stability; nil if none.
    public static func prior(for key: CardKey, state: (CardKey) -> CardState?) -> CardState? {
        sharing(key.facet).compactMap { facet -> CardState? in
            guard let other = state(CardKey(deck: key.deck, entry: key.entry, facet: facet)), other.phase == .review,
                other.stability != nil
            else { return nil }
            return other
        }.max { ($0.stability ?? 0) < ($1.stability ?? 0) }
    }
}
