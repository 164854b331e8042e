import Foundation

/// Runs the built `gloss` binary with arguments and piped standard input, for end-to-end tests.
struct BinaryRunner {
    struct Output {
        var stdout: String
        var stderr: String
        var status: Int32
    }

    /// The package root (three levels above this file).
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `gloss` binary that `swift test` built beside the test bundle.
    static var binary: URL {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL,
            packageRoot.appendingPathComponent(".build/debug"),
        ]
        for folder in candidates {
            let url = folder.appendingPathComponent("gloss")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return packageRoot.appendingPathComponent(".build/debug/gloss")
    }

    /// Runs gloss in `directory` with `input` on standard input; NO_COLOR and a fixed USER.
    static func run(
        _ arguments: [String], input: String = "", in directory: URL? = nil,
        environment extra: [String: String] = [:]
    ) throws -> Output {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? packageRoot
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment["USER"] = "tester"
        environment.removeValue(forKey: "GLOSS_DECKS")
        environment.removeValue(forKey: "GLOSS_PROGRESS")
        // No test reads or writes the real per-user folders: each working folder has a home of its own.
        environment["HOME"] = home(for: directory ?? packageRoot).path
        environment.removeValue(forKey: "XDG_DATA_HOME")
        environment.removeValue(forKey: "XDG_CONFIG_HOME")
        for (key, value) in extra { environment[key] = value }
        process.environment = environment
        return try run(process, input: input)
    }

    /// Runs a configured `process` with `input` on standard input, to its end.
    static func run(_ process: Process, input: String) throws -> Output {
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(
            stdout: String(decoding: out, as: UTF8.self),
            stderr: String(decoding: err, as: UTF8.self),
            status: process.terminationStatus)
    }

    /// The `HOME` runs in `directory` get: a folder beside the temporary ones, never the real home.
    static func home(for directory: URL) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("gloss-home-\(directory.lastPathComponent)")
    }

    /// A fresh temporary folder.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("gloss-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A temporary working folder with an empty `Decks/`: gloss runs there as in the
    /// repository, on `./Decks` and `./Progress` (not the per-user folders).
    static func projectFolder() throws -> URL {
        let folder = try temporaryFolder()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Decks"), withIntermediateDirectories: true)
        return folder
    }

    /// A temporary working folder holding a copy of the shipped deck in `Decks/`.
    static func shippedDeckWorkspace() throws -> URL {
        let folder = try temporaryFolder()
        let decks = folder.appendingPathComponent("Decks")
        try FileManager.default.createDirectory(at: decks, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: packageRoot.appendingPathComponent("Decks/ai-safety.md"), to: decks.appendingPathComponent("ai-safety.md"))
        return folder
    }
}
