import ArgumentParser
import GlossStore

/// `learner [NAME]`: shows or switches the learner (created on first use).
struct LearnerCommand: GlossCommand {
    static let configuration = CommandConfiguration(
        commandName: "learner", abstract: "Show the current learner, or switch to another (created on first use).")

    @Argument(help: "The learner to switch to: letters, digits, '-', '_' and '.'.")
    var name: String?

    @OptionGroup var global: GlobalOptions

    func run(in session: Session) throws {
        guard let name else {
            session.console.line("Learner: \(session.learner)")
            return
        }
        let previous = session.learner
        try session.closeProgress()
        session.learner = name
        do {
            let store = try session.progress()
            let cards = store.state.cards.count
            session.console.line("Now learning as \(name)" + (cards == 0 ? " (new learner)." : " (\(cards) cards seen)."))
        } catch {
            session.learner = previous
            throw error
        }
    }
}
