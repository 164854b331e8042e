import ArgumentParser
import Foundation
import GlossCore
import GlossStore

/// Where `optimize` and `evaluate` read reviews: a CSV log, or the learner's own journal.
struct ReviewSource: ParsableArguments {
    @Option(name: .long, help: "A review log in the FSRS CSV format (default: the current learner's history).")
    var reviews: String?

    /// The reviews, and the study-day clock they are counted in.
    func load(in session: Session) throws -> (reviews: [LoggedReview], clock: DayClock, label: String) {
        if let reviews {
            let log = try ReviewLogCSV.read(contentsOf: URL(fileURLWithPath: reviews))
            if !log.problems.isEmpty {
                for problem in log.problems { session.console.error(problem.description) }
                throw ExitCode(2)
            }
            // A shared log has no home time zone: days are counted in UTC, rolling over at 4 am.
            return (
                log.reviews, DayClock(timeZone: TimeZone(identifier: "UTC") ?? .current, rolloverHour: 4),
                (reviews as NSString).lastPathComponent
            )
        }
        let store = try session.progress(forReading: true)
        let records = try store.allRecords()
        let revoked = Set(records.compactMap(\.revokes))
        let reviews = records.filter { $0.kind == .review && !revoked.contains($0.seq) }.map {
            LoggedReview(cardID: $0.card.description, rating: $0.rating, time: $0.time, durationMs: $0.responseMs)
        }
        return (reviews, session.dayClock(store.settings), "\(session.learner)'s history")
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
