import Foundation
@preconcurrency import Rainbow

/// Where commands write: standard output and error, with colour and width decided once.
///
/// Tests build one that collects text; the binary builds one on the real streams.
public final class Console: @unchecked Sendable {
    public enum Tone { case right, wrong, hint, dim, emphasis, heading, warning }

    public var color: Bool
    public let width: Int
    private let writeOut: (String) -> Void
    private let writeErr: (String) -> Void

    public init(color: Bool, width: Int, out: @escaping (String) -> Void, err: @escaping (String) -> Void) {
        self.color = color
        self.width = max(20, width)
        self.writeOut = out
        self.writeErr = err
        if color { Rainbow.enabled = true }
    }

    /// The console on the process's real streams: colour only on a terminal without NO_COLOR.
    public static func standard(noColor: Bool = false) -> Console {
        let env = ProcessInfo.processInfo.environment
        let tty = isatty(STDOUT_FILENO) == 1
        let color = tty && !noColor && (env["NO_COLOR"] ?? "").isEmpty && env["TERM"] != "dumb"
        var size = winsize()
        let columns = env["COLUMNS"].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil }
        let width =
            tty && ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0
            ? Int(size.ws_col) : columns ?? 80
        return Console(
            color: color, width: width,
            out: { text in FileHandle.standardOutput.writeAll(text) },
            err: { text in FileHandle.standardError.writeAll(text) }
        )
    }

    /// A console on the same streams and width with its own colour (a REPL line's own session).
    func sharingStreams(color: Bool) -> Console {
        Console(color: color, width: width, out: writeOut, err: writeErr)
    }

    /// Writes a line to standard output.
    public func line(_ text: String = "") { writeOut(text + "\n") }

    /// Writes text without a newline (for a prompt, say).
    public func write(_ text: String) { writeOut(text) }

    /// Writes a one-line error to standard error.
    public func error(_ text: String) { writeErr(paint("error: ", .wrong) + text + "\n") }

    /// Writes a one-line warning to standard error.
    public func warning(_ text: String) { writeErr(paint("warning: ", .warning) + text + "\n") }

    /// Writes a line about gloss itself (a first run's setup) to standard error, apart from the output.
    public func note(_ text: String) { writeErr(text + "\n") }

    /// Writes text wrapped to the console width, keeping `indent` on every line.
    public func wrapped(_ text: String, indent: String = "") {
        for line in wrap(text, width: width, indent: indent) { self.line(line) }
    }

    /// Colours text when colour is on; returns it unchanged otherwise.
    public func paint(_ text: String, _ tone: Tone) -> String {
        guard color else { return text }
        switch tone {
        case .right: return text.green
        case .wrong: return text.red
        case .hint: return text.yellow
        case .dim: return text.dim
        case .emphasis: return text.bold
        case .heading: return text.bold.underline
        case .warning: return text.yellow
        }
    }
}

extension FileHandle {
    /// Writes all of `text`, ignoring a closed pipe (SIGPIPE is ignored at start-up).
    func writeAll(_ text: String) {
        let data = Data(text.utf8)
        data.withUnsafeBytes { buffer in
            guard var pointer = buffer.baseAddress else { return }
            var left = buffer.count
            while left > 0 {
                let written = Foundation.write(fileDescriptor, pointer, left)
                if written <= 0 {
                    if written < 0 && errno == EINTR { continue }
                    return
                }
                left -= written
                pointer = pointer.advanced(by: written)
            }
        }
    }
}
