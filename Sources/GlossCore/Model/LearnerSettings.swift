import Foundation

/// The scheduling algorithm a learner uses.
public enum SchedulerAlgorithm: String, Codable, Sendable, CaseIterable {
    case fsrs
    case sm2
}

/// A learner's settings: how much to study and how to schedule it.
///
/// Every field has a default, and a stored file that lacks a field reads the default,
/// so settings added later never break an older progress file.
public struct LearnerSettings: Hashable, Codable, Sendable {
    /// Probability of recall FSRS aims for at the due date (0.70–0.99).
    public var desiredRetention: Double = 0.9
    public var newPerDay: Int = 10
    public var reviewsPerDay: Int = 200
    /// Learning steps in seconds (default 1 m, 10 m); empty means day-based.
    public var learningSteps: [Double] = [60, 600]
    /// Relearning steps in seconds; none by default: a lapse's feedback shows the answer, so
    /// an answer minutes later is no evidence of memory, and the lapsed card comes back on the
    /// next study day (FSRS's post-lapse interval). docs/SCHEDULING.md.
    public var relearningSteps: [Double] = []
    /// Hour of the day (local time) at which a new study day starts, as in Anki.
    public var rolloverHour: Int = 4
    public var algorithm: SchedulerAlgorithm = .fsrs
    /// The 21 FSRS-6 parameters.
    public var fsrsParameters: [Double] = LearnerSettings.defaultFSRSParameters
    public var maximumIntervalDays: Int = 36500
    public var fuzz: Bool = true
    /// Stability (days) from which a card climbs the format ladder to production (typed term,
    /// cloze, naming a related term) instead of multiple choice; also the cap on intervals
    /// from recognition evidence under the `capped` grading policy.
    public var typedRecallThreshold: Double = 14
    public var color: Bool = true
    /// Classic flashcards (self-rated) instead of generated questions.
    public var flip: Bool = false
    /// Once a card of an entry is answered, its other facets wait for the next study day, and
    /// an entry's new facets are introduced on different days (as Anki buries siblings).
    public var burySiblings: Bool = true
    /// A new card's first encounter shows the entry, then asks (`Presentation`).
    public var presentNew: Bool = true
    /// How much a right multiple-choice answer counts (`GradingPolicy`).
    public var grading: GradingPolicy = .capped
    /// Lapses after which a card is a leech: said when it happens, listed by `gloss leeches`
    /// (0: never).
    public var leechThreshold: Int = 8
    /// What happens to a card that becomes a leech: kept in study, or suspended.
    public var leechAction: LeechAction = .keep
    /// Among the days fuzz allows, a review card goes to a less loaded one (``LoadBalancer``).
    public var loadBalance: Bool = true
    /// Per weekday, the share of the normal load the load balancer gives that day.
    public var easyDays = EasyDays()
    /// Whether new cards pause on a day with more reviews due than the review limit.
    public var newOnBacklog: BacklogNewCards = .pause
    /// The order due reviews are asked in (what a backlog asks first).
    public var backlogOrder: BacklogOrder = .weakestFirst
    /// On a backlog, a day asks at most this many times the usual daily load (``BacklogSpread``);
    /// 0 for off (only `reviewsPerDay` limits the day).
    public var backlogSpread: Double = BacklogSpread.defaultSpread
    /// New cards fill the day up to this many answers (reviews due, learning cards and the
    /// answers already given today count first), never more than `newPerDay`; 0 for off.
    public var dailyTarget: Int = 0
    /// Per-format logit offsets of predicted recall (`FormatCalibration`), keyed by format
    /// name, kept by `optimize` when they lower the out-of-sample log loss. Used to predict
    /// and evaluate, never to schedule (docs/SCHEDULING.md).
    public var formatOffsets: [String: Double] = [:]

    public static let defaultFSRSParameters: [Double] = [
        0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
        1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
    ]

    public init() {}

    private enum CodingKeys: String, CodingKey {
        case desiredRetention, newPerDay, reviewsPerDay, learningSteps, relearningSteps,
            rolloverHour, algorithm, fsrsParameters, maximumIntervalDays, fuzz,
            typedRecallThreshold, color, flip, burySiblings, presentNew, grading, leechThreshold, leechAction, loadBalance,
            easyDays, newOnBacklog, backlogOrder, backlogSpread, dailyTarget, formatOffsets
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = LearnerSettings()
        desiredRetention = try c.decodeIfPresent(Double.self, forKey: .desiredRetention) ?? d.desiredRetention
        newPerDay = try c.decodeIfPresent(Int.self, forKey: .newPerDay) ?? d.newPerDay
        reviewsPerDay = try c.decodeIfPresent(Int.self, forKey: .reviewsPerDay) ?? d.reviewsPerDay
        learningSteps = try c.decodeIfPresent([Double].self, forKey: .learningSteps) ?? d.learningSteps
        relearningSteps = try c.decodeIfPresent([Double].self, forKey: .relearningSteps) ?? d.relearningSteps
        rolloverHour = try c.decodeIfPresent(Int.self, forKey: .rolloverHour) ?? d.rolloverHour
        algorithm = try c.decodeIfPresent(SchedulerAlgorithm.self, forKey: .algorithm) ?? d.algorithm
        fsrsParameters = try c.decodeIfPresent([Double].self, forKey: .fsrsParameters) ?? d.fsrsParameters
        maximumIntervalDays = try c.decodeIfPresent(Int.self, forKey: .maximumIntervalDays) ?? d.maximumIntervalDays
        fuzz = try c.decodeIfPresent(Bool.self, forKey: .fuzz) ?? d.fuzz
        typedRecallThreshold = try c.decodeIfPresent(Double.self, forKey: .typedRecallThreshold) ?? d.typedRecallThreshold
        color = try c.decodeIfPresent(Bool.self, forKey: .color) ?? d.color
        flip = try c.decodeIfPresent(Bool.self, forKey: .flip) ?? d.flip
        burySiblings = try c.decodeIfPresent(Bool.self, forKey: .burySiblings) ?? d.burySiblings
        presentNew = try c.decodeIfPresent(Bool.self, forKey: .presentNew) ?? d.presentNew
        grading = try c.decodeIfPresent(GradingPolicy.self, forKey: .grading) ?? d.grading
        leechThreshold = try c.decodeIfPresent(Int.self, forKey: .leechThreshold) ?? d.leechThreshold
        leechAction = try c.decodeIfPresent(LeechAction.self, forKey: .leechAction) ?? d.leechAction
        loadBalance = try c.decodeIfPresent(Bool.self, forKey: .loadBalance) ?? d.loadBalance
        easyDays = try c.decodeIfPresent(EasyDays.self, forKey: .easyDays) ?? d.easyDays
        newOnBacklog = try c.decodeIfPresent(BacklogNewCards.self, forKey: .newOnBacklog) ?? d.newOnBacklog
        backlogOrder = try c.decodeIfPresent(BacklogOrder.self, forKey: .backlogOrder) ?? d.backlogOrder
        backlogSpread = try c.decodeIfPresent(Double.self, forKey: .backlogSpread) ?? d.backlogSpread
        dailyTarget = try c.decodeIfPresent(Int.self, forKey: .dailyTarget) ?? d.dailyTarget
        formatOffsets = try c.decodeIfPresent([String: Double].self, forKey: .formatOffsets) ?? d.formatOffsets
    }
}

extension LearnerSettings {
    /// ``formatOffsets`` by format (names this gloss does not know are left out).
    public var offsetsByFormat: [QuestionFormat: Double] {
        var offsets: [QuestionFormat: Double] = [:]
        for (name, offset) in formatOffsets {
            if let format = QuestionFormat(rawValue: name) { offsets[format] = offset }
        }
        return offsets
    }
}
