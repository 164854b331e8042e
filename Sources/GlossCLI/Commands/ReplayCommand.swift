import ArgumentParser
import Foundation
import GlossCore
import GlossStore

/// `gloss replay REVIEWS.csv`: replays an FSRS review log and prints, per review, the card's
/// memory right after it (CSV, or JSON with `--json`). Bad rows go to stderr with their line
/// number, get no output row, and make the run exit 2.
///
/// Not registered yet: add `Replay.self` to the root command's subcommands.
struct Replay: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Replay an FSRS review log (card_id,review_rating,review_time,review_duration) through FSRS.")

    @Argument(help: "The review log CSV.")
    var reviews: String

    @Option(help: "Learning steps: 'none' (day-based) or 'default' (1m 10m, relearning 10m).")
    var steps: String = "default"

    @Option(help: "Desired retention, 0.70 to 0.99.")
    var retention: Double = 0.9

    @Option(help: "FSRS parameters, comma-separated: 21 numbers (or 17/19 from older FSRS).")
    var params: String?

    @Flag(help: "Print a JSON array instead of CSV.")
    var json = false

    func run() throws {
        guard let stepChoice = GlossCore.Replay.Steps(rawValue: steps) else {
            throw ValidationError("--steps must be 'none' or 'default', not '\(steps)'")
        }
        var parameters: [Double] = []
        if let params {
            for part in params.split(separator: ",") {
                guard let v = Double(part.trimmingCharacters(in: .whitespaces)) else {
                    throw ValidationError("--params: '\(part)' is not a number")
                }
                parameters.append(v)
            }
        }
        let scheduler: FSRSScheduler
        do {
            scheduler = try GlossCore.Replay.scheduler(steps: stepChoice, retention: retention, parameters: parameters)
        } catch {
            throw ValidationError(error.description)
        }
        let log: ReviewLogCSV.Contents
        do {
            log = try ReviewLogCSV.read(contentsOf: URL(fileURLWithPath: reviews))
        } catch {
            FileHandle.standardError.write(Data("gloss: \(error.description)\n".utf8))
            throw ExitCode(2)
        }
        let rows = GlossCore.Replay.run(log.reviews, scheduler: scheduler)
        let text = json ? try GlossCore.Replay.json(rows) : GlossCore.Replay.csv(rows)
        FileHandle.standardOutput.write(Data(text.utf8))
        for problem in log.problems {
            FileHandle.standardError.write(Data("gloss: \(problem.description)\n".utf8))
        }
        if !log.problems.isEmpty { throw ExitCode(2) }
    }
}
