import Foundation

/// A problem reading an FSRS review-log CSV, naming the file, the line and the value: thrown
/// as `StoreError.reviewLog` when the header lacks a column (a file that can't be read at all
/// is `StoreError.unreadable`), listed in `Contents.problems` for a row that can't be read.
public enum ReviewLogProblem: Equatable, Sendable, CustomStringConvertible {
    /// The header lacks a required column.
    case missingColumn(file: String, column: String)
    /// A row has fewer fields than the header names.
    case missingField(file: String, line: Int, column: String)
    /// The rating is not 1, 2, 3 or 4.
    case unknownRating(file: String, line: Int, value: String)
    /// The time is not ISO-8601.
    case badTime(file: String, line: Int, value: String)
    /// The duration is not a whole number of milliseconds.
    case badDuration(file: String, line: Int, value: String)

    /// The 1-based line, for row problems.
    public var line: Int? {
        switch self {
        case .missingColumn: nil
        case .missingField(_, let l, _), .unknownRating(_, let l, _), .badTime(_, let l, _),
            .badDuration(_, let l, _):
            l
        }
    }

    public var description: String {
        switch self {
        case .missingColumn(let f, let c):
            "\(f):1: missing column '\(c)' (need card_id,review_rating,review_time[,review_duration])"
        case .missingField(let f, let l, let c): "\(f):\(l): no value for column '\(c)'"
        case .unknownRating(let f, let l, let v): "\(f):\(l): unknown rating '\(v)' (expected 1, 2, 3 or 4)"
        case .badTime(let f, let l, let v):
            "\(f):\(l): unparsable time '\(v)' (expected ISO-8601, e.g. 2024-03-29T20:32:32.250000+00:00)"
        case .badDuration(let f, let l, let v): "\(f):\(l): bad duration '\(v)' (expected milliseconds)"
        }
    }
}
