import Foundation
import Testing

@testable import GlossCore

/// Oracle figures from fsrs-rs (fsrs-rs-python 0.9.3), written by
/// `python3 scripts/optimizer-reference.py Tests/GlossCoreTests/Fixtures/optimizer-josh-3000.csv
///  --json Tests/GlossCoreTests/Fixtures/optimizer-josh-3000.fsrs-rs.json`
/// on the first 3,000 reviews of the josh log.
@Suite struct OptimizerOracleTests {
    struct Figures: Decodable {
        struct Pair: Decodable {
            var log_loss: Double
            var rmse_bins: Double
        }
        struct Fit: Decodable {
            var parameters: [Double]
            var log_loss: Double
            var rmse_bins: Double
        }
        var items: Int
        var fsrs_rs: Fit
        var per_item: [String: Pair]
    }

    static func fixture(_ name: String) throws -> Data {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil))
        return try Data(contentsOf: url)
    }

    /// Reads `card_id,review_rating,review_time,...` with ISO times like 2024-03-29T20:32:32.25+00:00.
    static func reviews() throws -> [LoggedReview] {
        let text = String(decoding: try fixture("optimizer-josh-3000.csv"), as: UTF8.self)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? .current
        var out: [LoggedReview] = []
        for (n, line) in text.split(separator: "\n").enumerated() where n > 0 {
            let f = line.split(separator: ",")
            let t = f[2]
            func num(_ a: Int, _ b: Int) -> Int {
                Int(t[t.index(t.startIndex, offsetBy: a)..<t.index(t.startIndex, offsetBy: b)]) ?? 0
            }
            let fraction =
                t.count > 20 && t[t.index(t.startIndex, offsetBy: 19)] == "."
                ? (Double("0" + t[t.index(t.startIndex, offsetBy: 19)...].prefix { $0 != "+" }) ?? 0) : 0
            let parts = DateComponents(
                year: num(0, 4), month: num(5, 7), day: num(8, 10),
                hour: num(11, 13), minute: num(14, 16), second: num(17, 19))
            let date = try #require(calendar.date(from: parts)).addingTimeInterval(fraction)
            let rating = try #require(Rating(rawValue: Int(f[1]) ?? 0))
            out.append(LoggedReview(cardID: String(f[0]), rating: rating, time: date, line: n + 1))
        }
        return out
    }

    @Test func evaluationMatchesFSRSRSItemByItem() throws {
        let figures = try JSONDecoder().decode(Figures.self, from: try Self.fixture("optimizer-josh-3000.fsrs-rs.json"))
        let data = ReviewDataset(try Self.reviews(), timeZone: TimeZone(secondsFromGMT: 0) ?? .current, rolloverHour: 4)
        #expect(data.items.count == figures.items)
        let defaults = ModelEvaluation.evaluate(LearnerSettings.defaultFSRSParameters, on: data)
        let theirs = ModelEvaluation.evaluate(figures.fsrs_rs.parameters, on: data)
        let d = try #require(figures.per_item["defaults"]), f = try #require(figures.per_item["fsrs-rs fitted"])
        // fsrs-rs computes in f32.
        #expect(abs(defaults.logLoss - d.log_loss) < 1e-4)
        #expect(abs(defaults.rmseBins - d.rmse_bins) < 1e-4)
        #expect(abs(theirs.logLoss - f.log_loss) < 1e-4)
        #expect(abs(theirs.rmseBins - f.rmse_bins) < 1e-4)
    }

    @Test func fitIsWithinOnePercentOfFSRSRS() throws {
        let figures = try JSONDecoder().decode(Figures.self, from: try Self.fixture("optimizer-josh-3000.fsrs-rs.json"))
        let data = ReviewDataset(try Self.reviews(), timeZone: TimeZone(secondsFromGMT: 0) ?? .current, rolloverHour: 4)
        let fit = try Optimizer().fit(data)
        let ours = ModelEvaluation.evaluate(fit.parameters, on: data)
        let f = try #require(figures.per_item["fsrs-rs fitted"])
        #expect(ours.logLoss <= f.log_loss * 1.01)
        #expect(ours.rmseBins <= f.rmse_bins * 1.01)
    }
}
