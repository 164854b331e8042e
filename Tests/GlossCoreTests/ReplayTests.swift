import Foundation
import Testing

@testable import GlossCore

@Suite struct ReplayTests {
    func review(_ card: String, _ rating: Rating, _ time: String) throws -> LoggedReview {
        LoggedReview(cardID: card, rating: rating, time: try #require(ISOTime.parse(time)))
    }

    @Test func rowsWithLearningSteps() throws {
        let scheduler = try Replay.scheduler(steps: .default, retention: 0.9, parameters: [])
        let rows = Replay.run(
            [
                try review("a", .again, "2024-03-29T20:32:32.250000+00:00"),
                try review("b", .good, "2024-03-29T20:33:00Z"),
                try review("a", .good, "2024-03-29T20:33:40.250000+00:00"),
            ], scheduler: scheduler)
        #expect(
            Replay.csv(rows) == """
                card_id,review_time,rating,elapsed_days,retrievability,stability,difficulty,interval_days,state
                a,2024-03-29T20:32:32.250000+00:00,1,0,0.0,0.212,6.4133,0.000694,learning
                b,2024-03-29T20:33:00.000000+00:00,3,0,0.0,2.3065,2.118103970459016,0.006944,learning
                a,2024-03-29T20:33:40.250000+00:00,3,0,1.0,\(rows[2].stability),\(rows[2].difficulty),0.006944,learning

                """)
    }

    @Test func rowsWithoutStepsGoStraightToReview() throws {
        let scheduler = try Replay.scheduler(steps: .none, retention: 0.9, parameters: [])
        let rows = Replay.run(
            [
                try review("a", .good, "2024-01-01T00:00:00Z"),
                try review("a", .good, "2024-01-03T12:00:00Z"),
            ], scheduler: scheduler)
        #expect(rows.map(\.phase) == [.review, .review])
        #expect(rows[0].intervalDays == 2)  // S = 2.3065 at 90 % → round(2.3065) = 2
        #expect(rows[1].elapsedDays == 2)
        #expect(
            relativelyClose(
                rows[1].retrievability,
                FSRS.retrievability(elapsedDays: 2.0, stability: 2.3065, w: LearnerSettings.defaultFSRSParameters)))
    }

    @Test func jsonUsesHeaderNames() throws {
        let scheduler = try Replay.scheduler(steps: .none, retention: 0.9, parameters: [])
        let rows = Replay.run([try review("a", .easy, "2024-01-01T00:00:00Z")], scheduler: scheduler)
        let json = try Replay.json(rows)
        #expect(json.contains("\"card_id\" : \"a\""))
        #expect(json.contains("\"interval_days\" : 8"))
        #expect(json.contains("\"state\" : \"review\""))
    }

    @Test func badOptionsAreRefused() {
        #expect(throws: CoreError.settings(.invalid(.retention, value: "0.5"))) {
            try Replay.scheduler(steps: .none, retention: 0.5, parameters: [])
        }
        #expect(throws: CoreError.parameters(.wrongCount(3))) {
            try Replay.scheduler(steps: .none, retention: 0.9, parameters: [1, 2, 3])
        }
    }

    @Test func sixDecimalsFormatting() {
        #expect(ReplayRow.sixDecimals(600.0 / 86_400) == "0.006944")
        #expect(ReplayRow.sixDecimals(330.0 / 86_400) == "0.003819")
        #expect(ReplayRow.sixDecimals(36500) == "36500.000000")
        #expect(ReplayRow.csvField("a,b") == "\"a,b\"")
    }
}
