import ArgumentParser
import Foundation
import GlossCore
import GlossStore

/// `learner [NAME]`: lists the learners with their last study day, or switches to one.
///
/// A name the progress folder does not have is refused (with the closest one it has) unless
/// `--new` is given or it is the folder's first learner; the REPL asks instead.
struct LearnerCommand: GlossCommand {
    static let configuration = CommandConfiguration(
        commandName: "learner",
        abstract: "List the learners and their last study day, or switch to one (a new one with --new).")

    @Argument(help: "The learner to switch to: letters, digits, '-', '_' and '.'.")
    var name: String?

    @OptionGroup var global: GlobalOptions

    func run(in session: Session) throws {
        guard let name else {
            list(session)
            return
        }
        try LearnerName.validate(name)
        let previous = session.learner, previousAllowed = session.learnerAllowed
        if !global.newLearner && !session.isKnownOrFirst(name) {
            guard let reader = session.reader else {
                throw CLIError.unknownLearner(
                    name, folder: session.progressFolder, suggestion: closestMatch(to: name, in: session.learnerNames))
            }
            guard case .line(let answer) = reader.readLine(prompt: "start a new learner '\(name)'? [y/N] "),
                ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased())
            else {
                session.console.line("Still learning as \(previous).")
                return
            }
        }
        try session.closeProgress()
        session.learner = name
        session.learnerAllowed = true
        do {
            let store = try session.progress()
            let cards = store.state.cards.count
            session.console.line("Now learning as \(name)" + (cards == 0 ? " (new learner)." : " (\(cards) cards seen)."))
        } catch {
            session.learner = previous
            session.learnerAllowed = previousAllowed
            throw error
        }
    }

    /// The current learner, then every learner of the progress folder with the day of their last answer.
    private func list(_ session: Session) {
        let console = session.console
        console.line("Learner: \(session.learner)")
        let learners = LearnerDirectory.learners(in: URL(fileURLWithPath: session.progressFolder))
        guard !learners.isEmpty else { return }
        console.line("Learners in \(session.progressFolder):")
        let width = learners.map(\.name.count).max() ?? 0
        for learner in learners {
            let mark = learner.name == session.learner ? "*" : " "
            let last = learner.lastAnswer.map { "last studied \(Self.day($0))" } ?? "no answers yet"
            console.line("\(mark) \(learner.name.padding(toLength: width, withPad: " ", startingAt: 0))  \(last)")
        }
    }

    /// `date`'s day in the local time zone, `2026-01-31`.
    static func day(_ date: Date) -> String {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: .current, from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
}
