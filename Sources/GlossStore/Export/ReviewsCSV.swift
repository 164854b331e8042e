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
    /// the card id, text, is quoted by the CSV rule once per card. The table's blocks are
    /// written side by side, two per processor at a time, and handed on in order: a few
    /// blocks' text is held at once, never the whole export.
    public static func write(
        _ table: ReviewTable, decks: Set<DeckID>? = nil, chunkSize: Int = 1 << 20, emit: ([UInt8]) throws -> Void
    ) throws {
        let width = Journal.partCount()
        var out = ByteChunks(size: chunkSize)
        out.buffer.append(contentsOf: (header.joined(separator: ",") + "\n").utf8)
        let ids: [[[UInt8]?]] = table.parts.map { part in
            part.cards.map { key in decks.map { $0.contains(key.deck) } ?? true ? CSVField.bytes(key.description) : nil }
        }
        let blocks = table.parts.indices.flatMap { p in table.parts[p].blocks.indices.map { (part: p, block: $0) } }
        var next = 0
        while next < blocks.count {
            let batch = Array(blocks[next..<min(blocks.count, next + width)])
            next += batch.count
            var texts = [[UInt8]](repeating: [], count: batch.count)
            texts.withUnsafeMutableBufferPointer { buffer in
                let slots = TextSlots(buffer: buffer)
                DispatchQueue.concurrentPerform(iterations: batch.count) { i in
                    let (p, b) = batch[i]
                    slots.buffer[i] = text(of: table.parts[p].blocks[b], ids: ids[p], revoked: table.revoked)
                }
            }
            for text in texts { try out.append(lines: text, emit) }
        }
        try out.finish(emit)
    }

    /// The rows of one block not revoked, each `id,rating,time,ms\n` (a card whose id is nil
    /// is left out).
    private static func text(of block: [ReviewTable.Row], ids: [[UInt8]?], revoked: Set<Int>) -> [UInt8] {
        var text: [UInt8] = []
        text.reserveCapacity(block.count * 80)
        for row in block {
            guard let id = ids[Int(row.card)], revoked.isEmpty || !revoked.contains(row.seq) else { continue }
            text.append(contentsOf: id)
            text.appendReviewTail(rating: row.rating.rawValue, time: row.time, milliseconds: max(row.responseMs, 0))
        }
        return text
    }

    public static func write(rows: [[String]], to stream: OutputStream) throws {
        try CSVText.write(header: header, rows: rows, to: stream, what: "reviews")
    }

    public static func text(rows: [[String]]) throws -> String {
        try CSVText.text(header: header, rows: rows, what: "reviews")
    }
}

/// The texts of a batch of blocks, each written by its own thread into its own slot.
private struct TextSlots: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<[UInt8]>
}
