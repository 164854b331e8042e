import GlossCore
import Testing

@testable import GlossCLI

@Test(
    "steps parse",
    arguments: [
        ("1m 10m", [60.0, 600.0]),
        ("1m,10m", [60.0, 600.0]),
        ("30s 1h 2d", [30.0, 3600.0, 172800.0]),
        ("none", []),
    ])
func stepsParse(text: String, expected: [Double]) {
    #expect(parseSteps(text) == expected)
    #expect(parseSteps(formatSteps(expected)) == expected)
}

@Test func badStepsAreRejected() {
    #expect(parseSteps("10") == nil)
    #expect(parseSteps("-1m") == nil)
    #expect(parseSteps("5x") == nil)
}

@Test func settingsValidateWithAClearMessage() throws {
    var settings = LearnerSettings()
    try SettingKey.retention.apply("0.85", to: &settings)
    #expect(settings.desiredRetention == 0.85)
    #expect(
        throws: SettingError.invalid(
            key: "retention", value: "1.5", expected: "desired retention, 0.70–0.99 (FSRS); 95 or 95% reads as 0.95")
    ) {
        try SettingKey.retention.apply("1.5", to: &settings)
    }
    #expect(
        SettingError.invalid(
            key: "retention", value: "1.5", expected: "desired retention, 0.70–0.99 (FSRS); 95 or 95% reads as 0.95"
        ).description
            == "'1.5' is not a valid retention: expected desired retention, 0.70–0.99 (FSRS); 95 or 95% reads as 0.95")
    try SettingKey.algorithm.apply("SM2", to: &settings)
    #expect(settings.algorithm == .sm2)
    try SettingKey.learningSteps.apply("none", to: &settings)
    #expect(SettingKey.learningSteps.value(in: settings) == "none")
}
