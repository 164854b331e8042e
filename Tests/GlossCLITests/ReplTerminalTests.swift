import Foundation
import Testing

/// The REPL under a real terminal (tmux): the prompt, Tab completion of multi-word terms, and
/// Ctrl-C clearing the line without leaving.
@Suite struct ReplTerminalTests {
    static let tmuxPath = ["/usr/bin/tmux", "/usr/local/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Runs tmux through posix_spawn and waitpid: Foundation's Process never sees the exit of
    /// a client whose daemonised server inherited its descriptors.
    func tmux(_ socket: String, _ arguments: [String]) throws -> String {
        let tmux = try #require(Self.tmuxPath)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        let quoted = ([tmux, "-L", socket] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let command = quoted.joined(separator: " ") + " >'\(file.path)' 2>/dev/null </dev/null"
        var pid: pid_t = 0
        let argv: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/sh"), strdup("-c"), strdup(command), nil]
        defer { argv.forEach { free($0) } }
        guard posix_spawn(&pid, "/bin/sh", nil, nil, argv, environ) == 0 else { return "" }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        return (try? String(contentsOf: file, encoding: .utf8)) ?? ""
    }

    /// Waits until the screen contains `text` (up to 10 s), and returns the screen.
    /// Whether the gloss under test was built with `--sanitize=thread`.
    static let binaryHasThreadSanitizer: Bool = {
        guard let data = FileManager.default.contents(atPath: BinaryRunner.binary.path) else { return false }
        return data.range(of: Data("__tsan_init".utf8)) != nil
    }()

    /// Whether the gloss under test was built with `--sanitize=address` (several times slower:
    /// tests that time keys to within a second do not hold there).
    static let binaryHasAddressSanitizer: Bool = {
        guard let data = FileManager.default.contents(atPath: BinaryRunner.binary.path) else { return false }
        return data.range(of: Data("__asan_init".utf8)) != nil
    }()

    func screen(_ socket: String, containing text: String) throws -> String {
        var last = ""
        for _ in 0..<100 {
            last = try tmux(socket, ["capture-pane", "-p", "-t", "gloss"])
            if last.contains(text) { return last }
            usleep(100_000)
        }
        return last
    }

    @Test(.enabled(if: tmuxPath != nil))
    func promptCompletionAndControlC() throws {
        let folder = try BinaryRunner.shippedDeckWorkspace()
        let socket = "gloss-test-\(UUID().uuidString.prefix(8))"
        defer { _ = try? tmux(socket, ["kill-server"]) }
        _ = try tmux(
            socket,
            [
                "new-session", "-d", "-s", "gloss", "-x", "100", "-y", "40", "-c", folder.path,
                "env NO_COLOR=1 \(BinaryRunner.binary.path) --learner t",
            ])
        #expect(try screen(socket, containing: "gloss:ai-safety> ").contains("1 deck(s) loaded"))

        _ = try tmux(socket, ["send-keys", "-t", "gloss", "show mesa", "Tab"])
        #expect(try screen(socket, containing: "show Mesa-Optimization").contains("gloss:ai-safety> show Mesa-Optimization"))
        _ = try tmux(socket, ["send-keys", "-t", "gloss", "Enter"])
        let shown = try screen(socket, containing: "Related: ")
        #expect(shown.contains("Mesa-Optimization  (ai-safety)"))
        #expect(shown.contains("Related: Inner Alignment, Outer Alignment, Deceptive Alignment"))

        if Self.binaryHasThreadSanitizer {
            // The thread sanitizer runs a signal handler only when the thread next calls a
            // function it intercepts, and the prompt's select() loop calls none while it waits:
            // Ctrl-C is seen only with the next key. The plain build checks it.
            print("promptCompletionAndControlC: Ctrl-C part skipped under the thread sanitizer")
            _ = try tmux(socket, ["send-keys", "-t", "gloss", "quit", "Enter"])
            return
        }
        _ = try tmux(socket, ["send-keys", "-t", "gloss", "some text"])
        _ = try screen(socket, containing: "> some text")
        _ = try tmux(socket, ["send-keys", "-t", "gloss", "C-c"])
        // Type on only once the interrupt has given a fresh prompt (a sanitizer build handles
        // the signal later than keys typed right after it).
        _ = try screen(socket, containing: "some text^C\ngloss:ai-safety>")
        _ = try tmux(socket, ["send-keys", "-t", "gloss", "decks", "Enter"])
        let afterInterrupt = try screen(socket, containing: "* ai-safety")
        #expect(afterInterrupt.contains("gloss:ai-safety> some text^C\n"))
        #expect(afterInterrupt.contains("gloss:ai-safety> decks\n* ai-safety"))

        _ = try tmux(socket, ["send-keys", "-t", "gloss", "quit", "Enter"])
        let history = try String(contentsOf: folder.appendingPathComponent("Progress/history"), encoding: .utf8)
        #expect(history.contains("show Mesa-Optimization"))
        #expect(!history.contains("some text"))
    }
}
