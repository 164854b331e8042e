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

    /// Writes the export of `table` (`decks` limits it to those decks when given) to `emit`,
    /// in chunks of about `chunkSize` bytes that end at a line end: the same bytes as
    /// `text(rows: rows(records:decks:))` of the records the table was read from.
    ///
    /// Each row is written by hand into one buffer (numbers and times cannot need quoting);
    /// the card id, text, is quoted by the CSV rule once per card.
    public static func write(
        _ table: ReviewTable, decks: Set<DeckID>? = nil, chunkSize: Int = 1 << 20, emit: ([UInt8]) throws -> Void
    ) throws {
        var out = ByteChunks(size: chunkSize)
        out.buffer.append(contentsOf: (header.joined(separator: ",") + "\n").utf8)
        var ids: [[UInt8]?] = []
        var current = -1
        try table.forEachRow { p, row in
            if p != current {
                current = p
                ids = table.parts[p].cards.map { key in
                    decks.map { $0.contains(key.deck) } ?? true ? CSVField.bytes(key.description) : nil
                }
            }
            guard let id = ids[Int(row.card)] else { return }
            out.buffer.append(contentsOf: id)
            out.buffer.appendReviewTail(rating: row.rating.rawValue, time: row.time, milliseconds: max(row.responseMs, 0))
            try out.lineEnded(emit)
        }
        try out.finish(emit)
    }

    public static func write(rows: [[String]], to stream: OutputStream) throws {
        try CSVText.write(header: header, rows: rows, to: stream, what: "reviews")
    }

    public static func text(rows: [[String]]) throws -> String {
        try CSVText.text(header: header, rows: rows, what: "reviews")
    }
}
