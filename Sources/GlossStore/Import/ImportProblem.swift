/// Something wrong with one row or card of an imported file, with its 1-based line.
public struct ImportProblem: Equatable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// The row has no term; it was skipped.
        case emptyTerm
        /// The row has the same term or id as an earlier one; it was skipped.
        case duplicate
        /// The definition is longer than the limit; it was kept.
        case longDefinition
        /// The row could not be read (no definition, too few fields, bad JSON); it was skipped.
        case badRow
        /// A related name matches no entry; the link was dropped.
        case unknownRelated
        /// Text a Markdown deck would misread (a `key: ` start, a `#` paragraph); kept or adjusted.
        case formatConflict
    }

    public var file: String
    public var line: Int
    public var kind: Kind
    public var message: String

    public init(file: String, line: Int, kind: Kind, message: String) {
        self.file = file
        self.line = line
        self.kind = kind
        self.message = message
    }

    /// `file:line: message`, as the CLI prints it.
    public var description: String { "\(file):\(line): \(message)" }
}
