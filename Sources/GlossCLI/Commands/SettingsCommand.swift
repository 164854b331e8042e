import ArgumentParser
import GlossCore

/// `settings`: the learner's settings and what each means.
struct SettingsCommand: GlossCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings", abstract: "Show the current learner's settings.")

    @OptionGroup var global: GlobalOptions

    func run(in session: Session) throws {
        let settings = try session.progress().settings
        let width = SettingKey.allCases.map(\.rawValue.count).max() ?? 0
        session.console.line("Settings of \(session.learner) (change with: set KEY VALUE):")
        for key in SettingKey.allCases {
            let value = key.value(in: settings)
            session.console.line(
                "  " + key.rawValue.padding(toLength: width + 2, withPad: " ", startingAt: 0)
                    + value.padding(toLength: 10, withPad: " ", startingAt: 0) + session.console.paint(key.help, .dim))
        }
    }
}

/// `set KEY VALUE`: changes one setting, validated, saved at once.
struct SetCommand: GlossCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", abstract: "Change a setting: set KEY VALUE (see 'settings').")

    @Argument(help: "The setting.")
    var key: String

    @Argument(help: "The new value.")
    var value: [String] = []

    @OptionGroup var global: GlobalOptions

    func run(in session: Session) throws {
        guard let setting = SettingKey(rawValue: key.lowercased()) else {
            throw SettingError.unknownKey(key, suggestion: closestMatch(to: key, in: SettingKey.allCases.map(\.rawValue)))
        }
        guard !value.isEmpty else { throw ValidationError("set \(key) needs a value: \(setting.help)") }
        let store = try session.progress()
        var settings = store.settings
        try setting.apply(value.joined(separator: " "), to: &settings)
        try settings.validate()
        try store.updateSettings(settings)
        session.console.line("\(setting.rawValue) = \(setting.value(in: settings))")
    }
}
