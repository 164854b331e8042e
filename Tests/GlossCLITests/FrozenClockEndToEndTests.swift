import Foundation
import Testing

/// `--now` freezes every clock a study session reads, the one that times answers too: the
/// same piped session, answered at a different pace, writes the same bytes.
@Suite struct FrozenClockEndToEndTests {
    /// Runs `study` under `--now` and `--seed` in a fresh workspace, writing one answer line
    /// every `pause` microseconds (so each answer takes measurably long), and returns the journal.
    func journal(answeringEvery pause: UInt32) throws -> Data {
        let folder = try BinaryRunner.shippedDeckWorkspace()
        let process = Process()
        process.executableURL = BinaryRunner.binary
        process.arguments = ["study", "--learner", "ann", "--now", "2026-01-01T09:00:00Z", "--seed", "7"]
        process.currentDirectoryURL = folder
        process.environment = [
            "NO_COLOR": "1", "USER": "tester", "GLOSS_DEVICE": "frozen01",
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "",
        ]
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        for answer in ["a", "b", "zz", "c", "a", "d", "b", "a"] {
            usleep(pause)
            input.fileHandleForWriting.write(Data("\(answer)\n".utf8))
        }
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return try Data(contentsOf: folder.appendingPathComponent("Progress/ann.reviews.jsonl"))
    }

    @Test func theSamePipedSessionTwiceWritesByteIdenticalJournals() throws {
        let quick = try journal(answeringEvery: 0)
        let slow = try journal(answeringEvery: 90_000)
        // Each answer waits 90 ms for its line, more than gloss takes to save the one before.
        let lines = String(decoding: slow, as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 7)  // "zz" is no option: asked again, not recorded
        #expect(quick == slow)
        // The answer times stand still with the clock.
        #expect(lines.allSatisfy { $0.contains("\"ms\":0,") })
    }
}
