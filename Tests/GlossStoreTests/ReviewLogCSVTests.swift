import Foundation
import GlossCore
import Testing

@testable import GlossStore

@Suite struct ReviewLogCSVTests {
    @Test func readsRowsByHeaderName() throws {
        let text = """
            review_time,card_id,review_rating,review_duration,extra
            2024-03-29T20:32:32.250000+00:00,1711684180217,1,25060,x
            2024-03-29T22:32:39.497+02:00,abc,4,,y

            """
        let log = try ReviewLogCSV.parse(text, file: "log.csv")
        #expect(log.problems.isEmpty)
        #expect(log.reviews.count == 2)
        #expect(log.reviews[0].cardID == "1711684180217")
        #expect(log.reviews[0].rating == .again)
        #expect(log.reviews[0].durationMs == 25060)
        #expect(log.reviews[0].line == 2)
        #expect(ISOTime.format(log.reviews[0].time) == "2024-03-29T20:32:32.250000+00:00")
        #expect(ISOTime.format(log.reviews[1].time) == "2024-03-29T20:32:39.497000+00:00")
        #expect(log.reviews[1].durationMs == nil)
        #expect(log.reviews[1].rating == .easy)
    }

    @Test func reportsBadRowsWithLineNumbers() throws {
        let text = """
            card_id,review_rating,review_time,review_duration
            1,5,2024-03-29T20:32:32.250000+00:00,1
            2,3,yesterday,1
            3,3
            4,3,2024-03-29T20:32:32Z,1

            """
        let log = try ReviewLogCSV.parse(text, file: "log.csv")
        #expect(log.reviews.map(\.cardID) == ["4"])
        #expect(
            log.problems.map(\.description) == [
                "log.csv:2: unknown rating '5' (expected 1, 2, 3 or 4)",
                "log.csv:3: unparsable time 'yesterday' (expected ISO-8601, e.g. 2024-03-29T20:32:32.250000+00:00)",
                "log.csv:4: no value for column 'review_time'",
            ])
    }

    @Test func missingColumnIsRefused() {
        #expect(throws: StoreError.reviewLog(.missingColumn(file: "log.csv", column: "review_time"))) {
            try ReviewLogCSV.parse("card_id,review_rating\n1,3\n", file: "log.csv")
        }
    }

    @Test func unreadableFileNamesIt() throws {
        let url = try makeProgressFolder().appendingPathComponent("gone/log.csv")
        #expect(throws: StoreError.unreadable(file: url.path, reason: "no such file")) { try ReviewLogCSV.read(contentsOf: url) }
        #expect(
            StoreError.unreadable(file: "gone/log.csv", reason: "no such file").description
                == "gone/log.csv: cannot read: no such file")
    }
}

extension ReviewLogCSVTests {
    /// A real learner's log of 12,580 reviews (`Fixtures/reviews/review-log-josh.csv`; its first
    /// 3,000 are GlossCoreTests' optimizer fixture).
    static func joshLog() throws -> URL {
        try #require(Bundle.module.url(forResource: "Fixtures/reviews/review-log-josh", withExtension: "csv"))
    }

    /// The sample log (not a timed test: correctness only).
    @Test func readsSharedSampleLog() throws {
        let log = try ReviewLogCSV.read(contentsOf: Self.joshLog())
        #expect(log.problems.isEmpty)
        #expect(log.reviews.count == 12_580)
    }
}

extension ReviewLogCSVTests {
    /// Writes gloss's replay of the shared log to the temp folder, for
    /// `python3 scripts/fsrs-reference.py --check $TMPDIR/gloss-replay-josh-{none,default}.csv --steps ...`.
    @Test func replaysSharedSampleLog() throws {
        let log = try ReviewLogCSV.read(contentsOf: Self.joshLog())
        for steps in Replay.Steps.allCases {
            let rows = Replay.run(log.reviews, scheduler: try Replay.scheduler(steps: steps, retention: 0.9, parameters: []))
            #expect(rows.count == 12_580)
            #expect(rows.allSatisfy { $0.intervalDays > 0 && $0.stability > 0 && (1...10).contains($0.difficulty) })
            let out = FileManager.default.temporaryDirectory.appendingPathComponent("gloss-replay-josh-\(steps).csv")
            try Replay.csv(rows).write(to: out, atomically: true, encoding: .utf8)
        }
    }
}
