import ArgumentParser
import GlossCore

/// `undo [N]`: reverts the last N answers (their card states and log entries).
struct UndoCommand: GlossCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo", abstract: "Undo the last answer (or the last N); the log keeps a record of the undo.")

    @Argument(help: "How many answers to undo.")
    var count = 1

    @OptionGroup var global: GlobalOptions

    func run(in session: Session) throws {
        let store = try session.progress()
        var undone = 0
        for _ in 0..<max(1, count) {
            guard let record = try store.undo() else { break }
            undone += 1
            let term = session.library.deck(record.card.deck)?.entry(record.card.entry)?.term ?? record.card.entry.rawValue
            session.console.line(
                "Undid \(record.kind == .practice ? "practice answer" : "answer") to '\(term)' (\(record.card.facet)).")
        }
        if undone == 0 { session.console.line("Nothing to undo.") }
    }
}
