import Foundation

/// Everything that can go wrong reading or writing gloss's files, said for people.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    /// A deck file could not be parsed: file, 1-based line, what is wrong.
    case deckSyntax(file: String, line: Int, message: String)
    /// A file could not be read at all.
    case unreadable(file: String, reason: String)

    /// The message without the file and line.
    public var reason: String {
        switch self {
        case .deckSyntax(_, _, let message): message
        case .unreadable(_, let reason): "cannot read: \(reason)"
        }
    }

    public var description: String {
        switch self {
        case .deckSyntax(let file, let line, let message): "\(file):\(line): \(message)"
        case .unreadable(let file, let reason): "\(file): cannot read: \(reason)"
        }
    }
}
