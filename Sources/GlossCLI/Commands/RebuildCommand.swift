import ArgumentParser
import Foundation
import GlossCore
import GlossStore

/// `rebuild`: recomputes every card state from the review log and saves the snapshot.
struct RebuildCommand: GlossCommand {
    static let configuration = CommandConfiguration(
        commandName: "rebuild", abstract: "Recompute every card state from the review log (the source of truth).")

    @OptionGroup var global: GlobalOptions

    func run(in session: Session) throws {
        // Rebuild reads the log once itself; release this session's own lock first.
        try session.closeProgress()
        let report = try ProgressStore.rebuild(
            folder: URL(fileURLWithPath: session.options.progressFolder), learner: session.learner, timeZone: .current)
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
            folder: URL(fileURLWithPath: session.options.progressFolder), learner: session.learner, deckCards: cards)
        for line in report.lines { session.console.line(line) }
        if !report.isHealthy { throw ExitCode(1) }
    }
}
