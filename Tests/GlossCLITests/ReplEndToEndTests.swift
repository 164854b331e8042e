import Foundation
import Testing

@Suite struct ReplEndToEndTests {
    @Test func pipedUnknownCommandsGetSuggestionsAndTheLoopGoesOn() throws {
        let folder = try BinaryRunner.temporaryFolder()
        let result = try BinaryRunner.run(["--decks", folder.path, "--progress", folder.path],
                                          input: "hlp\nfrobnicate\nquit\nhelp\n")
        #expect(result.status == 0)
        #expect(result.stdout == "")
        #expect(result.stderr == """
            error: unknown command 'hlp' — did you mean 'help'?
            error: unknown command 'frobnicate' — type 'help' for the list

            """)
    }
}
