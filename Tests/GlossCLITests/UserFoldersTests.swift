import Foundation
import Testing

@testable import GlossCLI

/// The XDG folders read from an environment, and `config.toml`'s two keys.
@Suite struct UserFoldersTests {
    @Test func xdgVariablesNameTheFoldersAndARelativeOneIsIgnored() {
        let defaults = UserFolders(environment: ["HOME": "/home/ann"])
        #expect(defaults.decks == "/home/ann/.local/share/gloss/decks")
        #expect(defaults.progress == "/home/ann/.local/share/gloss/progress")
        #expect(defaults.configFile == "/home/ann/.config/gloss/config.toml")
        let set = UserFolders(environment: ["HOME": "/home/ann", "XDG_DATA_HOME": "/d", "XDG_CONFIG_HOME": "/c"])
        #expect(set.decks == "/d/gloss/decks")
        #expect(set.configFile == "/c/gloss/config.toml")
        // The XDG convention: a relative path is invalid and ignored.
        let relative = UserFolders(environment: ["HOME": "/home/ann", "XDG_DATA_HOME": "data", "XDG_CONFIG_HOME": ""])
        #expect(relative == defaults)
    }

    @Test func configPathsExpandTheHomeAndAreRelativeToTheConfigFolder() {
        let user = UserFolders(environment: ["HOME": "/home/ann"])
        #expect(user.expand("~", relativeTo: "/cfg") == "/home/ann")
        #expect(user.expand("~/Sync/decks", relativeTo: "/cfg") == "/home/ann/Sync/decks")
        #expect(user.expand("decks", relativeTo: "/cfg") == "/cfg/decks")
        #expect(user.expand("/abs", relativeTo: "/cfg") == "/abs")
        #expect(user.expand("~ann/x", relativeTo: "/cfg") == "/cfg/~ann/x")
    }

    @Test func configReadsBothKeysWithCommentsAndBothStringKinds() throws {
        let text = "# gloss\n\n  decks = \"a \\\"b\\\" \\\\ c\"  # note\r\nprogress='C:\\raw # not a comment'\n"
        let config = try UserConfig.parse(text, file: "c.toml")
        #expect(config == UserConfig(decks: "a \"b\" \\ c", progress: "C:\\raw # not a comment"))
        #expect(try UserConfig.parse("", file: "c.toml") == UserConfig())
    }

    @Test(arguments: [
        ("decks = \"\"\n", CLIError.config(file: "c.toml", line: 1, message: "'decks' is empty: give a folder")),
        ("decks \"x\"\n", .config(file: "c.toml", line: 1, message: "expected 'key = \"value\"'")),
        (
            "decks = \"x\" y\n", .config(file: "c.toml", line: 1, message: "unexpected 'y' after the value")
        ),
        (
            "decks = \"\\q\"\n",
            .config(file: "c.toml", line: 1, message: "unknown escape '\\q' (write '\\\\' for a backslash)")
        ),
        (
            "colour = \"x\"\n",
            .config(file: "c.toml", line: 1, message: "unknown key 'colour' (gloss reads 'decks' and 'progress')")
        ),
    ])
    func configRefusesWhatItDoesNotRead(text: String, error: CLIError) {
        #expect(throws: error) { try UserConfig.parse(text, file: "c.toml") }
    }
}
