import Foundation

/// A learner setting changed by name (`set new-per-day 20`): how its text reads, the values
/// it allows, and how it shows.
///
/// The one place that knows each setting's range: `set` parses through `apply(_:to:)`, and
/// `LearnerSettings.validate()` (run by every scheduler) checks through `check(_:)`, so the
/// two can't disagree.
///
/// ```swift
/// var settings = LearnerSettings()
/// try Setting.newPerDay.apply("20", to: &settings)   // settings.newPerDay == 20
/// try Setting.newPerDay.apply("10000", to: &settings)
/// // throws: '10000' is not a valid new-per-day: expected new cards per day, 0–9999
/// ```
public enum Setting: String, CaseIterable, Sendable {
    case retention
    case newPerDay = "new-per-day"
    case reviewsPerDay = "reviews-per-day"
    case learningSteps = "learning-steps"
    case relearningSteps = "relearning-steps"
    case rolloverHour = "rollover-hour"
    case algorithm
    case typedThreshold = "typed-threshold"
    case maxInterval = "max-interval"
    case fuzz
    case color
    case flip
    case burySiblings = "bury-siblings"
    case presentNew = "present-new"
    case grading
    case leechThreshold = "leech-threshold"
    case loadBalance = "load-balance"
    case easyDays = "easy-days"
    case newOnBacklog = "new-on-backlog"
    case backlogOrder = "backlog-order"
    case backlogSpread = "backlog-spread"
    case dailyTarget = "daily-target"
    case leechAction = "leech-action"

    /// How a setting is stored, read and bounded.
    enum Rule {
        /// A fraction, also read from a percentage (`95` or `95%` is 0.95).
        case retention(WritableKeyPath<LearnerSettings, Double>, ClosedRange<Double>)
        case whole(WritableKeyPath<LearnerSettings, Int>, ClosedRange<Int>)
        case number(WritableKeyPath<LearnerSettings, Double>, ClosedRange<Double>)
        /// Durations in seconds, each positive (`1m 10m`; `none` for none).
        case steps(WritableKeyPath<LearnerSettings, [Double]>)
        case toggle(WritableKeyPath<LearnerSettings, Bool>)
        case algorithm
        case grading
        case easyDays
        case newOnBacklog
        case backlogOrder
        /// A factor in a range, or 0 read from `off`.
        case factorOrOff(WritableKeyPath<LearnerSettings, Double>, ClosedRange<Double>)
        case leechAction
    }

    /// The table every parse and check goes through: each setting's field and range, declared once.
    var rule: Rule {
        switch self {
        case .retention: .retention(\.desiredRetention, LearnerSettings.retentionRange)
        case .newPerDay: .whole(\.newPerDay, 0...9999)
        case .reviewsPerDay: .whole(\.reviewsPerDay, 0...99999)
        case .learningSteps: .steps(\.learningSteps)
        case .relearningSteps: .steps(\.relearningSteps)
        case .rolloverHour: .whole(\.rolloverHour, 0...23)
        case .algorithm: .algorithm
        case .typedThreshold: .number(\.typedRecallThreshold, 0...3650)
        case .maxInterval: .whole(\.maximumIntervalDays, 1...36500)
        case .fuzz: .toggle(\.fuzz)
        case .color: .toggle(\.color)
        case .flip: .toggle(\.flip)
        case .burySiblings: .toggle(\.burySiblings)
        case .presentNew: .toggle(\.presentNew)
        case .grading: .grading
        case .leechThreshold: .whole(\.leechThreshold, 0...99)
        case .loadBalance: .toggle(\.loadBalance)
        case .easyDays: .easyDays
        case .newOnBacklog: .newOnBacklog
        case .backlogOrder: .backlogOrder
        case .backlogSpread: .factorOrOff(\.backlogSpread, BacklogSpread.range)
        case .dailyTarget: .whole(\.dailyTarget, 0...9999)
        case .leechAction: .leechAction
        }
    }

    /// The values allowed, as people read them: `0–9999`, `0.70–0.99`, `on or off`.
    public var allowed: String {
        switch rule {
        case .retention(_, let range): String(format: "%.2f–%.2f", range.lowerBound, range.upperBound)
        case .whole(_, let range): "\(range.lowerBound)–\(range.upperBound)"
        case .number(_, let range): "\(Self.text(range.lowerBound))–\(Self.text(range.upperBound))"
        case .steps: "durations such as 30s, 10m, 1h or 2d, or 'none'"
        case .toggle: "on or off"
        case .algorithm: SchedulerAlgorithm.allCases.map(\.rawValue).joined(separator: " or ")
        case .grading: "production, capped or plain"
        case .easyDays: "mon…sun=0–1 separated by commas (e.g. sat=0.5,sun=0), or 'none'"
        case .newOnBacklog: Self.names(BacklogNewCards.allCases.map(\.rawValue))
        case .backlogOrder: Self.names(BacklogOrder.allCases.map(\.rawValue))
        case .factorOrOff(_, let range): "\(Self.text(range.lowerBound))–\(Self.text(range.upperBound)) or off"
        case .leechAction: Self.names(LeechAction.allCases.map(\.rawValue))
        }
    }

    /// What the setting means and the values it allows, in one line.
    public var help: String {
        switch self {
        case .retention: "desired retention, \(allowed) (FSRS); 95 or 95% reads as 0.95"
        case .newPerDay: "new cards per day, \(allowed)"
        case .reviewsPerDay: "reviews per day, \(allowed)"
        case .learningSteps: "learning steps, e.g. '1m 10m', or 'none' for day-based"
        case .relearningSteps: "relearning steps, e.g. '10m', or 'none'"
        case .rolloverHour: "hour a study day starts (local time), \(allowed)"
        case .algorithm: "\(allowed)"
        case .typedThreshold: "stability in days above which recognition is typed, \(allowed)"
        case .maxInterval: "longest interval in days, \(allowed)"
        case .fuzz: "\(allowed): spread due dates a little"
        case .color: "\(allowed)"
        case .flip: "\(allowed): classic self-rated flashcards instead of questions"
        case .burySiblings: "\(allowed): an entry's other facets wait for the next day once one is answered"
        case .presentNew: "\(allowed): show a new card's entry before its first question"
        case .grading: "\(allowed): how much a right multiple-choice answer counts"
        case .leechThreshold: "lapses that make a card a leech (said, and listed by `leeches`), \(allowed); 0 for never"
        case .loadBalance: "\(allowed): among the days fuzz allows, put a review on a less loaded one"
        case .easyDays: "per weekday, the share of the normal load, \(allowed)"
        case .newOnBacklog: "\(allowed): new cards on a day with more reviews due than reviews-per-day"
        case .backlogOrder: "\(allowed): which due reviews come first (retrievability ascending, descending, overdue ratio)"
        case .backlogSpread: "times the usual daily load a day asks of a backlog (the rest waits), \(allowed)"
        case .dailyTarget: "answers a day new cards fill up to (due cards first, new-per-day at most), \(allowed); 0 for off"
        case .leechAction: "\(allowed): what happens to a card that becomes a leech (suspend: out of study until `unsuspend`)"
        }
    }

    /// The setting called `name` (any case), or `.unknown` with the closest name.
    public static func named(_ name: String) throws(CoreError) -> Setting {
        guard let setting = Setting(rawValue: name.lowercased()) else {
            throw .settings(.unknown(name, suggestion: closestMatch(to: name, in: allCases.map(\.rawValue))))
        }
        return setting
    }

    /// The setting's value in `settings`, as `apply` reads it.
    public func value(in settings: LearnerSettings) -> String {
        switch rule {
        case .retention(let field, _), .number(let field, _): Self.text(settings[keyPath: field])
        case .whole(let field, _): String(settings[keyPath: field])
        case .steps(let field): Self.text(steps: settings[keyPath: field])
        case .toggle(let field): settings[keyPath: field] ? "on" : "off"
        case .algorithm: settings.algorithm.rawValue
        case .grading: settings.grading.rawValue
        case .easyDays: settings.easyDays.text
        case .newOnBacklog: settings.newOnBacklog.rawValue
        case .backlogOrder: settings.backlogOrder.rawValue
        case .factorOrOff(let field, _): settings[keyPath: field] == 0 ? "off" : Self.text(settings[keyPath: field])
        case .leechAction: settings.leechAction.rawValue
        }
    }

    /// Sets the setting from `text`; throws `.invalid` naming the text, the setting and the
    /// values allowed when `text` doesn't read as one of them.
    public func apply(_ text: String, to settings: inout LearnerSettings) throws(CoreError) {
        let bad = CoreError.settings(.invalid(self, value: text))
        switch rule {
        case .retention(let field, let range):
            guard let value = Self.retention(text), range.contains(value) else { throw bad }
            settings[keyPath: field] = value
        case .whole(let field, let range):
            guard let value = Int(text.trimmingCharacters(in: .whitespaces)), range.contains(value) else { throw bad }
            settings[keyPath: field] = value
        case .number(let field, let range):
            guard let value = Double(text.trimmingCharacters(in: .whitespaces)), range.contains(value) else { throw bad }
            settings[keyPath: field] = value
        case .steps(let field):
            guard let value = Self.steps(text) else { throw bad }
            settings[keyPath: field] = value
        case .toggle(let field):
            guard let value = Self.toggle(text) else { throw bad }
            settings[keyPath: field] = value
        case .algorithm:
            guard let value = SchedulerAlgorithm(rawValue: text.lowercased()) else { throw bad }
            settings.algorithm = value
        case .grading:
            guard let value = GradingPolicy(rawValue: text.lowercased()) else { throw bad }
            settings.grading = value
        case .easyDays:
            settings.easyDays = try EasyDays(parsing: text)
        case .newOnBacklog:
            guard let value = BacklogNewCards(rawValue: text.lowercased()) else { throw bad }
            settings.newOnBacklog = value
        case .backlogOrder:
            guard let value = BacklogOrder(rawValue: text.lowercased()) else { throw bad }
            settings.backlogOrder = value
        case .factorOrOff(let field, let range):
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if Self.toggle(trimmed) == false {
                settings[keyPath: field] = 0
                return
            }
            guard let value = Double(trimmed), range.contains(value) else { throw bad }
            settings[keyPath: field] = value
        case .leechAction:
            guard let value = LeechAction(rawValue: text.lowercased()) else { throw bad }
            settings.leechAction = value
        }
    }

    /// Throws `.invalid` when the setting's value in `settings` is not one `apply` accepts.
    public func check(_ settings: LearnerSettings) throws(CoreError) {
        let allowed: Bool
        switch rule {
        case .retention(let field, let range), .number(let field, let range):
            allowed = range.contains(settings[keyPath: field])
        case .whole(let field, let range): allowed = range.contains(settings[keyPath: field])
        case .steps(let field): allowed = settings[keyPath: field].allSatisfy { $0.isFinite && $0 > 0 }
        case .easyDays: allowed = settings.easyDays.isValid
        case .factorOrOff(let field, let range):
            allowed = settings[keyPath: field] == 0 || range.contains(settings[keyPath: field])
        case .toggle, .algorithm, .grading, .newOnBacklog, .backlogOrder, .leechAction: allowed = true
        }
        guard allowed else { throw .settings(.invalid(self, value: value(in: settings))) }
    }
}

extension Setting {
    /// A desired retention from `0.95`, or from a percentage `95` or `95%` (read as 0.95),
    /// rounded to four decimals; nil for text that is not a finite number.
    static func retention(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let percent = trimmed.hasSuffix("%")
        guard let number = Double(percent ? String(trimmed.dropLast()) : trimmed), number.isFinite else { return nil }
        let value = percent || number > 1 ? number / 100 : number
        return (value * 10_000).rounded() / 10_000
    }

    /// Steps in seconds from `1m 10m`, `1m,10m`, `30s`, `1h`, `1d`; `none` or empty for none.
    public static func steps(_ text: String) -> [Double]? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        if trimmed == "none" || trimmed.isEmpty { return [] }
        var steps: [Double] = []
        for word in trimmed.split(whereSeparator: { $0 == " " || $0 == "," }) {
            guard let unit = word.last, let number = Double(word.dropLast()), number.isFinite, number > 0 else {
                return nil
            }
            let scale: Double
            switch unit {
            case "s": scale = 1
            case "m": scale = 60
            case "h": scale = 3600
            case "d": scale = 86400
            default: return nil
            }
            steps.append(number * scale)
        }
        return steps
    }

    /// Steps as `steps(_:)` reads them: `1m 10m`, or `none`.
    public static func text(steps: [Double]) -> String {
        guard !steps.isEmpty else { return "none" }
        return steps.map { seconds in
            if seconds >= 86400, seconds.truncatingRemainder(dividingBy: 86400) == 0 { return "\(Int(seconds / 86400))d" }
            if seconds >= 3600, seconds.truncatingRemainder(dividingBy: 3600) == 0 { return "\(Int(seconds / 3600))h" }
            if seconds >= 60, seconds.truncatingRemainder(dividingBy: 60) == 0 { return "\(Int(seconds / 60))m" }
            return "\(text(seconds))s"
        }.joined(separator: " ")
    }

    /// `a, b or c`.
    static func names(_ names: [String]) -> String {
        names.count > 1 ? names.dropLast().joined(separator: ", ") + " or " + (names.last ?? "") : names.joined()
    }

    static func toggle(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "on", "true", "yes", "1": true
        case "off", "false", "no", "0": false
        default: nil
        }
    }

    /// A number without a trailing `.0`: 0.9 → "0.9", 7.0 → "7".
    static func text(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
