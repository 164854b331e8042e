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
        public var problems: [ReviewLogProblem]
    }

    /// The text without surrounding spaces; the common case (none) costs no copy.
    static func trimmed(_ s: String) -> String {
        guard let f = s.utf8.first, let l = s.utf8.last, f == 32 || l == 32 || f == 9 || l == 9 else { return s }
        return s.trimmingCharacters(in: .whitespaces)
    }

    /// Reads a review log file.
    public static func read(contentsOf url: URL) throws(StoreError) -> Contents {
        let name = url.path
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            let exists = FileManager.default.fileExists(atPath: name)
            throw .unreadable(file: name, reason: exists ? "permission denied, or not a regular file" : "no such file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .unreadable(file: name, reason: "not UTF-8 text")
        }
        return try parse(text, file: name)
    }

    /// Parses review-log text; `file` names it in errors.
    public static func parse(_ text: String, file: String) throws(StoreError) -> Contents {
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: true)
        } catch {
            throw .unreadable(file: file, reason: "\(error)")
        }
        let header = (reader.headerRow ?? []).map {
            $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "\u{FEFF}", with: "")
        }
        func column(_ name: String) throws(StoreError) -> Int {
            guard let i = header.firstIndex(of: name) else { throw .reviewLog(.missingColumn(file: file, column: name)) }
            return i
        }
        let cardColumn = try column("card_id")
        let ratingColumn = try column("review_rating")
        let timeColumn = try column("review_time")
        let durationColumn = header.firstIndex(of: "review_duration")

        var reviews: [LoggedReview] = []
        var problems: [ReviewLogProblem] = []
        var line = 1
        let needed = max(cardColumn, ratingColumn, timeColumn)
        let names = [cardColumn: "card_id", ratingColumn: "review_rating", timeColumn: "review_time"]
        while let row = reader.next() {
            line += 1
            if row.count == 1 && row[0].isEmpty { continue }
            if row.count <= needed {
                let missing = [cardColumn, ratingColumn, timeColumn].first { $0 >= row.count } ?? needed
                problems.append(.missingField(file: file, line: line, column: names[missing] ?? "?"))
                continue
            }
            let card = row[cardColumn]
            if card.isEmpty {
                problems.append(.missingField(file: file, line: line, column: "card_id"))
                continue
            }
            let ratingText = row[ratingColumn]
            guard let raw = Int(trimmed(ratingText)), let rating = Rating(rawValue: raw) else {
                problems.append(.unknownRating(file: file, line: line, value: ratingText))
                continue
            }
            let timeText = row[timeColumn]
            guard let micros = ISOTime.parseMicroseconds(trimmed(timeText)) else {
                problems.append(.badTime(file: file, line: line, value: timeText))
                continue
            }
            var duration: Int?
            if let d = durationColumn, d < row.count, !row[d].isEmpty {
                guard let ms = Int(trimmed(row[d])) else {
                    problems.append(.badDuration(file: file, line: line, value: row[d]))
                    continue
                }
                duration = ms
            }
            reviews.append(
                LoggedReview(
                    cardID: card, rating: rating, time: Date(timeIntervalSince1970: Double(micros) / 1_000_000),
                    durationMs: duration, line: line))
        }
        return Contents(reviews: reviews, problems: problems)
    }
}
