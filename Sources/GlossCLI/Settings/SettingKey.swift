import Foundation
import GlossCore

/// A setting a learner can change with `set KEY VALUE`, with how to read and show it.
enum SettingKey: String, CaseIterable {
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

    var help: String {
        switch self {
        case .retention: "desired retention, 0.70–0.99 (FSRS); 95 or 95% reads as 0.95"
        case .newPerDay: "new cards per day, 0–9999"
        case .reviewsPerDay: "reviews per day, 0–99999"
        case .learningSteps: "learning steps, e.g. '1m 10m', or 'none' for day-based"
        case .relearningSteps: "relearning steps, e.g. '10m', or 'none'"
        case .rolloverHour: "hour a study day starts, 0–23 (local time)"
        case .algorithm: "fsrs or sm2"
        case .typedThreshold: "stability in days above which recognition is typed, 0–3650"
        case .maxInterval: "longest interval in days, 1–36500"
        case .fuzz: "on or off: spread due dates a little"
        case .color: "on or off"
        case .flip: "on or off: classic self-rated flashcards instead of questions"
        case .burySiblings: "on or off: an entry's other facets wait for the next day once one is answered"
        case .presentNew: "on or off: show a new card's entry before its first question"
        case .grading: "production, capped or plain: how much a right multiple-choice answer counts"
        }
    }

    func value(in settings: LearnerSettings) -> String {
        switch self {
        case .retention: formatNumber(settings.desiredRetention)
        case .newPerDay: String(settings.newPerDay)
        case .reviewsPerDay: String(settings.reviewsPerDay)
        case .learningSteps: formatSteps(settings.learningSteps)
        case .relearningSteps: formatSteps(settings.relearningSteps)
        case .rolloverHour: String(settings.rolloverHour)
        case .algorithm: settings.algorithm.rawValue
        case .typedThreshold: formatNumber(settings.typedRecallThreshold)
        case .maxInterval: String(settings.maximumIntervalDays)
        case .fuzz: settings.fuzz ? "on" : "off"
        case .color: settings.color ? "on" : "off"
        case .flip: settings.flip ? "on" : "off"
        case .burySiblings: settings.burySiblings ? "on" : "off"
        case .presentNew: settings.presentNew ? "on" : "off"
        case .grading: settings.grading.rawValue
        }
    }

    /// Sets the value from text, or throws a message naming the value and what is allowed.
    func apply(_ text: String, to settings: inout LearnerSettings) throws(SettingError) {
        let bad = SettingError.invalid(key: rawValue, value: text, expected: help)
        switch self {
        case .retention:
            guard let v = Self.retention(text) else { throw bad }
            settings.desiredRetention = v
        case .newPerDay:
            guard let v = Int(text), (0...9999).contains(v) else { throw bad }
            settings.newPerDay = v
        case .reviewsPerDay:
            guard let v = Int(text), (0...99999).contains(v) else { throw bad }
            settings.reviewsPerDay = v
        case .learningSteps:
            guard let v = parseSteps(text) else { throw bad }
            settings.learningSteps = v
        case .relearningSteps:
            guard let v = parseSteps(text) else { throw bad }
            settings.relearningSteps = v
        case .rolloverHour:
            guard let v = Int(text), (0...23).contains(v) else { throw bad }
            settings.rolloverHour = v
        case .algorithm:
            guard let v = SchedulerAlgorithm(rawValue: text.lowercased()) else { throw bad }
            settings.algorithm = v
        case .typedThreshold:
            guard let v = Double(text), (0...3650).contains(v) else { throw bad }
            settings.typedRecallThreshold = v
        case .maxInterval:
            guard let v = Int(text), (1...36500).contains(v) else { throw bad }
            settings.maximumIntervalDays = v
        case .fuzz:
            guard let v = parseSwitch(text) else { throw bad }
            settings.fuzz = v
        case .color:
            guard let v = parseSwitch(text) else { throw bad }
            settings.color = v
        case .flip:
            guard let v = parseSwitch(text) else { throw bad }
            settings.flip = v
        case .burySiblings:
            guard let v = parseSwitch(text) else { throw bad }
            settings.burySiblings = v
        case .presentNew:
            guard let v = parseSwitch(text) else { throw bad }
            settings.presentNew = v
        case .grading:
            guard let v = GradingPolicy(rawValue: text.lowercased()) else { throw bad }
            settings.grading = v
        }
    }
}

extension SettingKey {
    /// A desired retention from `0.95`, or from a percentage `95` or `95%` (read as 0.95);
    /// nil outside 0.70–0.99.
    static func retention(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let percent = trimmed.hasSuffix("%")
        guard let number = Double(percent ? String(trimmed.dropLast()) : trimmed), number.isFinite else { return nil }
        let value = percent || number > 1 ? number / 100 : number
        // Two decimals, so 95 gives exactly 0.95.
        let rounded = (value * 10_000).rounded() / 10_000
        return (0.70...0.99).contains(rounded) ? rounded : nil
    }
}

enum SettingError: Error, Equatable, CustomStringConvertible {
    case unknownKey(String, suggestion: String?)
    case invalid(key: String, value: String, expected: String)

    var description: String {
        switch self {
        case .unknownKey(let key, let suggestion):
            "no setting '\(key)'" + (suggestion.map { " — did you mean '\($0)'?" } ?? " — 'settings' lists them")
        case .invalid(let key, let value, let expected):
            "'\(value)' is not a valid \(key): expected \(expected)"
        }
    }
}

/// Parses learning steps: `1m 10m`, `1m,10m`, `30s`, `1h`, `1d`; `none` or empty for none.
func parseSteps(_ text: String) -> [Double]? {
    let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
    if trimmed == "none" || trimmed.isEmpty { return [] }
    var steps: [Double] = []
    for word in trimmed.split(whereSeparator: { $0 == " " || $0 == "," }) {
        guard let unit = word.last, let number = Double(word.dropLast()), number > 0 else { return nil }
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

func formatSteps(_ steps: [Double]) -> String {
    guard !steps.isEmpty else { return "none" }
    return steps.map { seconds in
        if seconds >= 86400, seconds.truncatingRemainder(dividingBy: 86400) == 0 { return "\(Int(seconds / 86400))d" }
        if seconds >= 3600, seconds.truncatingRemainder(dividingBy: 3600) == 0 { return "\(Int(seconds / 3600))h" }
        if seconds >= 60, seconds.truncatingRemainder(dividingBy: 60) == 0 { return "\(Int(seconds / 60))m" }
        return "\(formatNumber(seconds))s"
    }.joined(separator: " ")
}

private func parseSwitch(_ text: String) -> Bool? {
    switch text.lowercased() {
    case "on", "true", "yes", "1": true
    case "off", "false", "no", "0": false
    default: nil
    }
}

/// A number without a trailing `.0`: 0.9 → "0.9", 7.0 → "7".
func formatNumber(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
}
