import Foundation

/// Why a learner's settings were refused; each case names the setting, the value and what is allowed.
public enum SettingsError: Error, Equatable, CustomStringConvertible {
    /// No setting has this name; `suggestion` is the closest one.
    case unknown(String, suggestion: String?)
    /// The value (as typed, or as stored) is not one the setting allows.
    case invalid(Setting, value: String)
    case parameters(FSRSParameterError)
    /// The time zone (of recorded scheduling rules) is not one this machine knows.
    case unknownTimeZone(String)

    public var description: String {
        switch self {
        case .unknown(let name, let suggestion):
            "no setting '\(name)'" + (suggestion.map { " — did you mean '\($0)'?" } ?? " — 'settings' lists them")
        case .invalid(let setting, let value): "'\(value)' is not a valid \(setting.rawValue): expected \(setting.help)"
        case .parameters(let e): e.description
        case .unknownTimeZone(let name): "time zone '\(name)' is not known on this machine"
        }
    }
}

extension LearnerSettings {
    /// Desired retention must lie in this range.
    public static let retentionRange: ClosedRange<Double> = 0.70...0.99

    /// Checks every setting against its range (`Setting.check`) and the FSRS parameters;
    /// throws the first problem, said for people.
    public func validate() throws(SettingsError) {
        for setting in Setting.allCases { try setting.check(self) }
        do { _ = try FSRSParameters(migrating: fsrsParameters) } catch { throw .parameters(error) }
    }
}
