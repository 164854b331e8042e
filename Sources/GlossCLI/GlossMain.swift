import ArgumentParser
import Foundation

/// The root command: `gloss` with no arguments opens the REPL.
public struct GlossMain: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "gloss",
        abstract: "A spaced-repetition quiz and flashcard trainer for glossaries.",
        discussion: "With no command, gloss opens a REPL on the decks in ./Decks.",
        subcommands: [
            // Daily use first, then decks, authoring, and the tools.
            StudyCommand.self, QuizCommand.self, UndoCommand.self, StatsCommand.self, ExportCommand.self,
            ShowCommand.self, SearchCommand.self, DecksCommand.self, LearnerCommand.self,
            SettingsCommand.self, SetCommand.self,
            ImportCommand.self, ExportDeckCommand.self, AddCommand.self, EditCommand.self, LinkCommand.self,
            LintCommand.self, QuestionsCommand.self,
            OptimizeCommand.self, EvaluateCommand.self, ReplayCommand.self, RebuildCommand.self, DoctorCommand.self,
        ]
    )

    @OptionGroup var global: GlobalOptions

    public init() {}

    public func run() throws {
        let console = Console.standard(noColor: global.noColor)
        let session: Session
        do {
            session = try Session(options: global, console: console)
        } catch let error as ValidationError {
            throw error
        } catch {
            console.error(describe(error))
            throw ExitCode.failure
        }
        defer { session.close() }
        let reader: LineReader
        if isatty(STDIN_FILENO) == 1 {
            let repl = ReplCompletion()
            let history = (session.options.progressFolder as NSString).appendingPathComponent("history")
            try? FileManager.default.createDirectory(atPath: session.options.progressFolder, withIntermediateDirectories: true)
            reader = ReadlineLineReader(historyFile: history) { line in repl.complete(line) }
            let loop = REPL(session: session, reader: reader)
            repl.loop = loop
            loop.run()
        } else {
            REPL(session: session, reader: PlainLineReader()).run()
        }
    }

    /// The process entry point: opens closed standard descriptors on /dev/null, ignores SIGPIPE (a closed pipe ends output, not gloss) and
    /// SIGXFSZ (a file-size limit makes the write fail with EFBIG, reported like a full disk).
    public static func main() {
        StandardDescriptors.makeSafe()
        signal(SIGPIPE, SIG_IGN)
        signal(SIGXFSZ, SIG_IGN)
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            exit(withError: error)
        }
    }
}

/// Lets readline's completion reach the REPL that is created after the reader.
final class ReplCompletion {
    weak var loop: REPL?
    func complete(_ line: String) -> [String] { loop?.complete(line) ?? [] }
}
