import ArgumentParser
import Foundation
import GlossCore
import GlossStore

/// `rebuild`: recomputes every card state from the review log and saves the snapshot.
struct RebuildCommand: GlossCommand {
    static let configuration = CommandConfiguration(
        commandName: "rebuild", abstract: "Recompute every card state from the review log (the source of truth).")

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Rebuild even when the log has fewer cards than the snapshot (the old snapshot is kept).")
    var yes = false

    func run(in session: Session) throws {
        // Rebuild reads the log once itself; release this session's own lock first.
        try session.closeProgress()
        let report = try ProgressStore.rebuild(
            folder: URL(fileURLWithPath: session.progressFolder), learner: session.learner,
            device: session.options.device, timeZone: .current
        ) { report in
            if yes { return true }
            guard isatty(STDIN_FILENO) == 1 else { return false }
            let question =
                "The review log has no progress for \(report.droppedCards) card(s) the snapshot has; rebuild anyway? [y/N] "
            guard case .line(let answer) = session.answerReader().readLine(prompt: question) else { return false }
            return ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased())
        }
        session.console.line(report.summary)
    }
}

/// `doctor`: checks a learner's files and says what it found in plain words.
struct DoctorCommand: GlossCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check the learner's progress files: snapshot vs. log, orphaned cards, lock, torn lines.")

    @OptionGroup var global: GlobalOptions

    func run(in session: Session) throws {
        // The doctor reads the files itself; release this session's own lock first.
        try session.closeProgress()
        let cards = Set(session.library.decks.flatMap { DeckCards.of($0).map(\.key) })
        let report = try ProgressDoctor.examine(
            folder: URL(fileURLWithPath: session.progressFolder), learner: session.learner, deckCards: cards,
            timeZone: .current)
        for line in report.lines { session.console.line(line) }
        if !report.isHealthy { throw ExitCode(1) }
    }
}
