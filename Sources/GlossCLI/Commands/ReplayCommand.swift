import ArgumentParser
import Foundation
import GlossCore
import GlossStore

/// `replay REVIEWS.csv`: runs a review log through FSRS-6 and prints every step.
struct ReplayCommand: GlossCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Replay an FSRS review log (card_id,review_rating,review_time,review_duration) and print each state.",
        discussion:
            "Prints card_id,review_time,rating,elapsed_days,retrievability,stability,difficulty,interval_days,state per review. Bad rows are reported with their line number and the run exits 2."
    )

    @Argument(help: "The review log CSV.")
    var file: String

    @Option(name: .long, help: "Learning steps: none (day-based) or default (py-fsrs's: 1m 10m; relearn 10m).")
    var steps: String = "default"

    @Option(name: .long, help: ArgumentHelp("Desired retention, \(Setting.retention.allowed)."))
    var retention: Double = 0.9

    @Option(name: .long, help: "FSRS parameters: 17, 19 or 21 numbers separated by commas (default: FSRS-6 defaults).")
    var params: String?

    @Flag(help: "Print a JSON array instead of CSV.")
    var json = false

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard Replay.Steps(rawValue: steps) != nil else {
            throw ValidationError("--steps must be 'none' or 'default', not '\(steps)'")
        }
        guard LearnerSettings.retentionRange.contains(retention) else {
            throw ValidationError("--retention must be \(Setting.retention.allowed), not \(retention)")
        }
    }

    func run(in session: Session) throws {
        let parameters = try parseParameters(params)
        let contents = try ReviewLogCSV.read(contentsOf: URL(fileURLWithPath: file))
        if !contents.problems.isEmpty {
            for problem in contents.problems { session.console.error(problem.description) }
            throw ExitCode(2)
        }
        let scheduler = try Replay.scheduler(
            steps: Replay.Steps(rawValue: steps) ?? .default, retention: retention, parameters: parameters)
        let rows = Replay.run(contents.reviews, scheduler: scheduler)
        session.console.write(json ? try Replay.json(rows) + "\n" : Replay.csv(rows))
    }
}

/// Parses `--params`: numbers separated by commas or spaces; empty for the defaults.
func parseParameters(_ text: String?) throws -> [Double] {
    guard let text, !text.trimmingCharacters(in: .whitespaces).isEmpty else { return [] }
    var values: [Double] = []
    for word in text.split(whereSeparator: { $0 == "," || $0 == " " }) {
        guard let value = Double(word) else { throw ValidationError("--params: '\(word)' is not a number") }
        values.append(value)
    }
    return values
}
