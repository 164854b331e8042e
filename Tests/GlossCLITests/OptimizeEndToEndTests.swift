import Foundation
import Testing

/// `optimize` and `evaluate` on the built binary.
@Suite struct OptimizeEndToEndTests {
    /// A real learner's 12,580 reviews, committed with GlossStoreTests' fixtures.
    static let josh = BinaryRunner.packageRoot.appendingPathComponent(
        "Tests/GlossStoreTests/Fixtures/reviews/review-log-josh.csv")

    @Test func optimizeFitsTheJoshLogAndSavesOnlyWhenAsked() throws {
        let folder = try BinaryRunner.projectFolder()
        let declined = try BinaryRunner.run(
            ["optimize", "--reviews", Self.josh.path, "--learner", "j"], input: "n\n", in: folder)
        #expect(declined.status == 0)
        #expect(declined.stdout.contains("Fitted on review-log-josh.csv: 12580 reviews, 6276 training items"))
        #expect(
            declined.stdout.contains(
                "  current  log loss 0.4650  RMSE(bins) 0.0832\n  fitted   log loss 0.4493  RMSE(bins) 0.0446\n"))
        #expect(declined.stdout.hasSuffix("Not saved; your parameters are unchanged.\n"))

        let applied = try BinaryRunner.run(["optimize", "--reviews", Self.josh.path, "--learner", "j", "--apply"], in: folder)
        #expect(applied.stdout.hasSuffix("Saved: j's cards are now scheduled with the fitted parameters.\n"))
        let snapshot =
            try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("Progress/j.json")))
            as? [String: Any]
        let parameters = (snapshot?["settings"] as? [String: Any])?["fsrsParameters"] as? [Double]
        #expect(parameters?.count == 21)
        #expect(parameters?.first.map { abs($0 - 0.1271) < 0.0001 } == true)

        let evaluated = try BinaryRunner.run(["evaluate", "--reviews", Self.josh.path, "--learner", "j"], in: folder)
        #expect(evaluated.stdout.contains("in-sample      log loss 0.4493  RMSE(bins) 0.0446"))
    }

    @Test func tooLittleHistoryKeepsTheDefaults() throws {
        let folder = try BinaryRunner.temporaryFolder()
        let run = try BinaryRunner.run(["optimize", "--learner", "fresh"], in: folder)
        #expect(run.status == 0)
        #expect(
            run.stdout
                == "not enough review history to optimize: 0 reviews give 0 answers a day or more after the previous one, and at least 400 are needed; keeping the current parameters\n"
        )
    }
}
