import Foundation
import Testing

/// gloss run as installed: a fresh `HOME` (and XDG folders) in a temporary folder, from a
/// working folder with no `Decks/`.
@Suite struct InstalledUseTests {
    /// A fresh home and an empty working folder beside it.
    struct Machine {
        let home: URL
        let work: URL

        init() throws {
            let root = try BinaryRunner.temporaryFolder()
            home = root.appendingPathComponent("home")
            work = root.appendingPathComponent("work")
            try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        }

        var data: URL { home.appendingPathComponent(".local/share/gloss") }
        var configFile: URL { home.appendingPathComponent(".config/gloss/config.toml") }

        func gloss(_ arguments: [String], input: String = "", environment: [String: String] = [:]) throws -> BinaryRunner.Output {
            try BinaryRunner.run(
                arguments, input: input, in: work,
                environment: ["HOME": home.path, "TZ": "UTC", "GLOSS_DEVICE": "box"].merging(environment) { $1 })
        }

        func writeConfig(_ text: String) throws {
            try FileManager.default.createDirectory(at: configFile.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: configFile)
        }
    }

    static let shippedDeck = BinaryRunner.packageRoot.appendingPathComponent("Decks/ai-safety.md")

    @Test func aFirstRunWritesTheShippedDeckAndProgressLandsInTheUserDataFolder() throws {
        let machine = try Machine()
        let run = try machine.gloss(["study", "--now", "2026-01-01T09:00:00Z", "--seed", "7"], input: "a\nb\n")
        let deck = machine.data.appendingPathComponent("decks/ai-safety.md")
        #expect(run.status == 0)
        #expect(run.stderr == "First run: wrote the shipped deck to \(deck.path).\n")
        #expect(run.stdout.hasPrefix("Studying ai-safety: 10 cards (10 new · 0 learning · 0 reviews)."))
        // The deck built into the binary is the repository's, byte for byte.
        #expect(try Data(contentsOf: deck) == Data(contentsOf: Self.shippedDeck))
        let journal = try String(
            contentsOf: machine.data.appendingPathComponent("progress/tester.reviews.jsonl"), encoding: .utf8)
        #expect(journal.split(separator: "\n").count == 2)
        // Nothing lands in the working folder.
        #expect(try FileManager.default.contentsOfDirectory(atPath: machine.work.path) == [])
        // The second run finds the deck there and says nothing about it.
        let again = try machine.gloss(["decks"])
        #expect(again.stderr == "")
        #expect(again.stdout == "* ai-safety  AI Safety and Machine Learning (106 entries)\n")
    }

    @Test func xdgDataHomeNamesTheDataFolder() throws {
        let machine = try Machine()
        let data = machine.home.appendingPathComponent("elsewhere")
        let run = try machine.gloss(["decks"], environment: ["XDG_DATA_HOME": data.path])
        #expect(run.status == 0)
        #expect(run.stderr == "First run: wrote the shipped deck to \(data.path)/gloss/decks/ai-safety.md.\n")
        #expect(!FileManager.default.fileExists(atPath: machine.data.path))
    }

    @Test func aDeckTheUserRemovedFromAFolderWithOthersStaysRemoved() throws {
        let machine = try Machine()
        let decks = machine.data.appendingPathComponent("decks")
        try FileManager.default.createDirectory(at: decks, withIntermediateDirectories: true)
        try Data("---\ntitle: Mine\nid: mine\n---\n\n## Alpha\n\nThe first.\n".utf8).write(
            to: decks.appendingPathComponent("mine.md"))
        let run = try machine.gloss(["decks"])
        #expect(run.stderr == "")
        #expect(run.stdout == "* mine  Mine (1 entries)\n")
    }

    @Test func whereSaysWhichFoldersAndWhy() throws {
        let machine = try Machine()
        let data = machine.data.path, config = machine.configFile.path
        let perUser = try machine.gloss(["where"])
        #expect(perUser.status == 0)
        #expect(
            perUser.stdout
                == "decks:    \(data)/decks (per-user default)\nprogress: \(data)/progress (per-user default)\nconfig:   \(config) (none)\ndevice:   box ($GLOSS_DEVICE set; its journal: `gloss devices`)\n"
        )
        // The REPL's `where` says the same.
        let repl = try machine.gloss([], input: "where\n")
        #expect(repl.stdout == perUser.stdout)
        let given = try machine.gloss(["where", "--decks", data + "/decks", "--progress", "p"])
        #expect(
            given.stdout
                == "decks:    \(data)/decks (--decks given)\nprogress: p (--progress given)\nconfig:   \(config) (none)\ndevice:   box ($GLOSS_DEVICE set; its journal: `gloss devices`)\n"
        )
        let environment = try machine.gloss(["where"], environment: ["GLOSS_PROGRESS": "/tmp/p"])
        #expect(
            environment.stdout
                == "decks:    \(data)/decks (per-user default)\nprogress: /tmp/p ($GLOSS_PROGRESS set)\nconfig:   \(config) (none)\ndevice:   box ($GLOSS_DEVICE set; its journal: `gloss devices`)\n"
        )
    }

    @Test func inAFolderWithDecksGlossRunsAsInTheRepository() throws {
        let folder = try BinaryRunner.shippedDeckWorkspace()
        let home = try BinaryRunner.temporaryFolder()
        let config = home.appendingPathComponent(".config/gloss/config.toml")
        try FileManager.default.createDirectory(at: config.deletingLastPathComponent(), withIntermediateDirectories: true)
        // A config file is not read there (even a broken one).
        try Data("decks = 3\n".utf8).write(to: config)
        let run = try BinaryRunner.run(["where", "--device", "desk"], in: folder, environment: ["HOME": home.path])
        #expect(run.status == 0)
        #expect(
            run.stdout
                == "decks:    Decks (./Decks found in the working folder)\nprogress: Progress (./Decks found in the working folder)\nconfig:   \(config.path) (not needed)\ndevice:   desk (--device given; its journal: `gloss devices`)\n"
        )
        let bad = try BinaryRunner.run(["where", "--device", "../x"], in: folder, environment: ["HOME": home.path])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("invalid device name \"../x\""))
        #expect(!FileManager.default.fileExists(atPath: home.appendingPathComponent(".local").path))
    }

    @Test func configTomlNamesTheFolders() throws {
        let machine = try Machine()
        let decks = machine.home.appendingPathComponent("Sync/decks")
        try FileManager.default.createDirectory(at: decks, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.shippedDeck, to: decks.appendingPathComponent("ai-safety.md"))
        try machine.writeConfig(
            """
            # where gloss keeps things
            decks = "~/Sync/decks"   # synced
            progress = 'progress here'

            """)
        let run = try machine.gloss(["where"])
        let config = machine.configFile.path
        let folder = machine.configFile.deletingLastPathComponent().path
        #expect(run.status == 0)
        #expect(
            run.stdout
                == "decks:    \(decks.path) (config.toml: \(config))\nprogress: \(folder)/progress here (config.toml: \(config))\nconfig:   \(config) (read)\ndevice:   box ($GLOSS_DEVICE set; its journal: `gloss devices`)\n"
        )
        let study = try machine.gloss(["study", "--now", "2026-01-01T09:00:00Z", "--seed", "7"], input: "a\n")
        #expect(study.status == 0)
        #expect(study.stderr == "")
        #expect(FileManager.default.fileExists(atPath: "\(folder)/progress here/tester.reviews.jsonl"))
        #expect(!FileManager.default.fileExists(atPath: machine.data.path))
    }

    @Test(arguments: [
        ("deck = \"x\"\n", "1: unknown key 'deck' (gloss reads 'decks' and 'progress'); did you mean 'decks'?"),
        ("\n[gloss]\n", "2: gloss reads only the top-level keys 'decks' and 'progress'; no tables"),
        ("decks = ~/x\n", "1: the value must be a quoted string, e.g. \"~/gloss/decks\""),
        ("decks = \"x\n", "1: the string is not closed"),
        ("progress = \"a\"\nprogress = \"b\"\n", "2: 'progress' is given twice"),
    ])
    func aBrokenConfigIsRefusedNamingTheLine(text: String, message: String) throws {
        let machine = try Machine()
        try machine.writeConfig(text)
        let run = try machine.gloss(["decks"])
        #expect(run.status == 2)
        #expect(run.stderr == "error: \(machine.configFile.path):\(message)\n")
        #expect(run.stdout == "")
    }

    @Test func aConfigDecksFolderThatIsMissingIsAnError() throws {
        let machine = try Machine()
        try machine.writeConfig("decks = \"/nowhere/decks\"\n")
        let run = try machine.gloss(["decks"])
        #expect(run.status == 2)
        #expect(
            run.stderr
                == "error: 'decks' in \(machine.configFile.path) '/nowhere/decks': no such folder (give a folder of deck files)\n"
        )
    }

    @Test func aMissingOrFileDecksIsAnErrorNamingThePath() throws {
        let machine = try Machine()
        let missing = try machine.gloss(["decks", "--decks", "no/such"])
        #expect(missing.status == 2)
        #expect(missing.stderr == "error: --decks 'no/such': no such folder (give a folder of deck files)\n")
        #expect(missing.stdout == "")
        let file = try BinaryRunner.run(["decks", "--decks", "Decks/ai-safety.md"])
        #expect(file.status == 2)
        #expect(file.stderr == "error: --decks 'Decks/ai-safety.md' is a file, not a folder (give the folder of deck files)\n")
        let environment = try machine.gloss(["study"], environment: ["GLOSS_DECKS": "/no/decks"])
        #expect(environment.status == 2)
        #expect(environment.stderr == "error: $GLOSS_DECKS '/no/decks': no such folder (give a folder of deck files)\n")
        // Nothing was written for a run that was refused.
        #expect(!FileManager.default.fileExists(atPath: machine.home.appendingPathComponent(".local").path))
    }

    @Test func versionPrintsTheVersion() throws {
        let run = try BinaryRunner.run(["--version"])
        #expect(run.status == 0)
        let source = try String(
            contentsOf: BinaryRunner.packageRoot.appendingPathComponent("Sources/GlossCLI/Version.swift"), encoding: .utf8)
        let number = try #require(run.stdout.split(separator: "\n").first)
        #expect(run.stdout == "\(number)\n")
        #expect(source.contains("static let number = \"\(number)\""))
        #expect(number.split(separator: ".").count == 3)
    }
}
