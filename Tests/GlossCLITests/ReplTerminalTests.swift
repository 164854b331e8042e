import Foundation
import Testing

/// The REPL under a real terminal (tmux): the prompt, Tab completion of multi-word terms, and
/// Ctrl-C clearing the line without leaving.
@Suite struct ReplTerminalTests {
    /// Runs tmux through posix_spawn and waitpid: Foundation's Process never sees the exit of
    /// a client whose daemonised server inherited its descriptors.
    func tmux(_ socket: String, _ arguments: [String]) throws -> String {
        let tmux = try #require(ExternalTool.tmux)
        let sh = try #require(ExternalTool.sh)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        let quoted = ([tmux, "-L", socket] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let command = quoted.joined(separator: " ") + " >'\(file.path)' 2>/dev/null </dev/null"
        var pid: pid_t = 0
        let argv: [UnsafeMutablePointer<CChar>?] = [strdup(sh), strdup("-c"), strdup(command), nil]
        defer { argv.forEach { free($0) } }
        guard posix_spawn(&pid, sh, nil, nil, argv, environ) == 0 else { return "" }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        return (try? String(contentsOf: file, encoding: .utf8)) ?? ""
    }

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

    /// Waits until the screen contains `text` (up to 10 s), and returns the screen.
    /// Waiting in vain is a failure: tmux trims trailing spaces, so `"> "` never shows.
    func screen(
        _ socket: String, containing text: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> String {
        var last = ""
        for _ in 0..<100 {
            last = try tmux(socket, ["capture-pane", "-p", "-t", "gloss"])
            if last.contains(text) { return last }
            usleep(100_000)
        }
        Issue.record("'\(text)' never showed in 10 s", sourceLocation: sourceLocation)
        return last
    }

    /// Starts gloss in tmux in `folder` and waits for its prompt; returns the tmux socket.
    func start(in folder: URL) throws -> String {
        let socket = "gloss-test-\(UUID().uuidString.prefix(8))"
        _ = try tmux(
            socket,
            [
                "new-session", "-d", "-s", "gloss", "-x", "100", "-y", "40", "-c", folder.path,
                "env NO_COLOR=1 \(BinaryRunner.binary.path) --learner t",
            ])
        #expect(try screen(socket, containing: "gloss:ai-safety>").contains("1 deck(s) loaded"))
        return socket
    }

    @Test(.enabled(if: ExternalTool.tmux != nil && ExternalTool.sh != nil, "needs tmux and sh on PATH"))
    func promptAndCompletion() throws {
        let folder = try BinaryRunner.shippedDeckWorkspace()
        let socket = try start(in: folder)
        defer { _ = try? tmux(socket, ["kill-server"]) }
        _ = try tmux(socket, ["send-keys", "-t", "gloss", "show mesa", "Tab"])
        #expect(try screen(socket, containing: "show Mesa-Optimization").contains("gloss:ai-safety> show Mesa-Optimization"))
        _ = try tmux(socket, ["send-keys", "-t", "gloss", "Enter"])
        let shown = try screen(socket, containing: "Related: ")
        #expect(shown.contains("Mesa-Optimization  (ai-safety)"))
        #expect(shown.contains("Related: Inner Alignment, Outer Alignment, Deceptive Alignment"))
        _ = try tmux(socket, ["send-keys", "-t", "gloss", "quit", "Enter"])
        let history = try String(contentsOf: folder.appendingPathComponent("Progress/history"), encoding: .utf8)
        #expect(history.contains("show Mesa-Optimization"))
    }

    /// The thread sanitizer runs a signal handler only when the thread next calls a function
    /// it intercepts, and the prompt's select() loop calls none while it waits: there Ctrl-C is
    /// seen only with the next key, so this runs on the plain build only.
    @Test(
        .enabled(if: ExternalTool.tmux != nil && ExternalTool.sh != nil, "needs tmux and sh on PATH"),
        .enabled(if: !binaryHasThreadSanitizer, "the thread sanitizer delays Ctrl-C at the prompt until the next key"))
    func controlCClearsTheLineWithoutLeaving() throws {
        let folder = try BinaryRunner.shippedDeckWorkspace()
        let socket = try start(in: folder)
        defer { _ = try? tmux(socket, ["kill-server"]) }
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
        #expect(history.contains("decks"))
        #expect(!history.contains("some text"))
    }
}
