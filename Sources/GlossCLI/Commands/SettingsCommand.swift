import ArgumentParser
import GlossCore

/// `settings`: the learner's settings and what each means.
struct SettingsCommand: GlossCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings", abstract: "Show the current learner's settings.")

    @OptionGroup var global: GlobalOptions

    func run(in session: Session) throws {
        let settings = try session.progress().settings
        let width = Setting.allCases.map(\.rawValue.count).max() ?? 0
        session.console.line("Settings of \(session.learner) (change with: set KEY VALUE):")
        for key in Setting.allCases {
            let value = key.value(in: settings)
            session.console.line(
                "  " + key.rawValue.padding(toLength: width + 2, withPad: " ", startingAt: 0)
                    + (value.count < 10 ? value.padding(toLength: 10, withPad: " ", startingAt: 0) : value + "  ")
                    + session.console.paint(key.help, .dim))
        }
    }
}

/// `set KEY VALUE`: changes one setting, read and checked by GlossCore's `Setting`, saved at once.
struct SetCommand: GlossCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", abstract: "Change a setting: set KEY VALUE (see 'settings').")

    @Argument(help: "The setting.")
    var key: String

    @Argument(
        parsing: .allUnrecognized,
        help: "The new value (a negative number too: set new-per-day -1 is refused by its range, not read as an option).")
    var value: [String] = []

    @OptionGroup var global: GlobalOptions

    func run(in session: Session) throws {
        let setting = try Setting.named(key)
        guard !value.isEmpty else { throw ValidationError("set \(key) needs a value: \(setting.help)") }
        let store = try session.progress()
        var settings = store.settings
        try setting.apply(value.joined(separator: " "), to: &settings)
        try settings.validate()
        try store.updateSettings(settings)
        session.console.line("\(setting.rawValue) = \(setting.value(in: settings))")
    }
}
