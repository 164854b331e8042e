import Foundation
import GlossCore
import Testing

/// `set KEY VALUE` on the built binary, a value just inside and just outside each limit of
/// each ranged setting: the CLI takes what GlossCore's `Setting` takes and prints its message,
/// one line naming the value, the setting and the range (pinned in `SettingRangeTests`).
@Suite struct SetLimitsEndToEndTests {
    static let limits: [(key: String, inside: [String], outside: [String])] = [
        ("retention", ["0.70", "0.99", "70", "99%"], ["0.69", "0.991", "100"]),
        ("new-per-day", ["0", "9999"], ["-1", "10000"]),
        ("reviews-per-day", ["0", "99999"], ["-1", "100000"]),
        ("rollover-hour", ["0", "23"], ["-1", "24"]),
        ("typed-threshold", ["0", "3650"], ["-0.5", "3650.5"]),
        ("max-interval", ["1", "36500"], ["0", "36501"]),
        ("learning-steps", ["0.5s", "1m 10m"], ["0s", "-1m 10m"]),
    ]

    @Test func eachLimitIsTheCoresOnBothSides() throws {
        let folder = try BinaryRunner.temporaryFolder()
        var input = "", expectedOut: [String] = [], expectedErr: [String] = []
        for (key, inside, outside) in Self.limits {
            let setting = try Setting.named(key)
            for text in inside {
                input += "set \(key) \(text)\n"
                var settings = LearnerSettings()
                try setting.apply(text, to: &settings)
                expectedOut.append("\(key) = \(setting.value(in: settings))")
            }
            for text in outside {
                input += "set \(key) \(text)\n"
                expectedErr.append("error: " + CoreError.settings(.invalid(setting, value: text)).description)
            }
        }
        let run = try BinaryRunner.run(["--decks", folder.path, "--progress", folder.path], input: input)
        #expect(run.stdout.split(separator: "\n").map(String.init) == expectedOut)
        #expect(run.stderr.split(separator: "\n").map(String.init) == expectedErr)
        #expect(run.status == 2)
    }

    @Test func aRefusedValueIsOneLineAndChangesNothing() throws {
        let folder = try BinaryRunner.temporaryFolder()
        let arguments = ["--decks", folder.path, "--progress", folder.path]
        let refused = try BinaryRunner.run(["set", "max-interval", "36501"] + arguments)
        #expect(refused.status == 2)
        #expect(refused.stdout == "")
        #expect(refused.stderr == "error: '36501' is not a valid max-interval: expected longest interval in days, 1–36500\n")
        let negative = try BinaryRunner.run(["set", "new-per-day", "-1"] + arguments)
        #expect(negative.stderr == "error: '-1' is not a valid new-per-day: expected new cards per day, 0–9999\n")
        let shown = try BinaryRunner.run(["settings"] + arguments)
        #expect(shown.stdout.contains("\n  max-interval      36500     longest interval in days, 1–36500\n"))
        #expect(shown.stdout.contains("\n  new-per-day       10        new cards per day, 0–9999\n"))
    }

    @Test func anUnknownSettingGetsASuggestion() throws {
        let folder = try BinaryRunner.temporaryFolder()
        let run = try BinaryRunner.run(["set", "retension", "0.9", "--decks", folder.path, "--progress", folder.path])
        #expect(run.status == 2)
        #expect(run.stderr == "error: no setting 'retension' — did you mean 'retention'?\n")
    }
}
