import Foundation
import GlossCore
import GlossStore
import Testing

@testable import GlossCLI

/// The CLI meets one error type per module (`CLIError`, `CoreError`, `StoreError`): each
/// says itself in one line, and only a refused progress file exits with 3.
@Suite struct ExitStatusTests {
    @Test(
        "each module's error: its status and its one line",
        arguments: [
            (
                CLIError.noDecks(folder: "D") as any Error, GlossCLI.ExitStatus.usage,
                "no decks in 'D' — add a deck file there or point --decks at a folder of decks"
            ),
            (
                CoreError.settings(.unknown("retension", suggestion: "retention")), .usage,
                "no setting 'retension' — did you mean 'retention'?"
            ),
            (StoreError.deckSyntax(file: "a.md", line: 3, message: "no title"), .usage, "a.md:3: no title"),
            (
                StoreError.progress(.invalidDeviceName("a/b")), .usage,
                "invalid device name \"a/b\": use at most 64 letters, digits, '-', '_' and '.', not starting with '.'"
            ),
            (
                StoreError.progress(.locked(file: "P/ann.lock")), .progressRefused,
                "P/ann.lock: this learner is in use by another gloss (another terminal?); close it and try again"
            ),
        ])
    func statusAndMessage(error: any Error, status: GlossCLI.ExitStatus, message: String) {
        #expect(GlossCLI.ExitStatus.of(error) == status)
        #expect(describe(error) == message)
        #expect(!describe(error).contains("\n"))
    }
}
