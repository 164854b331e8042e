import Foundation

extension LearnerSettings {
    /// Desired retention must lie in this range.
    public static let retentionRange: ClosedRange<Double> = 0.70...0.99

    /// Checks every setting against its range (`Setting.check`) and the FSRS parameters;
    /// throws the first problem, said for people.
    public func validate() throws(CoreError) {
        for setting in Setting.allCases { try setting.check(self) }
        _ = try FSRSParameters(migrating: fsrsParameters)
    }
}
