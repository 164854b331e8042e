import Foundation
import GlossCore

/// The full journal dump: one JSON object per record (all kinds, revocations included),
/// keys sorted, dates as UTC ISO-8601 with microseconds.
public enum ReviewsJSONL {
    /// The dump as text, one line per record, each ending in a newline.
    public static func text(records: [ReviewRecord]) throws -> String {
        let encoder = makeEncoder()
        var out = ""
        for record in records {
            do {
                out += String(decoding: try encoder.encode(record), as: UTF8.self)
            } catch {
                throw StoreError.export(.cannotWrite(what: "JSON Lines", reason: "record \(record.seq): \(error)"))
            }
            out += "\n"
        }
        return out
    }

    /// Writes the dump of the records `forEach` hands over, one at a time, to `emit` in
    /// chunks of about `chunkSize` bytes that end at a line end: the bytes of
    /// `text(records:)`, without holding the records.
    public static func write(
        forEach: (_ body: (ReviewRecord) throws -> Void) throws -> Void, chunkSize: Int = 1 << 20,
        emit: ([UInt8]) throws -> Void
    ) throws {
        let encoder = makeEncoder()
        var out = ByteChunks(size: chunkSize)
        try withoutActuallyEscaping(emit) { emit in
            try forEach { record in
                do {
                    out.buffer.append(contentsOf: try encoder.encode(record))
                } catch {
                    throw StoreError.export(.cannotWrite(what: "JSON Lines", reason: "record \(record.seq): \(error)"))
                }
                out.buffer.append(0x0A)
                try out.lineEnded(emit)
            }
        }
        try out.finish(emit)
    }

    /// The encoder of the dump: keys sorted, slashes as they are, times by `ISOTime.format`.
    static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(ISOTime.format(date))
        }
        return encoder
    }

    /// Reads a dump back, for tests and tools; the error names the 1-based line.
    public static func records(from text: String) throws -> [ReviewRecord] {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = ISOTime.parse(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an ISO-8601 time: \(text)")
            }
            return date
        }
        var records: [ReviewRecord] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.isEmpty {
            do {
                records.append(try decoder.decode(ReviewRecord.self, from: Data(line.utf8)))
            } catch {
                throw StoreError.export(.unreadableLine(line: index + 1, reason: "\(error)"))
            }
        }
        return records
    }
}
