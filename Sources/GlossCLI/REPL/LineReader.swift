/// What reading a line gave.
public enum LineInput: Equatable, Sendable {
    case line(String)
    /// Ctrl-D or end of input.
    case endOfInput
    /// Ctrl-C at the prompt.
    case interrupted
}

/// Reads lines for the REPL and for answers: readline on a terminal, plain lines from a pipe.
public protocol LineReader: AnyObject {
    /// Reads one line after showing `prompt` (a plain reader shows no prompt).
    func readLine(prompt: String) -> LineInput
    /// Whether lines go to history (off while answering questions).
    var recordsHistory: Bool { get set }
    /// Whether Tab completion is on (off while answering questions).
    var completes: Bool { get set }
    /// True for a terminal; false for a pipe or a script.
    var isInteractive: Bool { get }
}

/// Reads plain lines from standard input: no prompt, no history, no completion.
public final class PlainLineReader: LineReader {
    public var recordsHistory = false
    public var completes = false
    public let isInteractive = false

    public init() {}

    public func readLine(prompt: String) -> LineInput {
        guard let line = Swift.readLine(strippingNewline: true) else { return .endOfInput }
        return .line(line.hasSuffix("\r") ? String(line.dropLast()) : line)
    }
}

/// Gives lines from a list, then end of input: for tests.
public final class ScriptedLineReader: LineReader {
    public var recordsHistory = false
    public var completes = false
    public let isInteractive = false
    private var lines: [LineInput]

    public init(_ lines: [String]) { self.lines = lines.map { LineInput.line($0) } }
    public init(inputs: [LineInput]) { self.lines = inputs }

    public func readLine(prompt: String) -> LineInput {
        lines.isEmpty ? .endOfInput : lines.removeFirst()
    }
}
