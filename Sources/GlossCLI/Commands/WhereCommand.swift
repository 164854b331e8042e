import ArgumentParser

/// `where`: the decks and progress folders in use, and why those.
struct WhereCommand: GlossCommand {
    static let configuration = CommandConfiguration(
        commandName: "where", abstract: "Show which decks and progress folders are in use, and why.")

    @OptionGroup var global: GlobalOptions

    func run(in session: Session) throws {
        for line in session.folders.whereLines { session.console.line(line) }
    }
}
