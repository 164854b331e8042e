import CSV
import Foundation

/// Writes rows through yaslab/CSV.swift's `CSVWriter` (RFC 4180 quoting), to a stream or text.
enum CSVText {
    static func write(header: [String], rows: [[String]], to stream: OutputStream, what: String) throws {
        do {
            let writer = try CSVWriter(stream: stream)
            try writer.write(row: header)
            for row in rows { try writer.write(row: row) }
            var newline: UInt8 = 0x0A  // CSVWriter separates rows; end the last one too
            if stream.write(&newline, maxLength: 1) != 1 {
                throw ExportError.cannotWrite(what: what, reason: stream.streamError.map { "\($0)" } ?? "write failed")
            }
        } catch let error as ExportError {
            throw error
        } catch {
            throw ExportError.cannotWrite(what: what, reason: "\(error)")
        }
    }

    static func text(header: [String], rows: [[String]], what: String) throws -> String {
        let stream = OutputStream(toMemory: ())
        try write(header: header, rows: rows, to: stream, what: what)
        let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data
        stream.close()
        guard let data else { throw ExportError.cannotWrite(what: what, reason: "no data in the memory stream") }
        return String(decoding: data, as: UTF8.self)
    }
}
