import Foundation

/// Why a learner's settings were refused; each case names the setting and the value.
public enum SettingsError: Error, Equatable, CustomStringConvertible {
    case retention(Double)
    case limit(name: String, value: Int)
    case step(name: String, value: Double)
    case rolloverHour(Int)
    case maximumInterval(Int)
    case parameters(FSRSParameterError)

    public var description: String {
        switch self {
        case .retention(let r): "desired retention \(r) is out of range (0.70 to 0.99)"
        case .limit(let name, let v): "\(name) \(v) must be 0 or more"
        case .step(let name, let v): "\(name): step \(v) s must be a positive number of seconds"
        case .rolloverHour(let h): "rollover hour \(h) must be 0 to 23"
        case .maximumInterval(let d): "maximum interval \(d) days must be at least 1"
        case .parameters(let e): e.description
        }
    }
}

extension LearnerSettings {
    /// Desired retention must lie in this range.
    public static let retentionRange: ClosedRange<Double> = 0.70...0.99

    /// Checks every scheduling setting; throws the first problem, said for people.
    public func validate() throws(SettingsError) {
        guard Self.retentionRange.contains(desiredRetention) else { throw .retention(desiredRetention) }
        guard newPerDay >= 0 else { throw .limit(name: "new cards per day", value: newPerDay) }
        guard reviewsPerDay >= 0 else { throw .limit(name: "reviews per day", value: reviewsPerDay) }
        for s in learningSteps where !(s.isFinite && s > 0) { throw .step(name: "learning steps", value: s) }
        for s in relearningSteps where !(s.isFinite && s > 0) { throw .step(name: "relearning steps", value: s) }
        guard (0...23).contains(rolloverHour) else { throw .rolloverHour(rolloverHour) }
        guard maximumIntervalDays >= 1 else { throw .maximumInterval(maximumIntervalDays) }
        do { _ = try FSRSParameters(migrating: fsrsParameters) } catch { throw .parameters(error) }
    }
}
