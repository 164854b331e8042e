import Foundation
import GlossCore
import GlossStore
import Testing

/// Kills gloss with SIGKILL at random moments mid-session: every answer it acknowledged must
/// be in the review log, and the state it loads must equal a replay of that log.
@Suite struct CrashTests {
    @Test func killNineAtRandomMomentsLosesNoAcknowledgedAnswer() throws {
        let folder = try BinaryRunner.temporaryFolder()
        let decks = folder.appendingPathComponent("Decks")
        try FileManager.default.createDirectory(at: decks, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: BinaryRunner.packageRoot.appendingPathComponent("Decks/ai-safety.md"),
            to: decks.appendingPathComponent("ai-safety.md"))
        let setup = try BinaryRunner.run(["set", "new-per-day", "9999", "--learner", "crash"], in: folder)
        #expect(setup.status == 0)

        var rng = SplitMix64(seed: 2026)
        var acknowledgedTotal = 0
        let answers = String(repeating: "a\nb\nzz\n!\n", count: 60)
        for round in 0..<50 {
            let process = Process()
            process.executableURL = BinaryRunner.binary
            process.arguments = [
                "study", "--learner", "crash", "--seed", String(round),
                "--now", "2026-01-0\(1 + round % 9)T09:00:00Z",
            ]
            process.currentDirectoryURL = folder
            process.environment = ["NO_COLOR": "1", "PATH": "/usr/bin:/bin"]
            let input = Pipe(), output = Pipe()
            process.standardInput = input
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            let journalPath = folder.appendingPathComponent("Progress/crash.reviews.jsonl").path
            let sizeBefore = (try? FileManager.default.attributesOfItem(atPath: journalPath)[.size] as? Int) ?? 0
            try process.run()
            input.fileHandleForWriting.write(Data(answers.utf8))
            // Kill at a random moment after the first answer of this round reached the log, so
            // a slow (loaded or instrumented) machine still kills mid-session, not at start-up.
            for _ in 0..<1000 {
                let size = (try? FileManager.default.attributesOfItem(atPath: journalPath)[.size] as? Int) ?? 0
                if size > sizeBefore || !process.isRunning { break }
                usleep(10_000)
            }
            usleep(UInt32.random(in: 0...250_000, using: &rng))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            try? input.fileHandleForWriting.close()
            let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let acknowledged = printed.components(separatedBy: "\nrated ").count - 1
            acknowledgedTotal += acknowledged

            // Every acknowledged answer is in the log, and loading equals a replay of the log.
            let store = try ProgressStore(folder: folder.appendingPathComponent("Progress"), learner: "crash")
            let journal = try String(contentsOf: folder.appendingPathComponent("Progress/crash.reviews.jsonl"), encoding: .utf8)
            var replayed = ProgressState()
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .custom { decoder in
                let text = try decoder.singleValueContainer().decode(String.self)
                return try #require(ISOTime.parse(text))
            }
            var records = 0
            for line in journal.split(separator: "\n") {
                replayed.apply(try decoder.decode(ReviewRecord.self, from: Data(line.utf8)))
                records += 1
            }
            #expect(records >= acknowledgedTotal, "round \(round): \(acknowledgedTotal) acknowledged, \(records) in the log")
            #expect(store.state == replayed, "round \(round): loaded state differs from a replay of the log")
            try store.close()
        }
        #expect(acknowledgedTotal > 50)
    }
}
