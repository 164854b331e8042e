import ArgumentParser
import Foundation
import GlossCore

/// The read–eval–print loop: reads a line, runs it as a gloss command, repeats.
///
/// Lines are parsed by the same argument parser as the command line, so `show "AI Safety"`
/// in the REPL and `gloss show "AI Safety"` in a shell do the same thing.
public final class REPL {
    let session: Session
    let reader: LineReader
    /// The exit status of the worst error so far (0 for none): piped input ends with it.
    private(set) var failure: Int32 = 0

    /// Commands that only make sense inside the REPL, with their one-line help.
    static let builtins: [(name: String, abstract: String)] = [
        ("help", "List commands, or show one command's help: help [COMMAND]."),
        ("use", "Make a deck the current one: use DECK."),
        ("quit", "Leave gloss (also: exit, Ctrl-D)."),
        ("exit", "Leave gloss."),
    ]

    public init(session: Session, reader: LineReader) {
        self.session = session
        self.reader = reader
    }

    /// Names of every command the REPL understands, for completion and suggestions.
    static var commandNames: [String] {
        GlossMain.configuration.subcommands.map { $0._commandName } + builtins.map(\.name)
    }

    var prompt: String {
        if let deck = session.currentDeck { return "gloss:\(deck.rawValue)> " }
        return "gloss> "
    }

    /// Runs until `quit`, `exit` or end of input.
    public func run() {
        if reader.isInteractive {
            session.console.line(
                "gloss — \(session.library.decks.count) deck(s) loaded. Type 'help' for commands, Tab to complete.")
        }
        for problem in session.library.problems { session.console.warning("skipped \(problem)") }
        if reader.isInteractive, let current = session.currentDeck, let deck = session.library.deck(current) {
            // The current deck's questions are ready by the time the learner has typed 'study'.
            session.library.questionIndexes.prepare([deck])
        }
        session.reader = reader
        loop: while true {
            switch reader.readLine(prompt: prompt) {
            case .endOfInput: break loop
            case .interrupted:
                // Ctrl-C clears the line and never leaves: quit, exit or Ctrl-D do.
                continue
            case .line(let line):
                if !execute(line) { break loop }
            }
        }
    }

    /// Runs one line; false when the line asks to leave.
    ///
    /// A line that gives global options (`study --learner ann --now …`) runs in a session of
    /// its own built from them, as the same command does one-shot (`Session.run(withLineOptions:)`).
    func execute(_ line: String) -> Bool {
        let words = tokenize(line)
        guard let first = words.first else { return true }
        switch first {
        case "quit", "exit": return false
        case "help":
            help(words.dropFirst().first)
            return true
        case "use":
            use(Array(words.dropFirst()))
            return true
        default: break
        }
        guard let name = LineOption.commandName(in: words) else {
            fail(ExitStatus.usage.rawValue)
            session.console.error(
                "\(line.trimmingCharacters(in: .whitespaces)) names no command: a line's options go with its command, e.g. 'study --learner ann'"
            )
            return true
        }
        guard Self.commandNames.contains(name) else {
            fail(ExitStatus.usage.rawValue)
            session.console.error(
                CLIError.unknownCommand(name, suggestion: closestMatch(to: name, in: Self.commandNames)).description)
            return true
        }
        do {
            let command = try GlossMain.parseAsRoot(words)
            guard let glossCommand = command as? any GlossCommand else { return true }
            var given = LineOption.given(in: glossCommand.global)
            // `learner NAME --new` switches this REPL's learner to a new one: the command reads the flag.
            if glossCommand is LearnerCommand { given.removeAll { $0 == .newLearner } }
            if given.isEmpty {
                try glossCommand.run(in: session)
            } else if let refusal = Self.refusal(of: given, for: glossCommand) {
                fail(ExitStatus.usage.rawValue)
                session.console.error(refusal)
            } else {
                try session.run(withLineOptions: glossCommand.global) { try glossCommand.run(in: $0) }
            }
        } catch let exit as ExitCode {
            fail(exit.rawValue)  // the command already said why
        } catch let error as CleanExit {
            session.console.line(GlossMain.fullMessage(for: error))
        } catch {
            // argument-parser's own errors and a command's `ValidationError` are usage errors.
            if GlossMain.exitCode(for: error) == .validationFailure {
                fail(ExitStatus.usage.rawValue)
                session.console.error(GlossMain.message(for: error) + " — try 'help \(name)'")
            } else {
                fail(ExitStatus.code(of: error))
                session.console.error(describe(error))
            }
        }
        return true
    }

    /// Why a line's options can't be honoured on `command`, in one line naming the first; nil
    /// when they can. `learner NAME` switches the REPL's own learner, which a line's options
    /// (lasting that line) would undo at once.
    static func refusal(of given: [LineOption], for command: any GlossCommand) -> String? {
        guard let option = given.first else { return nil }
        if let switching = command as? LearnerCommand, switching.name != nil {
            return
                "learner NAME switches this REPL's learner, so it takes no \(option.flag) (a line's options last that line only): switch first, then give \(option.flag) on the lines that need it"
        }
        return nil
    }

    private func fail(_ status: Int32) { failure = max(failure, status) }

    func help(_ topic: String?) {
        let console = session.console
        if let topic {
            if let builtin = Self.builtins.first(where: { $0.name == topic }) {
                console.line("\(builtin.name): \(builtin.abstract)")
            } else if let command = GlossMain.configuration.subcommands.first(where: { $0._commandName == topic }) {
                console.line(GlossMain.helpMessage(for: command, columns: console.width))
            } else {
                console.error(
                    CLIError.unknownCommand(topic, suggestion: closestMatch(to: topic, in: Self.commandNames)).description)
            }
            return
        }
        for line in Self.helpLines(width: console.width) { console.line(line) }
    }

    /// The command list of `help`, wrapped to `width` columns: each abstract hangs after its name.
    static func helpLines(width: Int) -> [String] {
        var rows = GlossMain.configuration.subcommands.map { ($0._commandName, $0.configuration.abstract) }
        rows += builtins.filter { $0.name != "exit" }.map { ($0.name, $0.abstract) }
        let nameWidth = rows.map(\.0.count).max() ?? 0
        let hang = String(repeating: " ", count: nameWidth + 4)
        var lines = ["Commands:"]
        for (name, abstract) in rows {
            let wrapped = wrap(abstract, width: width, indent: hang)
            for (number, line) in wrapped.enumerated() {
                lines.append(
                    number == 0
                        ? "  " + name.padding(toLength: nameWidth + 2, withPad: " ", startingAt: 0) + line.dropFirst(hang.count)
                        : line)
            }
        }
        lines += wrap("Type 'help COMMAND' for its options. Tab completes commands, decks and terms.", width: width)
        lines += wrap(ExitStatus.helpText.replacingOccurrences(of: "\n", with: " "), width: width)
        return lines
    }

    func use(_ arguments: [String]) {
        guard !arguments.isEmpty else {
            fail(ExitStatus.usage.rawValue)
            session.console.error("use needs a deck: use DECK ('decks' lists them)")
            return
        }
        do {
            let deck = try session.resolveDeck(arguments.joined(separator: " "))
            session.currentDeck = deck.id
            session.console.line("Now using \(deck.title) (\(deck.id), \(deck.entries.count) entries).")
        } catch {
            fail(ExitStatus.code(of: error))
            session.console.error(describe(error))
        }
    }

    /// Completion candidates for the line typed so far.
    func complete(_ line: String) -> [String] {
        var decks = session.library.decks
        if let current = session.currentDeck, let index = decks.firstIndex(where: { $0.id == current }) {
            decks.insert(decks.remove(at: index), at: 0)
        }
        return Completer(
            commands: Self.commandNames,
            deckNames: session.library.decks.map(\.id.rawValue),
            terms: decks.flatMap { $0.entries.map(\.term) },
            aliases: decks.flatMap { $0.entries.flatMap(\.aliases) }
        ).complete(line)
    }
}
