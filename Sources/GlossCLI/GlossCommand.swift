import ArgumentParser

/// A gloss command that runs the same way one-shot (`gloss show X`) and in the REPL.
public protocol GlossCommand: ParsableCommand {
    var global: GlobalOptions { get }
    /// Does the work against an open session.
    func run(in session: Session) throws
}

extension GlossCommand {
    /// One-shot: open a session from the command line's options, run, report errors in
    /// one line on standard error.
    public func run() throws {
        let console = Console.standard(noColor: global.noColor)
        do {
            let session = try Session(options: global, console: console)
            defer { session.close() }
            try run(in: session)
        } catch let error as ExitCode {
            throw error
        } catch let error as ValidationError {
            throw error
        } catch {
            console.error(describe(error))
            throw ExitCode(ExitStatus.of(error).rawValue)
        }
    }
}

/// The one-line message for an error a user caused.
func describe(_ error: any Error) -> String {
    String(describing: error)
}
