import Foundation
import Testing

/// `scripts/install --no-build` with the debug binary the tests run: what it installs, where,
/// that a second run changes nothing, and its errors. (Without `--no-build` it builds the
/// release binary and the man page first, too slow for the test suite: the README says how.)
@Suite(.enabled(if: ExternalTool.bash != nil, "scripts/install is a bash script: needs bash on PATH"))
struct InstallScriptTests {
    static let script = BinaryRunner.packageRoot.appendingPathComponent("scripts/install").path

    func install(_ arguments: [String]) throws -> BinaryRunner.Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ExternalTool.bash ?? "/bin/bash")
        process.arguments = [Self.script] + arguments
        process.environment = ["PATH": ExternalTool.searchPath, "HOME": try BinaryRunner.temporaryFolder().path]
        return try BinaryRunner.run(process, input: "")
    }

    func text(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

    func gloss(_ binary: URL, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        return try BinaryRunner.run(process, input: "").stdout
    }

    @Test func installsTheBinaryCompletionsAndManPageAndASecondRunIsTheSame() throws {
        let folder = try BinaryRunner.temporaryFolder()
        let prefix = folder.appendingPathComponent("prefix")
        let man = folder.appendingPathComponent("gloss.1")
        try Data(".TH GLOSS 1\n".utf8).write(to: man)
        let arguments = ["--no-build", "--binary", BinaryRunner.binary.path, "--man", man.path, prefix.path]
        let run = try install(arguments)
        let p = prefix.path
        #expect(run.status == 0)
        #expect(
            run.stdout == """
                installed \(p)/bin/gloss
                installed \(p)/share/bash-completion/completions/gloss
                installed \(p)/share/zsh/site-functions/_gloss
                installed \(p)/share/fish/vendor_completions.d/gloss.fish
                installed \(p)/share/man/man1/gloss.1

                """)
        #expect(run.stderr == "note: \(p)/bin is not on PATH; add it to use 'gloss' from any folder\n")
        let installed = prefix.appendingPathComponent("bin/gloss")
        #expect(FileManager.default.isExecutableFile(atPath: installed.path))
        #expect(try gloss(installed, ["--version"]) == gloss(BinaryRunner.binary, ["--version"]))
        // The completions are the binary's own.
        for (shell, path) in [
            ("bash", "share/bash-completion/completions/gloss"), ("zsh", "share/zsh/site-functions/_gloss"),
            ("fish", "share/fish/vendor_completions.d/gloss.fish"),
        ] {
            let file = try text(prefix.appendingPathComponent(path))
            #expect(file == (try gloss(BinaryRunner.binary, ["--generate-completion-script", shell])), "\(shell)")
        }
        #expect(try text(prefix.appendingPathComponent("share/zsh/site-functions/_gloss")).hasPrefix("#compdef gloss"))
        #expect(try text(prefix.appendingPathComponent("share/bash-completion/completions/gloss")).contains("complete -"))
        #expect(try text(prefix.appendingPathComponent("share/man/man1/gloss.1")) == ".TH GLOSS 1\n")
        let mode =
            try FileManager.default.attributesOfItem(atPath: prefix.appendingPathComponent("share/man/man1/gloss.1").path)[
                .posixPermissions] as? Int
        #expect(mode == 0o644)

        let again = try install(arguments)
        #expect(again.status == 0)
        #expect(again.stdout == run.stdout)
        // Nothing left behind but the files installed.
        let everything = FileManager.default.enumerator(atPath: p)?.compactMap { $0 as? String }.sorted() ?? []
        #expect(
            everything == [
                "bin", "bin/gloss", "share", "share/bash-completion", "share/bash-completion/completions",
                "share/bash-completion/completions/gloss", "share/fish", "share/fish/vendor_completions.d",
                "share/fish/vendor_completions.d/gloss.fish", "share/man", "share/man/man1", "share/man/man1/gloss.1",
                "share/zsh",
                "share/zsh/site-functions", "share/zsh/site-functions/_gloss",
            ])
    }

    @Test func withoutAManPageItSaysItSkippedIt() throws {
        let prefix = try BinaryRunner.temporaryFolder().appendingPathComponent("p")
        let run = try install(["--no-build", "--binary", BinaryRunner.binary.path, "--no-man", prefix.path])
        #expect(run.status == 0)
        #expect(run.stdout.hasSuffix("\nskipped \(prefix.path)/share/man/man1/gloss.1 (--no-man)\n"))
        #expect(!FileManager.default.fileExists(atPath: prefix.appendingPathComponent("share/man").path))
    }

    @Test func errorsAreOneLineAndInstallNothing() throws {
        let folder = try BinaryRunner.temporaryFolder()
        let noBinary = try install(["--no-build", folder.appendingPathComponent("p").path])
        #expect(noBinary.status == 1)
        #expect(noBinary.stderr == "install: --no-build needs --binary PATH (an already built gloss)\n")
        let missing = try install(["--no-build", "--binary", "/no/gloss", folder.appendingPathComponent("p").path])
        #expect(missing.status == 1)
        #expect(missing.stderr == "install: no gloss binary at '/no/gloss'\n")
        let unknown = try install(["--fast"])
        #expect(unknown.status == 2)
        #expect(
            unknown.stderr
                == "install: unknown option '--fast'\nusage: scripts/install [--no-build --binary PATH [--man FILE | --no-man]] [PREFIX]\n"
        )
        // A prefix under a file can't be made.
        let file = folder.appendingPathComponent("a-file")
        try Data().write(to: file)
        let blocked = try install(["--no-build", "--binary", BinaryRunner.binary.path, "--no-man", file.path + "/prefix"])
        #expect(blocked.status == 1)
        #expect(blocked.stderr == "install: cannot make the folder '\(file.path)/prefix/bin'\n")
        #expect(blocked.stdout == "")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("p").path))
    }
}
