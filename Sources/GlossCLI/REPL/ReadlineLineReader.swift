import CReadline
import Foundation

/// Reads lines with GNU readline: line editing, history in a file, Tab completion.
public final class ReadlineLineReader: LineReader {
    public var recordsHistory = true
    public var completes = true
    public let isInteractive = true
    private let historyFile: String?

    /// The completer readline calls; one reader per process, so it lives in a global.
    nonisolated(unsafe) static var completer: ((String) -> [String])?

    /// `historyFile`: where lines are appended as they are entered (nil: no history file).
    public init(historyFile: String?, completer: @escaping (String) -> [String]) {
        self.historyFile = historyFile
        ReadlineLineReader.completer = completer
        // Ctrl-C belongs to the prompt (it clears the line) and to questions (it abandons
        // one): it never ends the REPL; one pressed while a command prints is kept for the
        // next prompt. Called from this file, where `gloss_readline` is: a debug build gives
        // each Swift file its own copy of the shim's static flag.
        gloss_keep_sigint_for_the_prompt()
        gloss_set_name(strdup("gloss"))
        gloss_set_completion(readlineComplete)
        if let historyFile {
            read_history(historyFile)
            history_truncate_file(historyFile, 1000)
        }
    }

    public func readLine(prompt: String) -> LineInput {
        ReadlineLineReader.enabled = completes
        var raw: UnsafeMutablePointer<CChar>?
        let status = gloss_readline(prompt, &raw)
        switch Int(status) {
        case Int(GLOSS_INTERRUPTED): return .interrupted
        case Int(GLOSS_LINE):
            guard let raw else { return .endOfInput }
            defer { free(raw) }
            let line = String(cString: raw)
            if recordsHistory, !line.trimmingCharacters(in: .whitespaces).isEmpty {
                add_history(raw)
                if let historyFile {
                    if append_history(1, historyFile) != 0 { write_history(historyFile) }
                }
            }
            return .line(line)
        default:
            // Ctrl-D: readline leaves the cursor after the prompt.
            FileHandle.standardOutput.writeAll("\n")
            return .endOfInput
        }
    }

    nonisolated(unsafe) static var enabled = true
}

/// readline's completion entry point: hands back whole-line candidates.
private func readlineComplete(
    _ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32
) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
    gloss_suppress_default_completion()
    guard ReadlineLineReader.enabled, let completer = ReadlineLineReader.completer else { return nil }
    let line = String(cString: gloss_line_buffer())
    let candidates = completer(String(line.prefix(Int(end))))
    guard !candidates.isEmpty, let list = gloss_matches_alloc(Int32(candidates.count + 1)) else {
        return nil
    }
    let typed = String(line.prefix(Int(end)))
    list[0] = strdup(completedLine(typed, candidates: candidates))
    for (index, candidate) in candidates.enumerated() { list[index + 1] = strdup(candidate) }
    return list
}

/// What one Tab makes of the line: the single candidate, or the candidates' common prefix
/// when it adds to what was typed. A prefix that only changes the case (`show re` → `show Re`)
/// leaves the line as typed, so the next Tab lists the candidates whatever case was typed.
func completedLine(_ typed: String, candidates: [String]) -> String {
    if candidates.count == 1 { return candidates[0] }
    let prefix = commonPrefix(candidates)
    return prefix.count > typed.count ? prefix : typed
}

/// The longest case-insensitive common prefix, spelled as the first candidate spells it.
func commonPrefix(_ strings: [String]) -> String {
    guard var prefix = strings.first.map(Array.init) else { return "" }
    for string in strings.dropFirst() {
        let other = Array(string)
        var count = 0
        while count < prefix.count, count < other.count,
            prefix[count].lowercased() == other[count].lowercased()
        { count += 1 }
        prefix = Array(prefix.prefix(count))
    }
    return String(prefix)
}
