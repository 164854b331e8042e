import Foundation

/// What decides a card's next state besides the answer: the learner's scheduling settings
/// and the time zone whose study days FSRS counts. The journal records them when they change
/// (`ReviewRecord.rules`), so replaying the answers rebuilds every state exactly, on any
/// machine, whatever the settings are today.
///
/// ```swift
/// let rules = ScheduleRules(settings: settings, timeZone: TimeZone(identifier: "Europe/Paris"))
/// let scheduler = try rules.makeScheduler()
/// ```
public struct ScheduleRules: Hashable, Codable, Sendable {
    public var algorithm: SchedulerAlgorithm
    public var fsrsParameters: [Double]
    public var desiredRetention: Double
    public var maximumIntervalDays: Int
    public var fuzz: Bool
    public var learningSteps: [Double]
    public var relearningSteps: [Double]
    public var rolloverHour: Int
    /// The time zone's identifier; nil: elapsed time in 24-hour spans (no study days).
    public var timeZone: String?

    public init(settings: LearnerSettings, timeZone: TimeZone?) {
        algorithm = settings.algorithm
        fsrsParameters = settings.fsrsParameters
        desiredRetention = settings.desiredRetention
        maximumIntervalDays = settings.maximumIntervalDays
        fuzz = settings.fuzz
        learningSteps = settings.learningSteps
        relearningSteps = settings.relearningSteps
        rolloverHour = settings.rolloverHour
        self.timeZone = timeZone?.identifier
    }

    /// The rules of default settings, in 24-hour spans: those of a journal that records none.
    public static let defaults = ScheduleRules(settings: LearnerSettings(), timeZone: nil)

    /// The settings these rules take their values from (the others at their defaults).
    public var settings: LearnerSettings {
        var settings = LearnerSettings()
        settings.algorithm = algorithm
        settings.fsrsParameters = fsrsParameters
        settings.desiredRetention = desiredRetention
        settings.maximumIntervalDays = maximumIntervalDays
        settings.fuzz = fuzz
        settings.learningSteps = learningSteps
        settings.relearningSteps = relearningSteps
        settings.rolloverHour = rolloverHour
        return settings
    }

    /// The scheduler the rules select; throws for values no setting allows, or a time zone
    /// this machine does not know.
    public func makeScheduler() throws(CoreError) -> any Scheduler {
        var clock: DayClock?
        if let timeZone {
            guard let zone = TimeZone(identifier: timeZone) else { throw .settings(.unknownTimeZone(timeZone)) }
            clock = DayClock(timeZone: zone, rolloverHour: rolloverHour)
        }
        return try settings.makeScheduler(dayClock: clock)
    }
}
