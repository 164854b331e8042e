import Foundation
import GlossCore
import GlossStore
import Testing

/// Kills gloss with SIGKILL at random moments mid-session: every answer and every re-rating
/// (`e N`) it acknowledged must be in the review log, and the state it loads must equal a
/// replay of that log. Rounds go on until `GLOSS_CRASH_KILLS` of them were killed
/// mid-session (50 by default; the issue-16 run used 200): a round whose session ended
/// first still has its answers checked.
@Suite struct CrashTests {
    static var kills: Int { ProcessInfo.processInfo.environment["GLOSS_CRASH_KILLS"].flatMap(Int.init) ?? 50 }

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
        var acknowledgedTotal = 0, reratedTotal = 0, killed = 0, losses = 0
        let answers = String(repeating: "a\ne 1\nb\ne 4\nzz\n!\ne 3\n", count: 40)
        var rounds = 0
        for round in 0..<(Self.kills * 4) where killed < Self.kills {
            rounds += 1
            let process = Process()
            process.executableURL = BinaryRunner.binary
            process.arguments = [
                "study", "--learner", "crash", "--seed", String(round),
                // Two days later each round, so earlier answers come due and there is work to kill.
                "--now",
                ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: 1_767_258_000 + Double(round) * 172_800)),
            ]
            process.currentDirectoryURL = folder
            process.environment = ["NO_COLOR": "1", "PATH": ExternalTool.searchPath]
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
            // Mostly soon (a session here lasts well under a second), now and then later on.
            usleep(UInt32.random(in: 0...(round % 4 == 0 ? 250_000 : 40_000), using: &rng))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if process.terminationReason == .uncaughtSignal { killed += 1 }
            try? input.fileHandleForWriting.close()
            let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let acknowledged = printed.components(separatedBy: "\nrated ").count - 1
            acknowledgedTotal += acknowledged
            // "Rating of 'X' changed to hard." once the re-rating is saved.
            reratedTotal += printed.components(separatedBy: "' changed to ").count - 1

            // Every acknowledged answer is in the log, and loading equals a replay of the log.
            let store = try ProgressStore(folder: folder.appendingPathComponent("Progress"), learner: "crash")
            let journal = try String(contentsOf: folder.appendingPathComponent("Progress/crash.reviews.jsonl"), encoding: .utf8)
            var replayed = ProgressState()
            // A re-rating is one answer that names the one it replaces (`revokes`); older
            // gloss wrote a revocation and then the new answer (same card and time), and a
            // kill between the two left an answer revoked with nothing in its place.
            let log = try journal.split(separator: "\n").map { try JournalLine.record($0) }
            var records = 0, rerates = 0, revokedOnly = 0
            for (i, record) in log.enumerated() {
                replayed.apply(record)
                let next = i + 1 < log.count ? log[i + 1] : nil
                let previous = i > 0 ? log[i - 1] : nil
                switch record.kind {
                case .revoke:
                    let replacedAfter =
                        next.map { $0.kind != .revoke && $0.card == record.card && $0.time == record.time } ?? false
                    if !replacedAfter { revokedOnly += 1 }
                case .review, .practice:
                    let oldStyle =
                        previous.map { $0.kind == .revoke && $0.card == record.card && $0.time == record.time } ?? false
                    if record.revokes != nil || oldStyle { rerates += 1 } else { records += 1 }
                case .suspend, .unsuspend: break
                }
            }
            #expect(records >= acknowledgedTotal, "round \(round): \(acknowledgedTotal) acknowledged, \(records) in the log")
            #expect(rerates >= reratedTotal, "round \(round): \(reratedTotal) re-ratings acknowledged, \(rerates) in the log")
            #expect(revokedOnly == 0, "round \(round): an answer revoked with no replacement (undo is never typed here)")
            losses = revokedOnly + max(0, acknowledgedTotal - records) + max(0, reratedTotal - rerates)  // the log is cumulative
            #expect(store.state == replayed, "round \(round): loaded state differs from a replay of the log")
            try store.close()
        }
        #expect(acknowledgedTotal > Self.kills)
        #expect(reratedTotal > Self.kills / 2)
        #expect(killed == Self.kills)
        #expect(losses == 0)
        print(
            "kill -9: \(rounds) rounds, \(killed) killed mid-session, \(acknowledgedTotal) answers and \(reratedTotal) re-ratings acknowledged, \(losses) lost"
        )
    }
}
