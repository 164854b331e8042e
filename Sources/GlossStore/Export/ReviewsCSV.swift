import Foundation
import GlossCore

/// The `reviews` export in the FSRS review-log format, for the FSRS optimizer and `gloss replay`.
///
/// `card_id,review_rating,review_time,review_duration`: the card key text `deck/entry/facet`,
/// the rating 1–4, the UTC time with microseconds (`2024-03-29T20:32:32.250000+00:00`) and the
/// response time in milliseconds. Only scheduled (`review`) records that were not revoked.
public enum ReviewsCSV {
    public static let header = ["card_id", "review_rating", "review_time", "review_duration"]

    /// The rows in journal order; `decks` limits them to those decks when given.
    public static func rows(records: [ReviewRecord], decks: Set<DeckID>? = nil) -> [[String]] {
        let revoked = Set(records.compactMap(\.revokes))
        var rows: [[String]] = []
        rows.reserveCapacity(records.count)
        for record in records where record.kind == .review && !revoked.contains(record.seq) {
            if let decks, !decks.contains(record.card.deck) { continue }
            rows.append([
                record.card.description, String(record.rating.rawValue), ISOTime.format(record.time),
                String(max(record.responseMs, 0)),
            ])
        }
        return rows
    }

    public static func write(rows: [[String]], to stream: OutputStream) throws {
        try CSVText.write(header: header, rows: rows, to: stream, what: "reviews")
    }

    public static func text(rows: [[String]]) throws -> String {
        try CSVText.text(header: header, rows: rows, what: "reviews")
    }
}
