import Foundation

/// One review as in the FSRS review-log CSV (`card_id,review_rating,review_time,review_duration`).
public struct LoggedReview: Hashable, Codable, Sendable {
    /// The card's id as written in the log (any text).
    public var cardID: String
    public var rating: Rating
    public var time: Date
    /// Milliseconds spent on the review, when the log says.
    public var durationMs: Int?
    /// The 1-based line of the log it was read from (0 when not read from a file).
    public var line: Int

    public init(cardID: String, rating: Rating, time: Date, durationMs: Int? = nil, line: Int = 0) {
        self.cardID = cardID
        self.rating = rating
        self.time = time
        self.durationMs = durationMs
        self.line = line
    }
}
