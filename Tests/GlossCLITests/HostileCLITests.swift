import Foundation
import Testing

/// Hostile and odd conditions around the built binary: long learner names, a progress file
/// that stops accepting writes mid-session, a clock that moves backwards, a narrow terminal
/// and a pipe that closes mid-output.
@Suite struct HostileCLITests {
    func workspace() throws -> URL {
        let folder = try BinaryRunner.temporaryFolder()
        let decks = folder.appendingPathComponent("Decks")
        try FileManager.default.createDirectory(at: decks, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: BinaryRunner.packageRoot.appendingPathComponent("Decks/ai-safety.md"),
            to: decks.appendingPathComponent("ai-safety.md"))
        return folder
    }

    func journalLines(_ folder: URL, learner: String = "ann") throws -> [String] {
        let text = try String(contentsOf: folder.appendingPathComponent("Progress/\(learner).reviews.jsonl"), encoding: .utf8)
        return text.split(separator: "\n").map(String.init)
    }

    @Test func aLearnerNameOf300CharactersGetsAOneLineError() throws {
        let folder = try workspace()
        let name = String(repeating: "a", count: 300)
        let run = try BinaryRunner.run(["study", "--learner", name, "--now", "2026-01-01T09:00:00Z"], in: folder)
        #expect(run.status == 1)
        #expect(run.stdout == "")
        #expect(run.stderr == "error: invalid learner name \"aaaaaaaaaaaaaaaaaaaa…\" (300 characters): use at most 64 letters, digits, '-', '_' and '.'\n")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Progress/\(name).json").path))
    }

    @Test func aSymlinkedJournalOutsideTheFolderIsRefused() throws {
        let folder = try workspace()
        let progress = folder.appendingPathComponent("Progress")
        try FileManager.default.createDirectory(at: progress, withIntermediateDirectories: true)
        let outside = folder.appendingPathComponent("outside.jsonl")
        try Data().write(to: outside)
        let journal = progress.appendingPathComponent("ann.reviews.jsonl").path
        try FileManager.default.createSymbolicLink(atPath: journal, withDestinationPath: outside.path)
        let run = try BinaryRunner.run(["study", "--learner", "ann", "--now", "2026-01-01T09:00:00Z", "--seed", "7"],
                                       input: "a\n", in: folder)
        let target = outside.resolvingSymlinksInPath().path
        #expect(run.status == 1)
        #expect(run.stderr == "error: \(journal): is a symbolic link to \(target), outside the progress folder; refused: replace the link with the file itself\n")
        #expect(try FileManager.default.attributesOfItem(atPath: outside.path)[.size] as? UInt64 == 0)
    }

    /// A journal made immutable (`chattr +i`, which root respects) after the first answer:
    /// the second answer is reported as not saved, the session stops, the first is intact.
    @Test func aProgressFileThatStopsAcceptingWritesStopsTheSessionCleanly() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/chattr") else { return }
        let folder = try workspace()
        let journal = folder.appendingPathComponent("Progress/ann.reviews.jsonl").path
        let process = Process()
        process.executableURL = BinaryRunner.binary
        process.arguments = ["study", "--learner", "ann", "--now", "2026-01-01T09:00:00Z", "--seed", "7"]
        process.currentDirectoryURL = folder
        process.environment = ["NO_COLOR": "1", "USER": "tester", "PATH": "/usr/bin:/bin"]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data("a\n".utf8))
        var printed = Data()
        while !String(decoding: printed, as: UTF8.self).contains("\nrated ") {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            printed.append(chunk)
        }
        let before = try journalLines(folder)
        #expect(chattr("+i", journal) == 0)
        defer { _ = chattr("-i", journal) }
        input.fileHandleForWriting.write(Data("b\n".utf8))
        try input.fileHandleForWriting.close()
        _ = output.fileHandleForReading.readDataToEndOfFile()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(before.count == 1)
        #expect(stderr.hasPrefix("error: your answer was not saved: \(journal): write failed: Operation not permitted — the session stops here; everything answered before is safe\n"))
        #expect(process.terminationReason == .exit)
        #expect(try journalLines(folder) == before)
        _ = chattr("-i", journal)
        // The saved answer loads back: a new session starts and counts it.
        let next = try BinaryRunner.run(["undo", "--learner", "ann"], in: folder)
        #expect(next.status == 0)
        #expect(try journalLines(folder).count == 2)
    }

    func chattr(_ flag: String, _ path: String) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/chattr")
        process.arguments = [flag, path]
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test func theClockMovingBackwardsBetweenSessionsWorks() throws {
        let folder = try workspace()
        let later = try BinaryRunner.run(["study", "--learner", "ann", "--now", "2026-01-05T09:00:00Z", "--seed", "1"],
                                         input: "a\nb\n", in: folder)
        #expect(later.status == 0)
        let earlier = try BinaryRunner.run(["study", "--learner", "ann", "--now", "2026-01-01T09:00:00Z", "--seed", "1"],
                                           input: "a\nb\n", in: folder)
        #expect(earlier.status == 0)
        #expect(earlier.stderr == "")
        #expect(earlier.stdout.hasPrefix("Studying ai-safety: 8 cards (8 new)."))
        let lines = try journalLines(folder)
        #expect(lines.count == 4)
        #expect(lines[2].contains("\"seq\":3") && lines[2].contains("\"time\":\"2026-01-01T09:00:00.000Z\""))
        let next = try BinaryRunner.run(["study", "--learner", "ann", "--now", "2026-01-05T09:05:00Z", "--seed", "1"],
                                        input: "", in: folder)
        #expect(next.status == 0)
        #expect(next.stderr == "")
    }

    @Test func aTerminalOf20ColumnsWrapsEveryLine() throws {
        let folder = try workspace()
        let run = try BinaryRunner.run(["show", "mesa-optimization"], in: folder, environment: ["COLUMNS": "20"])
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n")
        #expect(Array(lines.prefix(6)) == ["Mesa-Optimization", "(ai-safety)", "  also:", "  Mesa-Optimizer,", "  Inner Optimizer", "  A theoretical"])
        #expect(lines.count > 40)
        // Every line fits in 20 columns unless it is a single word too long to break.
        let overlong = lines.filter { $0.count > 20 && $0.trimmingCharacters(in: .whitespaces).contains(" ") }
        #expect(overlong == [])
    }

    @Test func aPipeClosedMidOutputEndsQuietly() throws {
        let folder = try workspace()
        let process = Process()
        process.executableURL = BinaryRunner.binary
        process.arguments = ["questions", "--count", "500", "--seed", "1"]
        process.currentDirectoryURL = folder
        process.environment = ["NO_COLOR": "1", "USER": "tester", "PATH": "/usr/bin:/bin"]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let first = output.fileHandleForReading.availableData
        try output.fileHandleForReading.close()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(!first.isEmpty)
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
        #expect(stderr == "")
    }
}
