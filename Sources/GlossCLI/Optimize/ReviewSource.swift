import ArgumentParser
import Foundation
import GlossCore
import GlossStore

/// Where `optimize` and `evaluate` read reviews: a CSV log, or the learner's own journal.
struct ReviewSource: ParsableArguments {
    @Option(name: .long, help: "A review log in the FSRS CSV format (default: the current learner's history).")
    var reviews: String?

    /// The reviews arranged for fitting, in the study days they are counted in. The
    /// learner's journal is read once, into a compact table, never as whole records.
    func load(in session: Session) throws -> (data: ReviewDataset, label: String) {
        if let reviews {
            let log = try ReviewLogCSV.read(contentsOf: URL(fileURLWithPath: reviews))
            if !log.problems.isEmpty {
                for problem in log.problems { session.console.error(problem.description) }
                throw ExitCode(2)
            }
            // A shared log has no home time zone: days are counted in UTC, rolling over at 4 am.
            let utc = TimeZone(identifier: "UTC") ?? .current
            return (ReviewDataset(log.reviews, timeZone: utc, rolloverHour: 4), (reviews as NSString).lastPathComponent)
        }
        let store = try session.progress(forReading: true)
        let clock = session.dayClock(store.settings)
        // The table is let go once grouped, before the dataset is built.
        let grouped = try store.reviewTable().groupedAnswers()
        return (
            ReviewDataset(grouped: grouped, timeZone: clock.timeZone, rolloverHour: clock.rolloverHour),
            "\(session.learner)'s history"
        )
    }
}

/// A progress bar on standard error, redrawn in place; silent when stderr is not a terminal.
struct ProgressBar {
    let label: String
    let enabled = isatty(STDERR_FILENO) == 1

    func update(_ fraction: Double) {
        guard enabled else { return }
        let width = 30
        let filled = Int((min(1, max(0, fraction)) * Double(width)).rounded())
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        FileHandle.standardError.writeAll("\r\(label) \(bar) \(Int(fraction * 100))%")
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.writeAll("\r\u{1B}[K")
    }
}

/// "log loss 0.4420  RMSE(bins) 0.0420"
func formatFit(_ evaluation: ModelEvaluation) -> String {
    String(format: "log loss %.4f  RMSE(bins) %.4f", evaluation.logLoss, evaluation.rmseBins)
}
