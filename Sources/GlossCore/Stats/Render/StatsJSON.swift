import Foundation

/// The `summary` export: a `StatsSummary` as JSON with sorted keys and ISO-8601 dates.
public enum StatsJSON {
    public static func encode(_ summary: StatsSummary) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(summary)
    }

    /// Reads a summary back; refuses a newer `version` than this build knows.
    public static func decode(_ data: Data) throws -> StatsSummary {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(StatsSummary.self, from: data)
    }
}
