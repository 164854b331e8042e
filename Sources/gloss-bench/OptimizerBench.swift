import Foundation
import GlossCore
import GlossStore

/// Fit time of the FSRS-6 optimizer on the josh review log and on a synthetic
/// 100,000-review log, with the figures of the fit (`scripts/bench-fsrs-rs.py` times
/// fsrs-rs on the same data).
@MainActor let optimizerBenches = BenchGroup(name: "optimizer") {
    var results: [BenchResult] = []
    let candidates = [
        ProcessInfo.processInfo.environment["GLOSS_REVIEW_LOG"],
        "../shared/data/review-log-josh.csv", "/work/shared/data/review-log-josh.csv",
    ].compactMap { $0 }
    if let path = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) {
        let log = try ReviewLogCSV.read(contentsOf: URL(fileURLWithPath: path))
        let data = ReviewDataset(log.reviews, timeZone: TimeZone(secondsFromGMT: 0) ?? .current, rolloverHour: 4)
        results.append(try fitBench(name: "fit josh log (\(data.reviewCount) reviews)", data: data))
    }
    var rng = SplitMix64(seed: 7)
    var truth = LearnerSettings.defaultFSRSParameters
    truth[8] = 1.6
    truth[9] = 0.25
    truth[11] = 1.7
    truth[20] = 0.3
    let synthetic = SyntheticReviews.generate(parameters: truth, reviews: 100_000, days: 1500, using: &rng)
    results.append(try fitBench(name: "fit synthetic (\(synthetic.reviewCount) reviews)", data: synthetic))
    return results
}

private func fitBench(name: String, data: ReviewDataset) throws -> BenchResult {
    let optimizer = Optimizer()
    var fitted: FittedParameters?
    let ns = try measure(iterations: 1, rounds: 3) { fitted = try optimizer.fit(data) }
    guard let fitted else { return BenchResult(name: name, nanosecondsPerOp: ns, operations: 1) }
    let before = ModelEvaluation.evaluate(LearnerSettings.defaultFSRSParameters, on: data)
    let after = ModelEvaluation.evaluate(fitted.parameters, on: data)
    let note = String(
        format: "items %d; log loss %.4f -> %.4f; RMSE(bins) %.4f -> %.4f; parameters %@",
        data.items.count, before.logLoss, after.logLoss, before.rmseBins, after.rmseBins,
        fitted.parameters.map { String(format: "%.4f", $0) }.joined(separator: ","))
    return BenchResult(name: name, nanosecondsPerOp: ns, operations: 1, note: note)
}
