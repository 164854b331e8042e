import Foundation

/// One output row of `gloss replay`: a review and the card's memory right after it.
public struct ReplayRow: Hashable, Codable, Sendable {
    public var cardID: String
    public var time: Date
    public var rating: Rating
    /// Whole days since the card's previous review, floored (0 for the first, never negative).
    public var elapsedDays: Int
    /// Retrievability at the review, before it (0 for the first).
    public var retrievability: Double
    public var stability: Double
    public var difficulty: Double
    /// Time to the next due date in days; fractional for learning steps (10 m = 0.006944).
    public var intervalDays: Double
    public var phase: CardPhase

    /// The CSV header `gloss replay` prints.
    public static let csvHeader =
        "card_id,review_time,rating,elapsed_days,retrievability,stability,difficulty,interval_days,state"

    /// The row as CSV, e.g. `1711684180217,2024-03-29T20:32:32.250000+00:00,1,0,0.0,0.212,6.4133,0.000694,learning`.
    public var csvLine: String {
        [
            Self.csvField(cardID), ISOTime.format(time), String(rating.rawValue), String(elapsedDays),
            "\(retrievability)", "\(stability)", "\(difficulty)", Self.sixDecimals(intervalDays), phase.rawValue,
        ].joined(separator: ",")
    }

    enum CodingKeys: String, CodingKey {
        case cardID = "card_id", time = "review_time", rating, elapsedDays = "elapsed_days", retrievability,
            stability, difficulty, intervalDays = "interval_days", phase = "state"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(cardID, forKey: .cardID)
        try c.encode(ISOTime.format(time), forKey: .time)
        try c.encode(rating.rawValue, forKey: .rating)
        try c.encode(elapsedDays, forKey: .elapsedDays)
        try c.encode(retrievability, forKey: .retrievability)
        try c.encode(stability, forKey: .stability)
        try c.encode(difficulty, forKey: .difficulty)
        try c.encode(intervalDays, forKey: .intervalDays)
        try c.encode(phase, forKey: .phase)
    }

    public init(
        cardID: String, time: Date, rating: Rating, elapsedDays: Int, retrievability: Double,
        stability: Double, difficulty: Double, intervalDays: Double, phase: CardPhase
    ) {
        self.cardID = cardID
        self.time = time
        self.rating = rating
        self.elapsedDays = elapsedDays
        self.retrievability = retrievability
        self.stability = stability
        self.difficulty = difficulty
        self.intervalDays = intervalDays
        self.phase = phase
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        cardID = try c.decode(String.self, forKey: .cardID)
        let text = try c.decode(String.self, forKey: .time)
        guard let t = ISOTime.parse(text) else {
            throw DecodingError.dataCorruptedError(forKey: .time, in: c, debugDescription: "bad time \(text)")
        }
        time = t
        rating = try c.decode(Rating.self, forKey: .rating)
        elapsedDays = try c.decode(Int.self, forKey: .elapsedDays)
        retrievability = try c.decode(Double.self, forKey: .retrievability)
        stability = try c.decode(Double.self, forKey: .stability)
        difficulty = try c.decode(Double.self, forKey: .difficulty)
        intervalDays = try c.decode(Double.self, forKey: .intervalDays)
        phase = try c.decode(CardPhase.self, forKey: .phase)
    }

    /// `%.6f` without Foundation's locale-dependent formatting.
    static func sixDecimals(_ x: Double) -> String {
        let scaled = (abs(x) * 1_000_000).rounded(.toNearestOrEven)
        guard scaled.isFinite, scaled < 9e18 else { return "\(x)" }
        let n = Int64(scaled)
        let frac = String(n % 1_000_000)
        let sign = x < 0 && n != 0 ? "-" : ""
        return "\(sign)\(n / 1_000_000)." + String(repeating: "0", count: 6 - frac.count) + frac
    }

    static func csvField(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
