/// Why a learner's settings were refused (thrown as `CoreError.settings`); each case names
/// the setting, the value and what is allowed.
public enum SettingsProblem: Equatable, Sendable, CustomStringConvertible {
    /// No setting has this name; `suggestion` is the closest one.
    case unknown(String, suggestion: String?)
    /// The value (as typed, or as stored) is not one the setting allows.
    case invalid(Setting, value: String)
    /// The time zone (of recorded scheduling rules) is not one this machine knows.
    case unknownTimeZone(String)

    public var description: String {
        switch self {
        case .unknown(let name, let suggestion):
            "no setting '\(name)'" + (suggestion.map { " — did you mean '\($0)'?" } ?? " — 'settings' lists them")
        case .invalid(let setting, let value): "'\(value)' is not a valid \(setting.rawValue): expected \(setting.help)"
        case .unknownTimeZone(let name): "time zone '\(name)' is not known on this machine"
        }
    }
}
