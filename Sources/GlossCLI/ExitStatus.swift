import ArgumentParser
import GlossStore

/// gloss's exit statuses, the same one-shot and at the end of piped REPL input.
///
/// `help` and the README list them: 0 ok; 1 warnings where a command is asked to report them
/// (`lint --strict`, `doctor` finding problems); 2 a usage or input error
/// (unknown command, bad option or value, unknown deck or term, unreadable deck or file);
/// 3 the learner's progress refused (locked by another gloss, unreadable, newer than this
/// gloss, or not writable).
enum ExitStatus: Int32, CaseIterable {
    case ok = 0
    case warnings = 1
    case usage = 2
    case progressRefused = 3

    /// The status for an error a command threw.
    static func of(_ error: any Error) -> ExitStatus {
        if case .progress(let progress) = error as? StoreError {
            switch progress {
            case .invalidLearnerName, .invalidDeviceName: return .usage
            case .locked, .unreadable, .newerVersion, .journalBehindSnapshot, .snapshotNotAtLine, .linkOutsideFolder,
                .notRegularFile, .lockLost,
                .rebuildDeclined, .io, .notReplaced, .unwritable:
                return .progressRefused
            }
        }
        return .usage
    }

    /// The status for a thrown `ExitCode` (a command that already said why), kept as it is.
    static func code(of error: any Error) -> Int32 {
        if let exit = error as? ExitCode { return exit.rawValue }
        return of(error).rawValue
    }

    /// The lines `help` and `gloss --help` end with.
    static let helpText = """
        Exit status: 0 ok · 1 warnings where asked (lint --strict, doctor finding problems) ·
        2 usage or input error (unknown command, bad value, unknown deck or term) ·
        3 progress refused (locked by another gloss, unreadable, or newer than this gloss).
        """
}
