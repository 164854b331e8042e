import ArgumentParser
import Foundation
import GlossCore
import GlossStore

/// `optimize`: fits the 21 FSRS-6 parameters to the learner's own review history.
struct OptimizeCommand: GlossCommand {
    static let configuration = CommandConfiguration(
        commandName: "optimize",
        abstract: "Fit the FSRS parameters to your own review history (or a CSV review log).",
        discussion:
            "Prints the fitted parameters with log loss and RMSE(bins) for the current parameters and the fit, then asks before saving them."
    )

    @OptionGroup var source: ReviewSource

    @Flag(help: "Save the fitted parameters without asking.")
    var apply = false

    @Option(name: .customLong("fit-seed"), help: "Seed of the mini-batch shuffle (the same seed gives the same fit).")
    var fitSeed: UInt64 = 2023

    @OptionGroup var global: GlobalOptions

    func run(in session: Session) throws {
        let console = session.console
        let (data, label) = try source.load(in: session)
        var configuration = OptimizerConfiguration()
        configuration.seed = fitSeed
        let bar = ProgressBar(label: "fitting")
        let started = DispatchTime.now().uptimeNanoseconds
        let fit: FittedParameters
        do {
            fit = try Optimizer(configuration: configuration).fit(data, progress: bar.update)
            bar.finish()
        } catch {
            bar.finish()
            console.line("\(error)")
            return
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        let store = try session.progress(forReading: !apply)
        let current = try FSRSParameters(store.settings.fsrsParameters).values
        let before = ModelEvaluation.evaluate(current, on: data)
        let after = ModelEvaluation.evaluate(fit.parameters, on: data)
        console.line(
            "Fitted on \(label): \(data.reviewCount) reviews, \(fit.itemCount) training items, \(String(format: "%.2f", seconds)) s."
        )
        console.wrapped("Parameters: " + fit.parameters.map { String(format: "%.4f", $0) }.joined(separator: ", "))
        console.line("  current  " + formatFit(before))
        console.line("  fitted   " + formatFit(after))
        let better = after.logLoss < before.logLoss
        let parameters = better ? fit.parameters : current
        let check = FormatCalibration.offsetSplit(parameters, on: data)
        console.line(Self.offsetLine(check))
        let offsets = check.kept ? Self.stored(check.offsets) : [:]
        let offsetsChange = offsets != store.settings.formatOffsets
        guard better || offsetsChange else {
            console.line("The fit predicts your history no better than the current parameters; keeping them.")
            return
        }
        if !better { console.line("The fit predicts your history no better than the current parameters; keeping them.") }
        let what =
            better ? "these parameters" : check.kept ? "the per-format offsets" : "the parameters without per-format offsets"
        var save = apply
        if !save {
            let reader = session.answerReader()
            if case .line(let answer) = reader.readLine(prompt: "Save \(what) for \(session.learner)? [y/N] ") {
                save = ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased())
            }
        }
        guard save else {
            console.line("Not saved; your parameters are unchanged.")
            return
        }
        // Read without the lock so far; saving takes it (and waits for no one: a study
        // session holding it makes this a clear `locked` error).
        let writable = try session.progress()
        var settings = writable.settings
        settings.fsrsParameters = parameters
        settings.formatOffsets = offsets
        try settings.validate()
        try writable.updateSettings(settings)
        if better {
            console.line("Saved: \(session.learner)'s cards are now scheduled with the fitted parameters.")
        } else {
            console.line("Saved: \(session.learner)'s per-format offsets (used to predict recall, not to schedule).")
        }
    }

    /// "per-format offsets lower log loss 0.4120 → 0.3980 (out of sample): kept", or why not.
    static func offsetLine(_ check: FormatCalibration.OffsetCheck) -> String {
        guard !check.offsets.isEmpty, check.with.count > 0 else {
            return "per-format offsets: not fitted (no question format has \(FormatCalibration.minimumAnswers) answers)"
        }
        let figures = String(format: "log loss %.4f → %.4f (out of sample)", check.without.logLoss, check.with.logLoss)
        return check.kept ? "per-format offsets lower \(figures): kept" : "per-format offsets do not lower \(figures): not kept"
    }

    /// Offsets as settings store them, by format name.
    static func stored(_ offsets: [QuestionFormat: Double]) -> [String: Double] {
        Dictionary(uniqueKeysWithValues: offsets.map { ($0.key.rawValue, $0.value) })
    }
}

/// `evaluate`: how well the current parameters predict the history, in and out of sample.
struct EvaluateCommand: GlossCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract:
            "How well the FSRS parameters predict your history: log loss and RMSE(bins), in and out of sample, and per question format."
    )

    @OptionGroup var source: ReviewSource

    @Option(name: .long, help: "Parameters to evaluate: 17, 19 or 21 numbers, comma-separated (default: the learner's).")
    var params: String?

    @OptionGroup var global: GlobalOptions

    func run(in session: Session) throws {
        let console = session.console
        let (data, label) = try source.load(in: session)
        let given = try parseParameters(params)
        let parameters = try FSRSParameters(
            given.isEmpty ? try session.progress(forReading: true).settings.fsrsParameters : given
        ).values
        let inSample = ModelEvaluation.evaluate(parameters, on: data)
        guard inSample.count > 0 else {
            console.line("No reviews a day or more apart in \(label) yet: nothing to evaluate.")
            return
        }
        let bar = ProgressBar(label: "out-of-sample")
        let outOfSample = ModelEvaluation.timeSeriesSplit(data, fallback: parameters, progress: bar.update)
        bar.finish()
        console.line("\(label): \(data.reviewCount) reviews, \(inSample.count) items")
        console.line("  in-sample      " + formatFit(inSample))
        console.line("  out-of-sample  " + formatFit(outOfSample) + "  (trained on the past, tested on the future)")
        let offsets = given.isEmpty ? try session.progress(forReading: true).settings.offsetsByFormat : [:]
        for line in Self.formatLines(FormatCalibration.rows(parameters, on: data), offsets: offsets, parameters, data) {
            console.line(line)
        }
    }

    /// The per-format table (when the log has formats), and the whole log with the learner's
    /// per-format offsets when they have some.
    static func formatLines(
        _ rows: [FormatCalibration.Row], offsets: [QuestionFormat: Double], _ parameters: [Double], _ data: ReviewDataset
    ) -> [String] {
        guard rows.contains(where: { $0.format != nil }) else { return [] }
        var lines = [
            "by question format (in-sample):",
            "  format             answers  log loss  RMSE(bins)  predicted  recalled",
        ]
        for row in rows {
            let name = (row.format?.rawValue ?? "(none)").padding(toLength: 17, withPad: " ", startingAt: 0)
            lines.append(
                "  " + name
                    + String(
                        format: "%9d  %8.4f  %10.4f  %9.3f  %8.3f", row.fit.count, row.fit.logLoss, row.fit.rmseBins,
                        row.meanPredicted, row.observed))
        }
        if !offsets.isEmpty {
            let adjusted = FormatCalibration.evaluate(parameters, on: data, offsets: offsets)
            lines.append("  with your per-format offsets  " + formatFit(adjusted))
        }
        return lines
    }
}
