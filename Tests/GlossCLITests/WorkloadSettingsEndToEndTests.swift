import Foundation
import GlossCore
import Testing

/// `set load-balance`, `easy-days`, `new-on-backlog`, `backlog-order` and `backlog-spread` on the built binary.
@Suite struct WorkloadSettingsEndToEndTests {
    @Test func easyDaysAndTheBacklogSettingsAreSetShownAndRefused() throws {
        let folder = try BinaryRunner.temporaryFolder()
        let arguments = ["--decks", folder.path, "--progress", folder.path]
        let input = """
            set easy-days sat=0.5,sun=0
            set load-balance off
            set new-on-backlog keep
            set backlog-order strongest-first
            set backlog-spread 1.5
            set easy-days sat=0.5,sun=2
            set backlog-order newest
            set backlog-spread 20
            settings

            """
        let run = try BinaryRunner.run(arguments, input: input)
        #expect(run.status == 2)
        #expect(
            run.stdout.hasPrefix(
                "easy-days = sat=0.5,sun=0\nload-balance = off\nnew-on-backlog = keep\nbacklog-order = strongest-first\n"
                    + "backlog-spread = 1.5\n"))
        #expect(
            run.stderr
                == "error: 'sun=2' is not a valid easy-days: expected per weekday, the share of the normal load, "
                + "mon…sun=0–1 separated by commas (e.g. sat=0.5,sun=0), or 'none'\n"
                + "error: 'newest' is not a valid backlog-order: expected weakest-first, strongest-first or most-overdue: "
                + "which due reviews come first (retrievability ascending, descending, overdue ratio)\n"
                + "error: '20' is not a valid backlog-spread: expected times the usual daily load a day asks of a backlog "
                + "(the rest waits), 1–10 or off\n")
        #expect(run.stdout.contains("\n  easy-days         sat=0.5,sun=0  per weekday, the share of the normal load"))
        #expect(run.stdout.contains("\n  load-balance      off       on or off: among the days fuzz allows"))
        #expect(run.stdout.contains("\n  backlog-order     strongest-first  weakest-first, strongest-first or most-overdue"))
        #expect(run.stdout.contains("\n  backlog-spread    1.5       times the usual daily load"))
    }
}
