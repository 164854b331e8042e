import Foundation

/// A small, strict JSON reader for the hot paths of the progress files (journal lines and
/// the snapshot's cards), about an order of magnitude cheaper than `JSONDecoder` there.
///
/// It answers nil for anything unusual (invalid JSON, non-ASCII text that is not valid
/// UTF-8, a number where an integer is expected with a fraction, ...); callers then fall
/// back to `JSONDecoder`, which decides and explains. Tests check both agree field by field.
enum FastJSON {
    struct Member {
        var key: String
        var value: Value
    }

    enum Value {
        case object([Member])
        case array([Value])
        case string(String)
        /// The literal's text: parsed as `Int` or `Double` when asked.
        case number(String)
        case bool(Bool)
        case null

        subscript(_ key: String) -> Value? {
            guard case .object(let members) = self else { return nil }
            for member in members where member.key == key { return member.value }
            return nil
        }

        var string: String? {
            if case .string(let s) = self { return s }
            return nil
        }
        var int: Int? {
            guard case .number(let text) = self,
                !text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" })
            else { return nil }
            return Int(text)
        }
        var double: Double? {
            if case .number(let text) = self { return Double(text) }
            return nil
        }
        var bool: Bool? {
            if case .bool(let b) = self { return b }
            return nil
        }
        var isNull: Bool {
            if case .null = self { return true }
            return false
        }
    }

    /// Parses one complete JSON text (surrounding whitespace allowed).
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Value? {
        var parser = Parser(bytes: bytes)
        guard let value = parser.value() else { return nil }
        parser.skipSpace()
        return parser.index == bytes.count ? value : nil
    }

    struct Parser {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0
        var depth = 0

        mutating func skipSpace() {
            while index < bytes.count {
                let c = bytes[index]
                guard c == 32 || c == 10 || c == 13 || c == 9 else { return }
                index += 1
            }
        }

        mutating func value() -> Value? {
            skipSpace()
            guard index < bytes.count, depth < 64 else { return nil }
            switch bytes[index] {
            case UInt8(ascii: "{"): return object()
            case UInt8(ascii: "["): return array()
            case UInt8(ascii: "\""): return string().map(Value.string)
            case UInt8(ascii: "t"): return literal("true", .bool(true))
            case UInt8(ascii: "f"): return literal("false", .bool(false))
            case UInt8(ascii: "n"): return literal("null", .null)
            default: return number()
            }
        }

        private mutating func literal(_ word: StaticString, _ value: Value) -> Value? {
            let count = word.utf8CodeUnitCount
            guard index + count <= bytes.count else { return nil }
            for i in 0..<count where bytes[index + i] != word.utf8Start[i] { return nil }
            index += count
            return value
        }

        private mutating func object() -> Value? {
            index += 1
            depth += 1
            defer { depth -= 1 }
            var members: [Member] = []
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                index += 1
                return .object(members)
            }
            while true {
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\""), let key = string() else { return nil }
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
                index += 1
                guard let value = value() else { return nil }
                members.append(Member(key: key, value: value))
                skipSpace()
                guard index < bytes.count else { return nil }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                } else if bytes[index] == UInt8(ascii: "}") {
                    index += 1
                    return .object(members)
                } else {
                    return nil
                }
            }
        }

        private mutating func array() -> Value? {
            index += 1
            depth += 1
            defer { depth -= 1 }
            var items: [Value] = []
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                index += 1
                return .array(items)
            }
            while true {
                guard let item = value() else { return nil }
                items.append(item)
                skipSpace()
                guard index < bytes.count else { return nil }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                } else if bytes[index] == UInt8(ascii: "]") {
                    index += 1
                    return .array(items)
                } else {
                    return nil
                }
            }
        }

        /// A string without escapes; nil for escapes or invalid UTF-8 (the slow path handles them).
        private mutating func string() -> String? {
            index += 1
            let start = index
            var ascii = true
            while index < bytes.count {
                let c = bytes[index]
                if c == UInt8(ascii: "\"") {
                    let slice = UnsafeBufferPointer(rebasing: bytes[start..<index])
                    index += 1
                    if ascii { return String(decoding: slice, as: UTF8.self) }
                    return String(bytes: slice, encoding: .utf8)
                }
                if c == UInt8(ascii: "\\") || c < 0x20 { return nil }
                if c >= 0x80 { ascii = false }
                index += 1
            }
            return nil
        }

        private mutating func number() -> Value? {
            let start = index
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
            let intStart = index
            while index < bytes.count, (48...57).contains(bytes[index]) { index += 1 }
            let intDigits = index - intStart
            guard intDigits > 0, !(intDigits > 1 && bytes[intStart] == 48) else { return nil }
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                let fracStart = index
                while index < bytes.count, (48...57).contains(bytes[index]) { index += 1 }
                guard index > fracStart else { return nil }
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
                index += 1
                if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
                let expStart = index
                while index < bytes.count, (48...57).contains(bytes[index]) { index += 1 }
                guard index > expStart else { return nil }
            }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
            return .number(text)
        }
    }
}
