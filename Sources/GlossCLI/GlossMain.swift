import ArgumentParser
import Foundation
import GlossCore

/// The root command: `gloss` with no arguments opens the REPL.
public struct GlossMain: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "gloss",
        abstract: "A spaced-repetition quiz and flashcard trainer for glossaries.",
        discussion:
            "With no command, gloss opens a REPL on the decks in ./Decks, else in the per-user folder ('gloss where' says which).\n\n"
            + ExitStatus.helpText,
        version: GlossVersion.number,
        subcommands: [
            // Daily use first, then decks, authoring, and the tools.
            StudyCommand.self, QuizCommand.self, DueCommand.self, LeechesCommand.self, UnsuspendCommand.self, DevicesCommand.self,
            UndoCommand.self,
            StatsCommand.self,
            ExportCommand.self,
            ShowCommand.self, SearchCommand.self, DecksCommand.self, LearnerCommand.self, WhereCommand.self,
            SettingsCommand.self, SetCommand.self,
            ImportCommand.self, ExportDeckCommand.self, AddCommand.self, EditCommand.self, LinkCommand.self,
            LintCommand.self, QuestionsCommand.self,
            OptimizeCommand.self, EvaluateCommand.self, SimulateCommand.self, ReplayCommand.self, RebuildCommand.self,
            DoctorCommand.self,
        ]
    )

    @OptionGroup var global: GlobalOptions

    public init() {}

    public func run() throws {
        let console = Console.standard(noColor: global.noColor)
        let session: Session
        do {
            session = try Session(options: global, console: console)
            // A mistyped --learner stops the REPL before it starts, not at its first answer.
            try session.checkLearner()
        } catch let error as ValidationError {
            throw error
        } catch {
            console.error(describe(error))
            throw ExitCode(ExitStatus.of(error).rawValue)
        }
        defer { session.close() }
        let reader: LineReader
        if isatty(STDIN_FILENO) == 1 {
            let repl = ReplCompletion()
            let history = (session.progressFolder as NSString).appendingPathComponent("history")
            try? FileManager.default.createDirectory(atPath: session.progressFolder, withIntermediateDirectories: true)
            reader = ReadlineLineReader(historyFile: history) { line in repl.complete(line) }
            let loop = REPL(session: session, reader: reader)
            repl.loop = loop
            loop.run()
        } else {
            // Piped input: an error on any line makes the status of the whole run.
            let loop = REPL(session: session, reader: PlainLineReader())
            loop.run()
            if loop.failure != 0 { throw ExitCode(loop.failure) }
        }
    }

    /// The process entry point: opens closed standard descriptors on /dev/null, ignores SIGPIPE (a closed pipe ends output, not gloss) and
    /// SIGXFSZ (a file-size limit makes the write fail with EFBIG, reported like a full disk).
    public static func main() {
        StandardDescriptors.makeSafe()
        signal(SIGPIPE, SIG_IGN)
        signal(SIGXFSZ, SIG_IGN)
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let name = unknownCommand(in: arguments) {
            // A one-shot typo gets the REPL's suggestion, not a bare "unexpected argument".
            let message = CLIError.unknownCommand(name, suggestion: closestMatch(to: name, in: REPL.commandNames)).description
            FileHandle.standardError.writeAll("error: \(message)\n")
            Foundation.exit(ExitStatus.usage.rawValue)
        }
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                // Usage errors: argument-parser's message, gloss's status.
                FileHandle.standardError.writeAll(fullMessage(for: error) + "\n")
                Foundation.exit(ExitStatus.usage.rawValue)
            }
            exit(withError: error)
        }
    }

    /// The first word of `arguments` when it is meant as a command but names none: the first
    /// argument that is not a global option or its value.
    static func unknownCommand(in arguments: [String]) -> String? {
        let valued: Set<String> = ["--decks", "--progress", "--learner", "--now", "--seed"]
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if valued.contains(argument) {
                index += 2
                continue
            }
            if argument.hasPrefix("-") {
                if argument.contains("=") || argument == "--no-color" || argument == "--new" {
                    index += 1
                    continue
                }
                return nil
            }
            let known = REPL.commandNames + ["help"]
            return known.contains(argument) ? nil : argument
        }
        return nil
    }
}

/// Lets readline's completion reach the REPL that is created after the reader.
final class ReplCompletion {
    weak var loop: REPL?
    func complete(_ line: String) -> [String] { loop?.complete(line) ?? [] }
}
