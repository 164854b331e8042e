import CSV
import Foundation

/// Writes rows through yaslab/CSV.swift's `CSVWriter` (RFC 4180 quoting), to a stream or text.
/// A file stream is flushed when it is an `ExportSink`.
enum CSVText {
    static func write(header: [String], rows: [[String]], to stream: OutputStream, what: String) throws {
        do {
            let writer = try CSVWriter(stream: stream)
            try writer.write(row: header)
            for row in rows { try writer.write(row: row) }
            var newline: UInt8 = 0x0A  // CSVWriter separates rows; end the last one too
            if stream.write(&newline, maxLength: 1) != 1 {
                throw StoreError.export(.cannotWrite(what: what, reason: stream.streamError.map { "\($0)" } ?? "write failed"))
            }
            try (stream as? ExportSink)?.flush()
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.export(.cannotWrite(what: what, reason: "\(error)"))
        }
    }

    static func text(header: [String], rows: [[String]], what: String) throws -> String {
        let sink = ExportSink()
        try write(header: header, rows: rows, to: sink, what: what)
        return sink.text
    }
}
