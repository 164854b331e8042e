import ArgumentParser
import Foundation
import GlossStore

/// `where`: the decks and progress folders in use, and why those.
struct WhereCommand: GlossCommand {
    static let configuration = CommandConfiguration(
        commandName: "where", abstract: "Show which decks and progress folders are in use, and why.")

    @OptionGroup var global: GlobalOptions

    func run(in session: Session) throws {
        for line in session.folders.whereLines { session.console.line(line) }
        let given = session.options.device
        let set = !(ProcessInfo.processInfo.environment["GLOSS_DEVICE"] ?? "").isEmpty
        let why = given != nil ? "--device given" : set ? "$GLOSS_DEVICE set" : "the host name"
        session.console.line("device:   \(try DeviceName.resolve(given)) (\(why); its journal: `gloss devices`)")
    }
}
