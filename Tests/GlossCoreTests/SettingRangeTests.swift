import Foundation
import GlossCore
import Testing

/// Each ranged setting, a value just inside and just outside each limit: `Setting.apply` (what
/// `set` types) and `LearnerSettings.validate()` (what a stored file holds) agree, with one
/// message that names the value, the setting and the range.
@Suite struct SettingRangeTests {
    struct Limit: Sendable, CustomTestStringConvertible {
        var setting: Setting
        var inside: [String]
        /// A value outside, and the message refusing it.
        var outside: [(String, String)]
        var testDescription: String { setting.rawValue }
    }

    static let limits: [Limit] = [
        Limit(
            setting: .retention, inside: ["0.70", "0.99", "70", "99%"],
            outside: [
                (
                    "0.69",
                    "'0.69' is not a valid retention: expected desired retention, 0.70–0.99 (FSRS); 95 or 95% reads as 0.95"
                ),
                (
                    "0.991",
                    "'0.991' is not a valid retention: expected desired retention, 0.70–0.99 (FSRS); 95 or 95% reads as 0.95"
                ),
            ]),
        Limit(
            setting: .newPerDay, inside: ["0", "9999"],
            outside: [
                ("-1", "'-1' is not a valid new-per-day: expected new cards per day, 0–9999"),
                ("10000", "'10000' is not a valid new-per-day: expected new cards per day, 0–9999"),
            ]),
        Limit(
            setting: .reviewsPerDay, inside: ["0", "99999"],
            outside: [
                ("-1", "'-1' is not a valid reviews-per-day: expected reviews per day, 0–99999"),
                ("100000", "'100000' is not a valid reviews-per-day: expected reviews per day, 0–99999"),
            ]),
        Limit(
            setting: .rolloverHour, inside: ["0", "23"],
            outside: [
                ("-1", "'-1' is not a valid rollover-hour: expected hour a study day starts (local time), 0–23"),
                ("24", "'24' is not a valid rollover-hour: expected hour a study day starts (local time), 0–23"),
            ]),
        Limit(
            setting: .typedThreshold, inside: ["0", "3650"],
            outside: [
                (
                    "-0.5",
                    "'-0.5' is not a valid typed-threshold: expected stability in days above which recognition is typed, 0–3650"
                ),
                (
                    "3650.5",
                    "'3650.5' is not a valid typed-threshold: expected stability in days above which recognition is typed, 0–3650"
                ),
            ]),
        Limit(
            setting: .maxInterval, inside: ["1", "36500"],
            outside: [
                ("0", "'0' is not a valid max-interval: expected longest interval in days, 1–36500"),
                ("36501", "'36501' is not a valid max-interval: expected longest interval in days, 1–36500"),
            ]),
        Limit(
            setting: .learningSteps, inside: ["0.5s", "1m 10m"],
            outside: [
                ("0s", "'0s' is not a valid learning-steps: expected learning steps, e.g. '1m 10m', or 'none' for day-based"),
                ("-1m", "'-1m' is not a valid learning-steps: expected learning steps, e.g. '1m 10m', or 'none' for day-based"),
            ]),
    ]

    @Test(arguments: limits)
    func insideIsTakenAndOutsideRefusedWithItsMessage(limit: Limit) throws {
        for text in limit.inside {
            var settings = LearnerSettings()
            try limit.setting.apply(text, to: &settings)
            try settings.validate()
        }
        for (text, message) in limit.outside {
            var settings = LearnerSettings()
            #expect(throws: CoreError.settings(.invalid(limit.setting, value: text))) {
                try limit.setting.apply(text, to: &settings)
            }
            #expect(settings == LearnerSettings(), "a refused value changes nothing")
            #expect(CoreError.settings(.invalid(limit.setting, value: text)).description == message)
        }
    }

    /// A stored value outside a limit (a hand-edited file) is refused by `validate()`, the
    /// check every scheduler runs, with the same message.
    @Test func storedValuesAreCheckedAgainstTheSameLimits() throws {
        var settings = LearnerSettings()
        settings.newPerDay = 9999
        settings.reviewsPerDay = 99999
        settings.rolloverHour = 23
        settings.typedRecallThreshold = 3650
        settings.maximumIntervalDays = 1
        settings.desiredRetention = 0.99
        try settings.validate()
        func refusal(_ change: (inout LearnerSettings) -> Void) -> String? {
            var changed = LearnerSettings()
            change(&changed)
            do {
                try changed.validate()
                return nil
            } catch {
                return error.description
            }
        }
        #expect(
            refusal { $0.newPerDay = 10000 } == "'10000' is not a valid new-per-day: expected new cards per day, 0–9999")
        #expect(refusal { $0.reviewsPerDay = -1 } == "'-1' is not a valid reviews-per-day: expected reviews per day, 0–99999")
        #expect(
            refusal { $0.rolloverHour = 24 }
                == "'24' is not a valid rollover-hour: expected hour a study day starts (local time), 0–23")
        #expect(
            refusal { $0.typedRecallThreshold = .nan }
                == "'nan' is not a valid typed-threshold: expected stability in days above which recognition is typed, 0–3650")
        #expect(
            refusal { $0.maximumIntervalDays = 36501 }
                == "'36501' is not a valid max-interval: expected longest interval in days, 1–36500")
        #expect(
            refusal { $0.desiredRetention = 0.5 }
                == "'0.5' is not a valid retention: expected desired retention, 0.70–0.99 (FSRS); 95 or 95% reads as 0.95")
        #expect(
            refusal { $0.relearningSteps = [600, 0] }
                == "'10m 0s' is not a valid relearning-steps: expected relearning steps, e.g. '10m', or 'none'")
        #expect(throws: CoreError.settings(.invalid(.newPerDay, value: "-3"))) {
            var bad = LearnerSettings()
            bad.newPerDay = -3
            _ = try bad.makeScheduler()
        }
    }

    @Test(
        "retention reads a fraction or a percentage",
        arguments: [("0.95", 0.95), ("95", 0.95), ("95%", 0.95), ("0.7", 0.7), ("99", 0.99)] as [(String, Double)])
    func retentionReadsPercentages(text: String, expected: Double) throws {
        var settings = LearnerSettings()
        try Setting.retention.apply(text, to: &settings)
        #expect(settings.desiredRetention == expected)
    }

    @Test(arguments: ["100", "1.5", "50", "0.5", "x", "", "nan", "99.5%"])
    func retentionOutOfRangeIsRefused(text: String) {
        var settings = LearnerSettings()
        #expect(throws: CoreError.settings(.invalid(.retention, value: text))) {
            try Setting.retention.apply(text, to: &settings)
        }
    }

    @Test(
        "steps parse and print back",
        arguments: [
            ("1m 10m", [60.0, 600.0]),
            ("1m,10m", [60.0, 600.0]),
            ("30s 1h 2d", [30.0, 3600.0, 172800.0]),
            ("none", []),
        ])
    func stepsParse(text: String, expected: [Double]) {
        #expect(Setting.steps(text) == expected)
        #expect(Setting.steps(Setting.text(steps: expected)) == expected)
    }

    @Test func badStepsAreRefused() {
        #expect(Setting.steps("10") == nil)
        #expect(Setting.steps("-1m") == nil)
        #expect(Setting.steps("5x") == nil)
        #expect(Setting.steps("infm") == nil)
    }

    @Test func switchesAndChoicesReadTheirWords() throws {
        var settings = LearnerSettings()
        try Setting.algorithm.apply("SM2", to: &settings)
        #expect(settings.algorithm == .sm2)
        try Setting.fuzz.apply("off", to: &settings)
        #expect(!settings.fuzz)
        try Setting.grading.apply("plain", to: &settings)
        #expect(Setting.grading.value(in: settings) == "plain")
        try Setting.learningSteps.apply("none", to: &settings)
        #expect(Setting.learningSteps.value(in: settings) == "none")
        #expect(throws: CoreError.settings(.invalid(.flip, value: "maybe"))) { try Setting.flip.apply("maybe", to: &settings) }
        #expect(
            CoreError.settings(.invalid(.algorithm, value: "anki")).description
                == "'anki' is not a valid algorithm: expected fsrs or sm2")
    }

    @Test func settingsAreFoundByNameWithASuggestion() throws {
        #expect(try Setting.named("New-Per-Day") == .newPerDay)
        #expect(throws: CoreError.settings(.unknown("retension", suggestion: "retention"))) { try Setting.named("retension") }
        #expect(
            CoreError.settings(.unknown("retension", suggestion: "retention")).description
                == "no setting 'retension' — did you mean 'retention'?")
    }

    /// Every setting's shown value reads back as itself, and the defaults are allowed.
    @Test func everyValueReadsBack() throws {
        let defaults = LearnerSettings()
        try defaults.validate()
        for setting in Setting.allCases {
            var settings = defaults
            try setting.apply(setting.value(in: defaults), to: &settings)
            #expect(settings == defaults, "\(setting.rawValue)")
        }
    }
}
