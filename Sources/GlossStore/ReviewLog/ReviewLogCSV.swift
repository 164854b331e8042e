import CSV
import Foundation
import GlossCore

/// Reads the FSRS review-log CSV: `card_id,review_rating,review_time,review_duration`.
///
/// The header is required and columns are found by name (any order, extra columns ignored;
/// `review_duration` is optional). Rows that can't be read are collected as problems with
/// their line number, so a caller can report them all.
///
/// ```swift
/// let log = try ReviewLogCSV.read(contentsOf: url)
/// if !log.problems.isEmpty { /* report, exit 2 */ }
/// ```
public enum ReviewLogCSV {
    /// The readable reviews, in file order, and the problems with the others.
    public struct Contents: Sendable, Equatable {
        public var reviews: [LoggedReview]
        public var problems: [ReviewLogError]
    }

    /// Reads a review log file.
    public static func read(contentsOf url: URL) throws(ReviewLogError) -> Contents {
        let name = url.path
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .unreadable(file: name, reason: error.localizedDescription)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .unreadable(file: name, reason: "not UTF-8 text")
        }
        return try parse(text, file: name)
    }

    /// Parses review-log text; `file` names it in errors.
    public static func parse(_ text: String, file: String) throws(ReviewLogError) -> Contents {
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: true)
        } catch {
            throw .unreadable(file: file, reason: "\(error)")
        }
        let header = (reader.headerRow ?? []).map {
            $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "\u{FEFF}", with: "")
        }
        func column(_ name: String) throws(ReviewLogError) -> Int {
            guard let i = header.firstIndex(of: name) else { throw .missingColumn(file: file, column: name) }
            return i
        }
        let cardColumn = try column("card_id")
        let ratingColumn = try column("review_rating")
        let timeColumn = try column("review_time")
        let durationColumn = header.firstIndex(of: "review_duration")

        var reviews: [LoggedReview] = []
        var problems: [ReviewLogError] = []
        var line = 1
        while let row = reader.next() {
            line += 1
            if row.allSatisfy({ $0.isEmpty }) { continue }
            func field(_ i: Int, _ name: String) -> String? {
                guard i < row.count else {
                    problems.append(.missingField(file: file, line: line, column: name))
                    return nil
                }
                return row[i]
            }
            guard let card = field(cardColumn, "card_id"), let ratingText = field(ratingColumn, "review_rating"),
                let timeText = field(timeColumn, "review_time")
            else { continue }
            if card.isEmpty {
                problems.append(.missingField(file: file, line: line, column: "card_id"))
                continue
            }
            guard let raw = Int(ratingText.trimmingCharacters(in: .whitespaces)), let rating = Rating(rawValue: raw)
            else {
                problems.append(.unknownRating(file: file, line: line, value: ratingText))
                continue
            }
            guard let time = ISOTime.parse(timeText.trimmingCharacters(in: .whitespaces)) else {
                problems.append(.badTime(file: file, line: line, value: timeText))
                continue
            }
            var duration: Int?
            if let d = durationColumn, d < row.count, !row[d].isEmpty {
                guard let ms = Int(row[d].trimmingCharacters(in: .whitespaces)) else {
                    problems.append(.badDuration(file: file, line: line, value: row[d]))
                    continue
                }
                duration = ms
            }
            reviews.append(LoggedReview(cardID: card, rating: rating, time: time, durationMs: duration, line: line))
        }
        return Contents(reviews: reviews, problems: problems)
    }
}
