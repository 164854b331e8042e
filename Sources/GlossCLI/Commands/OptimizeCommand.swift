import ArgumentParser
import Foundation
import GlossCore
import GlossStore

/// `gloss optimize --reviews FILE.csv`: fits FSRS-6 parameters to a review log and prints
/// them with log loss and RMSE(bins) for the defaults and the fit. (Not registered yet:
/// the lead wires it to the learner's journal and settings, and asks before saving.)
struct OptimizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "optimize", abstract: "Fit the FSRS parameters to your own review history.")

    @Option(help: "A review log in the FSRS CSV format (card_id,review_rating,review_time,review_duration).")
    var reviews: String

    @Option(help: "Hour (UTC) at which a study day starts.")
    var rolloverHour = 4

    @Option(help: "Seed of the mini-batch shuffle.")
    var seed: UInt64 = 2023

    func run() throws {
        let log = try ReviewLogCSV.read(contentsOf: URL(fileURLWithPath: reviews))
        let data = ReviewDataset(log.reviews, timeZone: TimeZone(secondsFromGMT: 0) ?? .current, rolloverHour: rolloverHour)
        var configuration = OptimizerConfiguration()
        configuration.seed = seed
        let start = DispatchTime.now().uptimeNanoseconds
        let fit: FittedParameters
        do {
            fit = try Optimizer(configuration: configuration).fit(data)
        } catch {
            FileHandle.standardError.write(Data("gloss: \(error)\n".utf8))
            throw ExitCode(1)
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let before = ModelEvaluation.evaluate(LearnerSettings.defaultFSRSParameters, on: data)
        let after = ModelEvaluation.evaluate(fit.parameters, on: data)
        print("\(data.reviewCount) reviews, \(fit.itemCount) items (\(fit.trainedItemCount) trained on)")
        print("parameters: " + fit.parameters.map { String(format: "%.4f", $0) }.joined(separator: ", "))
        print("            log loss  RMSE(bins)")
        print(String(format: "defaults   %9.4f %11.4f", before.logLoss, before.rmseBins))
        print(String(format: "fitted     %9.4f %11.4f   (%.3f s)", after.logLoss, after.rmseBins, seconds))
    }
}
