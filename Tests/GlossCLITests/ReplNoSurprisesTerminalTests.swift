import Foundation
import Testing

/// The REPL under tmux, as the issue lists it: Ctrl-C never leaves gloss, a bare Enter at
/// `answer>` is not an answer, Ctrl-C abandons a question (twice at once ends the session
/// with its summary), Ctrl-D leaves, and Tab lists and completes whatever case was typed.
@Suite(.serialized) struct ReplNoSurprisesTerminalTests {
    let terminal = ReplTerminalTests()

    /// Starts gloss in tmux on a copy of the shipped deck; the shell says `EXIT=<status>` after.
    func start() throws -> String {
        let folder = try BinaryRunner.shippedDeckWorkspace()
        let socket = "gloss-test-\(UUID().uuidString.prefix(8))"
        _ = try terminal.tmux(
            socket,
            [
                "new-session", "-d", "-s", "gloss", "-x", "100", "-y", "50", "-c", folder.path,
                "env NO_COLOR=1 \(BinaryRunner.binary.path) --learner t --seed 1 --now 2026-01-01T09:00:00Z; echo EXIT=$?; sleep 20",
            ])
        _ = try terminal.screen(socket, containing: "gloss:ai-safety>")
        return socket
    }

    func keys(_ socket: String, _ keys: String...) throws {
        _ = try terminal.tmux(socket, ["send-keys", "-t", "gloss"] + keys)
    }

    /// The screen once `text` has appeared `count` times (up to 10 s).
    func screen(
        _ socket: String, showing text: String, times count: Int = 1, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> String {
        try screen(socket, sourceLocation: sourceLocation) { $0.occurrences(of: text) >= count }
    }

    /// The screen once `isReady` holds for it (up to 10 s); waiting in vain is a failure (tmux
    /// trims trailing spaces, so a prompt's `"> "` never shows).
    func screen(
        _ socket: String, sourceLocation: SourceLocation = #_sourceLocation, until isReady: (String) -> Bool
    ) throws -> String {
        var last = ""
        for _ in 0..<100 {
            last = try terminal.tmux(socket, ["capture-pane", "-p", "-t", "gloss", "-S", "-200"])
            if isReady(last) { return last }
            usleep(100_000)
        }
        Issue.record("the screen never showed what was waited for in 10 s", sourceLocation: sourceLocation)
        return last
    }

    @Test(
        .enabled(if: ExternalTool.tmux != nil && ExternalTool.sh != nil, "needs tmux and sh on PATH"),
        .enabled(
            if: !ReplTerminalTests.binaryHasThreadSanitizer && !ReplTerminalTests.binaryHasAddressSanitizer,
            "times two Ctrl-C to within a second, which a sanitizer's slowdown breaks"))
    func enterControlCAndControlDBehaveAtQuestionsAndThePrompt() throws {
        let socket = try start()
        defer { _ = try? terminal.tmux(socket, ["kill-server"]) }
        try keys(socket, "study", "Enter")
        let first = try screen(socket, showing: "answer>")
        let question = try #require(first.components(separatedBy: "\n").first { $0.hasPrefix("Which term means") })

        // A bare Enter records nothing: the question and its options are shown again.
        try keys(socket, "Enter")
        let again = try screen(socket, showing: "answer>", times: 2)
        #expect(again.components(separatedBy: question).count - 1 == 2)
        #expect(!again.contains("rated again"))

        // Ctrl-C abandons this question and goes on with the next.
        try keys(socket, "C-c")
        let next = try screen(socket, showing: "answer>", times: 3)
        #expect(next.contains("Question abandoned; nothing was recorded for it."))
        #expect(!next.contains("Session saved."))

        // Two at once end the session with its summary, back at the prompt. On a loaded
        // machine the two tmux calls can land more than a second apart: then each only
        // abandons its question, and the pair is sent again (the deck has ten cards).
        var ended = ""
        for _ in 0..<4 {
            let abandoned = try screen(socket, showing: "answer>").occurrences(of: "Question abandoned")
            try keys(socket, "C-c")
            try keys(socket, "C-c")
            ended = try screen(socket) {
                $0.contains("Session saved.") || $0.occurrences(of: "Question abandoned") >= abandoned + 2
            }
            if ended.contains("Session saved.") { break }
        }
        #expect(ended.contains("Session saved. No questions answered."))
        _ = try screen(socket, showing: "gloss:ai-safety>", times: 2)

        // Ctrl-C at the prompt clears the line and never leaves, however long after a session.
        try keys(socket, "decks")
        _ = try screen(socket, showing: "> decks")
        try keys(socket, "C-c")
        usleep(1_500_000)
        try keys(socket, "stats", "Enter")
        let stats = try screen(socket, showing: "nothing to chart")
        #expect(stats.contains("gloss:ai-safety> decks^C\n"))
        #expect(!stats.contains("EXIT="))

        // Ctrl-D leaves, with status 0.
        try keys(socket, "C-d")
        #expect(try screen(socket, showing: "EXIT=").contains("EXIT=0"))
    }

    @Test(.enabled(if: ExternalTool.tmux != nil && ExternalTool.sh != nil, "needs tmux and sh on PATH"))
    func tabListsCommandsAndCompletesLowerCaseTerms() throws {
        let socket = try start()
        defer { _ = try? terminal.tmux(socket, ["kill-server"]) }
        // Two Tabs list the commands that start with 'st'.
        try keys(socket, "st", "Tab", "Tab")
        #expect(try screen(socket, showing: "stats   study").contains("stats   study\n"))
        try keys(socket, "C-u")
        // A lower-case prefix lists on the second Tab, as an upper-case one does...
        try keys(socket, "show re", "Tab", "Tab")
        let listed = try screen(socket, showing: "Reward Hacking")
        #expect(listed.contains("Red Teaming"))
        #expect(listed.contains("gloss:ai-safety> show re\n"))
        try keys(socket, "C-u")
        // ...and completes on the first Tab as far as the candidates agree.
        // (tmux trims the trailing space of `show Reward `: typing on shows it.)
        try keys(socket, "show rew", "Tab")
        try keys(socket, "Ha", "Tab")
        #expect(try screen(socket, showing: "> show Reward Hacking").contains("gloss:ai-safety> show Reward Hacking"))
        try keys(socket, "C-u")
        try keys(socket, "show mesa", "Tab")
        #expect(try screen(socket, showing: "> show Mesa-Optimization").contains("> show Mesa-Optimization"))
        try keys(socket, "C-u", "quit", "Enter")
    }
}

extension String {
    fileprivate func occurrences(of text: String) -> Int { components(separatedBy: text).count - 1 }
}
