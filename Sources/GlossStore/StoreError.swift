import Foundation

/// Everything that can go wrong reading or writing gloss's files, said for people: GlossStore's
/// one error type. Deck files have their own cases; progress, review logs and exports each
/// carry a reason a caller can switch on.
///
/// ```swift
/// do { _ = try ProgressStore(folder: folder, learner: "ada") } catch {
///     print(error)   // P/ada.journal: this learner is in use by another gloss …
///     if case .progress(.locked) = error { … }
/// }
/// ```
public enum StoreError: Error, Equatable, CustomStringConvertible {
    /// A deck file could not be parsed: file, 1-based line, what is wrong.
    case deckSyntax(file: String, line: Int, message: String)
    /// A file could not be read at all.
    case unreadable(file: String, reason: String)
    /// `--columns` names a column gloss does not know (the part as typed).
    case unknownColumn(String)
    /// A learner's progress files were refused or could not be written.
    case progress(ProgressProblem)
    /// An FSRS review-log CSV could not be read.
    case reviewLog(ReviewLogProblem)
    /// An export could not be written.
    case export(ExportProblem)

    /// The message without the file and line (deck files); the whole message otherwise.
    public var reason: String {
        switch self {
        case .deckSyntax(_, _, let message): message
        case .unreadable(_, let reason): "cannot read: \(reason)"
        case .unknownColumn, .progress, .reviewLog, .export: description
        }
    }

    public var description: String {
        switch self {
        case .deckSyntax(let file, let line, let message): "\(file):\(line): \(message)"
        case .unreadable(let file, let reason): "\(file): cannot read: \(reason)"
        case .unknownColumn(let part):
            "unknown column '\(part)' in --columns (use term, definition, explanation, related, aliases, tags or -)"
        case .progress(let problem): problem.description
        case .reviewLog(let problem): problem.description
        case .export(let problem): problem.description
        }
    }
}
