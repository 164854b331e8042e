import Foundation
import GlossCore

/// The `terms` export: one CSV row per card of the decks, with its schedule and history.
///
/// Columns: `deck,entry_id,term,facet,state,due,stability,difficulty,retrievability,reviews,
/// lapses,last_review,last_rating`. Dates are UTC ISO-8601; empty cells mean "none yet".
public enum TermsCSV {
    public static let header = [
        "deck", "entry_id", "term", "facet", "state", "due", "stability", "difficulty",
        "retrievability", "reviews", "lapses", "last_review", "last_rating",
    ]

    /// The rows (without the header), cards in deck, entry and facet order.
    ///
    /// `records` supply each card's last rating (revoked records are ignored); `retrievability`
    /// is the scheduler's probability of recall of a state at `now`.
    public static func rows(
        decks: [Deck], states: [CardKey: CardState], records: [ReviewRecord], now: Date,
        retrievability: (CardState, Date) -> Double
    ) -> [[String]] {
        let revoked = Set(records.compactMap(\.revokes))
        var lastRating: [CardKey: Rating] = [:]
        for record in records where record.kind == .review && !revoked.contains(record.seq) {
            lastRating[record.card] = record.rating
        }
        return rows(decks: decks, states: states, lastRatings: lastRating, now: now, retrievability: retrievability)
    }

    /// The rows, each card's last rating taken from `lastRatings` (see `ReviewTable.lastRatings()`).
    public static func rows(
        decks: [Deck], states: [CardKey: CardState], lastRatings lastRating: [CardKey: Rating], now: Date,
        retrievability: (CardState, Date) -> Double
    ) -> [[String]] {
        var rows: [[String]] = []
        for deck in decks {
            for (entry, key) in DeckCards.of(deck) {
                let state = states[key] ?? .new
                let r = state.phase == .new || state.lastReview == nil ? nil : retrievability(state, now)
                rows.append([
                    deck.id.rawValue, entry.id.rawValue, entry.term, key.facet.rawValue, state.phase.rawValue,
                    state.due.map(ISOTime.format) ?? "", number(state.stability), number(state.difficulty),
                    number(r), String(state.reps), String(state.lapses),
                    state.lastReview.map(ISOTime.format) ?? "", lastRating[key].map { String($0.rawValue) } ?? "",
                ])
            }
        }
        return rows
    }

    /// Writes the header and rows to `stream` (opened if needed).
    public static func write(rows: [[String]], to stream: OutputStream) throws {
        try CSVText.write(header: header, rows: rows, to: stream, what: "terms")
    }

    /// The whole CSV file as text.
    public static func text(rows: [[String]]) throws -> String {
        try CSVText.text(header: header, rows: rows, what: "terms")
    }

    /// Four decimals, or empty for nil / not finite.
    static func number(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        return String(format: "%.4f", value)
    }
}
