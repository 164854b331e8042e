/// Cards the learner keeps forgetting: `leechThreshold` lapses or more (Anki's leeches).
///
/// ```swift
/// Leeches.becameLeech(before: before, after: after, threshold: 8)   // true on the 8th lapse
/// Leeches.list(decks: decks, cards: state.cards, confusions: state.confusions, threshold: 8)
/// ```
public enum Leeches {
    /// A leech, with what helps to learn it: the entry's explanation and the entries most
    /// often taken for it.
    public struct Leech: Equatable, Sendable {
        public var card: CardKey
        public var term: String
        public var lapses: Int
        public var explanation: String
        /// The entries picked in its place, most often first, with how often (at most three).
        public var confusedWith: [(term: String, count: Int)]

        public static func == (a: Leech, b: Leech) -> Bool {
            a.card == b.card && a.term == b.term && a.lapses == b.lapses && a.explanation == b.explanation
                && a.confusedWith.map(\.term) == b.confusedWith.map(\.term)
                && a.confusedWith.map(\.count) == b.confusedWith.map(\.count)
        }
    }

    /// Whether a card is a leech (a threshold of 0: never).
    public static func isLeech(_ state: CardState, threshold: Int) -> Bool {
        threshold > 0 && state.lapses >= threshold
    }

    /// Whether this answer made the card a leech: its lapses reached the threshold now.
    public static func becameLeech(before: CardState, after: CardState, threshold: Int) -> Bool {
        !isLeech(before, threshold: threshold) && isLeech(after, threshold: threshold)
    }

    /// The leech for `card` of `deck`, with its explanation and confusions (nil when the entry
    /// is no longer in the deck).
    public static func leech(_ card: CardKey, state: CardState, deck: Deck, confusions: Confusions) -> Leech? {
        guard let entry = deck.entry(card.entry) else { return nil }
        let confused = confusions.picks(deck: deck.id, asked: entry.id).prefix(3).map { pick in
            (term: deck.entry(pick.entry)?.term ?? pick.entry.rawValue, count: pick.count)
        }
        return Leech(
            card: card, term: entry.term, lapses: state.lapses,
            explanation: entry.explanation.isEmpty ? entry.definition : entry.explanation, confusedWith: confused)
    }

    /// Every leech of `decks`, most lapses first (then by term and card).
    public static func list(decks: [Deck], cards: [CardKey: CardState], confusions: Confusions, threshold: Int) -> [Leech] {
        var leeches: [Leech] = []
        for deck in decks {
            for (key, state) in cards where key.deck == deck.id && isLeech(state, threshold: threshold) {
                if let leech = leech(key, state: state, deck: deck, confusions: confusions) { leeches.append(leech) }
            }
        }
        return leeches.sorted {
            ($0.lapses, $1.term, $1.card) > ($1.lapses, $0.term, $0.card)
        }
    }
}

/// What happens to a card that becomes a leech (`leech-action`).
public enum LeechAction: String, Codable, Sendable, CaseIterable {
    /// Said, listed by `gloss leeches`, and kept in study.
    case keep
    /// Said, and taken out of study until `gloss unsuspend` brings it back.
    case suspend
}
