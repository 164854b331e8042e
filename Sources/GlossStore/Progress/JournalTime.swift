import Foundation
import GlossCore

/// Dates in progress files: ISO-8601 UTC with milliseconds, `2026-11-29T03:04:05.678Z`.
///
/// A purpose-built formatter and parser (Foundation's ISO-8601 formatter is slow and drops
/// fractions by default). Times are kept to the millisecond, so a value read back equals
/// the value written once it has been through `rounded(_:)`.
enum JournalTime {
    /// `date` rounded to the millisecond, as stored.
    static func rounded(_ date: Date) -> Date {
        Date(timeIntervalSince1970: (date.timeIntervalSince1970 * 1000).rounded() / 1000)
    }

    static func format(_ date: Date) -> String {
        String(unsafeUninitializedCapacity: 24) { write(date, into: UnsafeMutableBufferPointer(rebasing: $0[0..<24])) }
    }

    /// Appends `format(date)`'s bytes, without a string between.
    static func append(_ date: Date, to out: inout [UInt8]) {
        let start = out.count
        out.append(contentsOf: repeatElement(0, count: 24))
        out.withUnsafeMutableBufferPointer { _ = write(date, into: UnsafeMutableBufferPointer(rebasing: $0[start..<start + 24])) }
    }

    /// Writes `yyyy-MM-ddTHH:mm:ss.SSSZ` into the 24 bytes of `out`; returns 24.
    private static func write(_ date: Date, into out: UnsafeMutableBufferPointer<UInt8>) -> Int {
        let totalMs = Int64((date.timeIntervalSince1970 * 1000).rounded())
        var days = totalMs / 86_400_000
        var msOfDay = totalMs % 86_400_000
        if msOfDay < 0 {
            msOfDay += 86_400_000
            days -= 1
        }
        let (y, m, d) = ISOTime.civilFromDays(Int(days))
        return UTCTimeBytes.write(
            year: y, month: m, day: d, secondOfDay: Int(msOfDay / 1000), fraction: Int(msOfDay % 1000), fractionDigits: 3,
            suffix: "Z", into: out)
    }

    /// Parses an ISO-8601 time (`ISOTime`, the one parser: real calendar days, `Z` or an
    /// offset), kept to the millisecond; nil for any other shape.
    static func parse(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { parse(bytes: $0) }
    }

    static func parse(bytes b: UnsafeBufferPointer<UInt8>) -> Date? {
        guard let micros = ISOTime.parseMicroseconds(utf8: b) else { return nil }
        return Date(timeIntervalSince1970: (Double(micros) / 1000).rounded() / 1000)
    }
}

/// The JSON coders every progress file uses: sorted keys, dates as `JournalTime`.
enum ProgressCoding {
    static func encoder(pretty: Bool = false) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting =
            pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(JournalTime.format(date))
        }
        return encoder
    }

    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = JournalTime.parse(text) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "\"\(text)\" is not an ISO-8601 time like 2026-11-29T03:04:05.678Z")
            }
            return date
        }
        return decoder
    }

    /// Where a decoding error happened, in words: `cards.ai/x/recall.due: expected a number`.
    static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        func path(_ context: DecodingError.Context) -> String {
            let p = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            return p.isEmpty ? "" : "at \(p): "
        }
        switch error {
        case .typeMismatch(let type, let context): return "\(path(context))expected \(type)"
        case .valueNotFound(let type, let context): return "\(path(context))missing \(type) value"
        case .keyNotFound(let key, let context): return "\(path(context))missing field \"\(key.stringValue)\""
        case .dataCorrupted(let context):
            return "\(path(context))\(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }

    /// Where invalid JSON goes wrong: the 1-based line and a message with the column, e.g.
    /// `(3, "not valid JSON at line 3, column 13")`; nil when `data` is valid JSON.
    static func syntaxError(in data: Data) -> (line: Int, problem: String)? {
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            return nil
        } catch {
            let text = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
            guard let range = text.range(of: #"character \d+"#, options: .regularExpression),
                let index = Int(text[range].dropFirst(10))
            else { return (1, "not valid JSON (\(text))") }
            var line = 1, column = 1
            for byte in data.prefix(index) {
                if byte == 10 {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            }
            let what = text.components(separatedBy: " around").first ?? text
            return (line, "not valid JSON at line \(line), column \(column): \(what.lowercased())")
        }
    }
}
