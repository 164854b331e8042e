import Foundation

/// The programs some tests drive, found on `PATH`, and what this machine lets them do. A test
/// that needs one says so with `.enabled(if:, "reason")`, so a run without it reports the skip.
enum ExternalTool {
    /// The `PATH` the tests run with; tests that start a shell pass it on.
    static let searchPath = ProcessInfo.processInfo.environment["PATH"] ?? ""

    /// The first executable called `name` in a `PATH` folder, or nil.
    static func find(_ name: String) -> String? {
        searchPath.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static let tmux = find("tmux")
    static let bash = find("bash")
    static let sh = find("sh")
    static let chattr = find("chattr")

    /// Runs `tool` with `arguments` to its end; its status, or -1 when it could not start.
    @discardableResult
    static func run(_ tool: String, _ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Whether `chattr +i` makes a folder immutable here (root, and a file system that keeps the flag).
    static let canMakeImmutable: Bool = {
        guard let chattr, let folder = try? BinaryRunner.temporaryFolder() else { return false }
        defer { try? FileManager.default.removeItem(at: folder) }
        guard run(chattr, ["+i", folder.path]) == 0 else { return false }
        defer { run(chattr, ["-i", folder.path]) }
        return !FileManager.default.createFile(atPath: folder.appendingPathComponent("probe").path, contents: nil)
    }()

    /// Whether a private mount namespace with a tmpfs can be made here (`unshare -m`, `mount`: root).
    static let canMountPrivateTmpfs: Bool = {
        guard let bash, find("unshare") != nil, find("mount") != nil, let folder = try? BinaryRunner.temporaryFolder() else {
            return false
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        return run(bash, ["-c", "unshare -m mount -t tmpfs -o size=4k tmpfs \"$0\"", folder.path]) == 0
    }()
}
