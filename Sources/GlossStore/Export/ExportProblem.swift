/// What can go wrong writing an export, said for people (thrown as `StoreError.export`).
public enum ExportProblem: Equatable, Sendable, CustomStringConvertible {
    /// The CSV or JSON Lines output could not be written (disk full, closed pipe, ...).
    case cannotWrite(what: String, reason: String)
    /// The output file exists and `--force` was not given.
    case fileExists(path: String)
    /// A JSON Lines dump could not be read back: 1-based line and what is wrong.
    case unreadableLine(line: Int, reason: String)

    public var description: String {
        switch self {
        case .cannotWrite(let what, let reason): "cannot write the \(what) export: \(reason)"
        case .fileExists(let path): "\(path): already exists; pass --force to overwrite it"
        case .unreadableLine(let line, let reason): "JSON Lines dump, line \(line): \(reason)"
        }
    }
}
