import Foundation
import GlossCore
import GlossStore
import Testing

@testable import GlossCLI

/// `gloss due`: the one line for a prompt or a notifier, and `--quiet`'s exit status.
@Suite struct DueCommandTests {
    func gloss(_ arguments: [String], input: String = "", in folder: URL) throws -> BinaryRunner.Output {
        try BinaryRunner.run(arguments + ["--learner", "ann"], input: input, in: folder)
    }

    @Test func aNewLearnerHasTheDaysNewCardsAtEightSecondsEach() throws {
        let folder = try BinaryRunner.shippedDeckWorkspace()
        let due = try gloss(["due", "--now", "2026-01-01T09:00:00Z"], in: folder)
        #expect(due.status == 0)
        #expect(due.stdout == "0 due · 10 new · about 1 min\n")  // 10 × 8 s
        #expect(try gloss(["due", "--quiet", "--now", "2026-01-01T09:00:00Z"], in: folder).stdout == "")
    }

    @Test func answeredCardsComeDueAndNothingDueIsStatusOne() throws {
        let folder = try BinaryRunner.shippedDeckWorkspace()
        _ = try gloss(["study", "--now", "2026-01-01T09:00:00Z", "--seed", "1"], input: "1\n2\n3\nq\n", in: folder)
        let later = try gloss(["due", "--now", "2026-01-01T09:30:00Z"], in: folder)
        #expect(later.status == 0)
        #expect(later.stdout.hasSuffix(" due · 7 new · about 1 min\n"), "\(later.stdout)")
        #expect(!later.stdout.hasPrefix("0 due"))
        // No new cards a day and nothing due: one line saying when, and --quiet says 1.
        _ = try gloss(["set", "new-per-day", "0"], in: folder)
        let nothing = try gloss(["due", "--now", "2026-01-01T08:59:00Z"], in: folder)
        #expect(nothing.stdout.hasPrefix("nothing due · next in "), "\(nothing.stdout)")
        let quiet = try gloss(["due", "--quiet", "--now", "2026-01-01T08:59:00Z"], in: folder)
        #expect(quiet.status == 1)
        #expect(quiet.stdout == "" && quiet.stderr == "")
    }

    @Test func itReadsWhileAStudySessionHoldsTheLearner() throws {
        let folder = try BinaryRunner.shippedDeckWorkspace()
        let store = try ProgressStore(folder: folder.appendingPathComponent("Progress"), learner: "ann")
        defer { try? store.close() }
        let due = try gloss(["due", "--now", "2026-01-01T09:00:00Z"], in: folder)
        #expect(due.status == 0, "\(due.stderr)")
        #expect(due.stdout == "0 due · 10 new · about 1 min\n")
    }

    @Test func theLineSaysMinutesFromTheAnswerTime() {
        let now = Date(timeIntervalSince1970: 0)
        #expect(DueCommand.line(due: 12, new: 3, secondsPerAnswer: 16, next: nil, now: now) == "12 due · 3 new · about 4 min")
        #expect(DueCommand.line(due: 0, new: 0, secondsPerAnswer: 16, next: nil, now: now) == "nothing due")
        #expect(
            DueCommand.line(due: 0, new: 0, secondsPerAnswer: 16, next: now.addingTimeInterval(3 * 3600), now: now)
                == "nothing due · next in 3 h")
    }
}
