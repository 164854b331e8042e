import ArgumentParser
import Foundation
import GlossCore
import GlossStore

/// `gloss evaluate --reviews FILE.csv`: log loss and RMSE(bins) of parameters on a review
/// log, in-sample and out-of-sample (time-series split). (Not registered yet.)
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate", abstract: "How well the FSRS parameters predict your review history.")

    @Option(help: "A review log in the FSRS CSV format.")
    var reviews: String

    @Option(help: "21 comma-separated FSRS parameters (default: the FSRS-6 defaults).")
    var parameters: String?

    @Option(help: "Hour (UTC) at which a study day starts.")
    var rolloverHour = 4

    func run() throws {
        let log = try ReviewLogCSV.read(contentsOf: URL(fileURLWithPath: reviews))
        let data = ReviewDataset(log.reviews, timeZone: TimeZone(secondsFromGMT: 0) ?? .current, rolloverHour: rolloverHour)
        var w = LearnerSettings.defaultFSRSParameters
        if let parameters {
            w = try FSRSParameters(parameters.split(separator: ",").compactMap {
                Double($0.trimmingCharacters(in: .whitespaces))
            }).values
        }
        let inSample = ModelEvaluation.evaluate(w, on: data)
        let outOfSample = ModelEvaluation.timeSeriesSplit(data, fallback: w)
        print(String(format: "in-sample       log loss %.4f  RMSE(bins) %.4f  (%d items)", inSample.logLoss, inSample.rmseBins, inSample.count))
        print(String(format: "out-of-sample   log loss %.4f  RMSE(bins) %.4f  (%d items, 5-fold time-series split)", outOfSample.logLoss, outOfSample.rmseBins, outOfSample.count))
    }
}
