import CSV
import Foundation

/// One CSV text field, quoted by the rule of the CSV library the other exports use.
enum CSVField {
    /// The bytes of one text field as `CSVWriter` (comma delimiter) writes it: quoted, with
    /// quotes doubled, when it holds a quote, comma, CR or LF; as it is otherwise.
    static func bytes(_ value: String) -> [UInt8] {
        let plain = !value.utf8.contains { $0 == 0x22 || $0 == 0x2C || $0 == 0x0D || $0 == 0x0A }
        if plain { return Array(value.utf8) }
        // Rare: let the library decide, so the rule is exactly its own.
        let sink = ExportSink()
        do {
            let writer = try CSVWriter(stream: sink)
            try writer.write(row: [value])
        } catch {
            return Array(("\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"").utf8)
        }
        return sink.bytes
    }
}
