import ArgumentParser
import Foundation
import GlossCore
import GlossStore

/// Options every command takes: where decks and progress live, who is learning, and the
/// hidden knobs that make end-to-end runs reproducible.
public struct GlobalOptions: ParsableArguments {
    @Option(
        name: .long,
        help: "Folder of deck files (default $GLOSS_DECKS, else ./Decks, else config.toml, else ~/.local/share/gloss/decks).")
    var decks: String?

    @Option(
        name: .long,
        help:
            "Folder of learner progress (default $GLOSS_PROGRESS, else ./Progress beside ./Decks, else config.toml, else ~/.local/share/gloss/progress)."
    )
    var progress: String?

    @Option(name: .long, help: "The learner whose progress to use (default $USER, or 'default').")
    var learner: String?

    @Option(
        name: .long,
        help:
            "This machine's name when several devices share the progress folder: it writes only <learner>@<device>.reviews.jsonl (default $GLOSS_DEVICE, else the host name)."
    )
    var device: String?

    @Flag(name: .customLong("new"), help: "Start the --learner named if the progress folder does not have it yet.")
    var newLearner = false

    @Flag(name: .customLong("no-color"), help: "Never colour the output (also: NO_COLOR=1).")
    var noColor = false

    @Option(name: .long, help: .hidden)
    var now: String?

    @Option(name: .long, help: .hidden)
    var seed: UInt64?

    public init() {}

    /// The decks and progress folders these options mean, and why.
    func folders() throws -> Folders { try Folders.resolve(decks: decks, progress: progress) }

    var learnerName: String {
        if let learner { return learner }
        let user = ProcessInfo.processInfo.environment["USER"] ?? ""
        if user.isEmpty { return "default" }
        if (try? LearnerName.validate(user)) != nil { return user }
        // A name a file can't carry (`josé`): its ASCII slug (`jose`), else `default`.
        let folded = slug(user)
        return (try? LearnerName.validate(folded)) ?? "default"
    }

    /// The fixed time given with `--now`, parsed as ISO-8601.
    func fixedNow() throws -> Date? {
        guard let now else { return nil }
        guard let date = parseISODate(now) else {
            throw ValidationError("--now '\(now)' is not an ISO-8601 time (e.g. 2026-01-01T09:00:00Z)")
        }
        return date
    }
}

/// Parses ISO-8601 times with or without fractional seconds (`ISOTime`, the one parser:
/// `Z` or an offset, real calendar days).
func parseISODate(_ text: String) -> Date? {
    ISOTime.parse(text)
}
