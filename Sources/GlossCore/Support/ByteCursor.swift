import Foundation

/// Reads JSON values from bytes in place: the one byte cursor of gloss's hand-written readers
/// (the journal line codec, the timestamps in it).
///
/// ```swift
/// var cursor = ByteCursor(bytes)        // over `{"seq":12,"answer":"a\"b"}`
/// cursor.expect(UInt8(ascii: "{"))      // true
/// cursor.string()                       // "seq"
/// ```
/// Every reader answers nil (or false) on anything it does not accept and leaves `index`
/// where the problem is, so a caller can say which byte of a line is wrong.
public struct ByteCursor {
    public let bytes: UnsafeBufferPointer<UInt8>
    public var index = 0

    public init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    @inlinable public var isAtEnd: Bool { index >= bytes.count }

    /// The next byte after white space, not consumed.
    @inlinable public mutating func peek() -> UInt8? {
        skipSpace()
        return index < bytes.count ? bytes[index] : nil
    }

    @inlinable public mutating func skipSpace() {
        var i = index
        while i < bytes.count, bytes[i] == 32 || bytes[i] == 9 || bytes[i] == 13 || bytes[i] == 10 { i += 1 }
        index = i
    }

    /// Consumes `byte` (after white space) when it is next.
    @inlinable @discardableResult public mutating func expect(_ byte: UInt8) -> Bool {
        skipSpace()
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    /// Consumes the literal `null` when it is next.
    public mutating func null() -> Bool { literal("null") }

    public mutating func bool() -> Bool? {
        if literal("true") { return true }
        if literal("false") { return false }
        return nil
    }

    private mutating func literal(_ word: StaticString) -> Bool {
        skipSpace()
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        let start = word.utf8Start
        for k in 0..<count where bytes[index + k] != start[k] { return false }
        index += count
        return true
    }

    /// A JSON integer, `-?(0|[1-9][0-9]*)`, that fits an `Int` and has no fraction or exponent.
    @inlinable public mutating func int() -> Int? {
        skipSpace()
        let start = index
        var negative = false
        if index < bytes.count, bytes[index] == 45 {
            negative = true
            index += 1
        }
        let first = index
        var value = 0
        // A local index: the loop keeps it in a register.
        var i = first
        let count = bytes.count
        while i < count, bytes[i] >= 48, bytes[i] <= 57 {
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(Int(bytes[i] - 48))
            guard !o1, !o2 else {
                index = start
                return nil
            }
            value = a
            i += 1
        }
        let digits = i - first
        guard digits > 0, digits == 1 || bytes[first] != 48,
            i >= count || (bytes[i] != 46 && bytes[i] != 101 && bytes[i] != 69)
        else {
            index = start
            return nil
        }
        index = i
        return negative ? -value : value
    }

    /// A JSON number as a finite `Double`, converted exactly (one correct rounding).
    public mutating func double() -> Double? {
        skipSpace()
        let start = index
        if index < bytes.count, bytes[index] == 45 { index += 1 }
        let whole = index
        guard digits() > 0, index - whole == 1 || bytes[whole] != 48 else {
            index = start
            return nil
        }
        if index < bytes.count, bytes[index] == 46 {
            index += 1
            guard digits() > 0 else {
                index = start
                return nil
            }
        }
        if index < bytes.count, bytes[index] == 101 || bytes[index] == 69 {
            index += 1
            if index < bytes.count, bytes[index] == 43 || bytes[index] == 45 { index += 1 }
            guard digits() > 0 else {
                index = start
                return nil
            }
        }
        let text = UnsafeBufferPointer(rebasing: bytes[start..<index])
        if let exact = Self.exactDouble(text) { return exact }
        guard let value = Double(String(decoding: text, as: UTF8.self)), value.isFinite else {
            index = start
            return nil
        }
        return value
    }

    private mutating func digits() -> Int {
        let start = index
        while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 { index += 1 }
        return index - start
    }

    /// The bytes of a JSON object, `{` to its matching `}` (strings in it skipped whole,
    /// escapes and all), consumed; nil, with `index` at its start, when it is not one or does
    /// not end. The values inside are not checked: hand the bytes to a full JSON reader.
    public mutating func objectBytes() -> UnsafeBufferPointer<UInt8>? {
        skipSpace()
        let start = index
        guard index < bytes.count, bytes[index] == 123 else { return nil }
        var depth = 0
        var inString = false
        while index < bytes.count {
            let c = bytes[index]
            index += 1
            if inString {
                if c == 92 {
                    index += 1
                } else if c == 34 {
                    inString = false
                }
                continue
            }
            switch c {
            case 34: inString = true
            case 123, 91: depth += 1
            case 125, 93:
                depth -= 1
                if depth == 0 { return UnsafeBufferPointer(rebasing: bytes[start..<index]) }
            default: break
            }
        }
        index = start
        return nil
    }

    /// The bytes of a JSON string that has no escape (nil when it has one, or is malformed):
    /// keys and identifiers, compared without building a `String`.
    @inlinable public mutating func plainString() -> UnsafeBufferPointer<UInt8>? {
        guard expect(34) else { return nil }
        let start = index
        var i = start
        let count = bytes.count
        // Eight bytes at a time to the first that is a quote, a backslash or a control byte
        // (the lowest flagged byte of each test is a true one), then one at a time.
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while i + 8 <= count {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                let flags =
                    Self.zeroBytes(word ^ 0x2222_2222_2222_2222) | Self.zeroBytes(word ^ 0x5C5C_5C5C_5C5C_5C5C)
                    | ((word &- 0x2020_2020_2020_2020) & ~word & 0x8080_8080_8080_8080)
                if flags != 0 {
                    i += flags.trailingZeroBitCount / 8
                    break
                }
                i += 8
            }
        }
        // A local index over the bytes: the scan keeps it in a register.
        while i < count {
            let c = bytes[i]
            if c == 34 {
                index = i + 1
                return UnsafeBufferPointer(rebasing: bytes[start..<i])
            }
            if c == 92 || c < 32 { break }
            i += 1
        }
        index = start - 1
        return nil
    }

    /// The high bit of each zero byte of `word` (and perhaps of bytes above the first).
    @inlinable static func zeroBytes(_ word: UInt64) -> UInt64 {
        (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
    }

    /// A JSON string with its escapes resolved (`\"`, `\\`, `\/`, `\b`, `\f`, `\n`, `\r`, `\t`,
    /// `\uXXXX` with surrogate pairs); nil for a malformed string or invalid UTF-8.
    /// The text of UTF-8 `bytes`, nil when they are not valid UTF-8. ASCII bytes (nearly
    /// every string gloss writes) skip `String(validating:)`, whose generic checks cost about
    /// a thousand instructions a call (a snapshot has 30,000 keys).
    public static func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        isASCII(bytes) ? String(decoding: bytes, as: UTF8.self) : String(validating: bytes, as: UTF8.self)
    }

    /// Whether every byte is ASCII, eight bytes at a time.
    public static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        if let base = bytes.baseAddress {
            while index + 8 <= bytes.count {
                if UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
                index += 8
            }
        }
        while index < bytes.count {
            if bytes[index] >= 0x80 { return false }
            index += 1
        }
        return true
    }

    public mutating func string() -> String? {
        let start = index
        if let plain = plainString() { return Self.text(plain) }
        index = start
        guard expect(34) else { return nil }
        var out: [UInt8] = []
        while index < bytes.count {
            let c = bytes[index]
            index += 1
            if c == 34 { return out.withUnsafeBufferPointer(Self.text) }
            if c < 32 { break }
            guard c == 92 else {
                out.append(c)
                continue
            }
            guard index < bytes.count else { break }
            let e = bytes[index]
            index += 1
            switch e {
            case 34, 92, 47: out.append(e)
            case 98: out.append(8)
            case 102: out.append(12)
            case 110: out.append(10)
            case 114: out.append(13)
            case 116: out.append(9)
            case 117:
                guard var scalar = hex4() else {
                    index = start
                    return nil
                }
                if (0xD800..<0xDC00).contains(scalar) {
                    guard expectRaw(92), expectRaw(117), let low = hex4(), (0xDC00..<0xE000).contains(low) else {
                        index = start
                        return nil
                    }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let unicode = Unicode.Scalar(scalar) else {
                    index = start
                    return nil
                }
                out.append(contentsOf: Array(String(Character(unicode)).utf8))
            default:
                index = start
                return nil
            }
        }
        index = start
        return nil
    }

    private mutating func expectRaw(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    private mutating func hex4() -> UInt32? {
        guard index + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let c = bytes[index]
            let digit: UInt32
            switch c {
            case 48...57: digit = UInt32(c - 48)
            case 65...70: digit = UInt32(c - 55)
            case 97...102: digit = UInt32(c - 87)
            default: return nil
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    /// A plain decimal whose digits, as an integer, are at most 2^53 (so exact in a Double),
    /// with at most 22 of them after the point, converted by one division by an exact power
    /// of ten, which rounds once, correctly (Clinger's fast path). Nil for anything else
    /// (exponents, longer numbers): the caller uses the full conversion.
    public static func exactDouble(_ text: UnsafeBufferPointer<UInt8>) -> Double? {
        var i = 0
        let negative = i < text.count && text[i] == 45
        if negative { i += 1 }
        var mantissa: UInt64 = 0, digits = 0, exponent = 0
        var fraction = false
        while i < text.count {
            let c = text[i]
            if c >= 48 && c <= 57 {
                if digits > 0 || c != 48 { digits += 1 }
                guard digits <= 19 else { return nil }
                mantissa = mantissa * 10 + UInt64(c - 48)
                if fraction { exponent -= 1 }
            } else if c == 46 && !fraction {
                fraction = true
            } else {
                return nil  // an exponent: the full conversion
            }
            i += 1
        }
        let value: Double
        if exponent == 0 {
            value = Double(mantissa)  // an integer conversion rounds once, correctly
        } else if exponent >= -22, mantissa <= 1 << 53 {
            value = Double(mantissa) / powersOfTen[-exponent]  // both exact: one rounding
        } else if exponent >= -27, mantissa != 0 {
            value = quotient(mantissa, fractionDigits: -exponent)
        } else {
            return nil
        }
        return negative ? -value : value
    }

    /// `mantissa / 10^p`, rounded once, for `p` up to 27 (the 17 digits a shortest round trip
    /// of a stability writes): `10^p` is `5^p · 2^p`, and `5^p` fits in 64 bits, so one
    /// 128-by-64-bit division gives a quotient of 63 or 64 bits; its remainder, folded into
    /// the lowest bit, settles ties, and scaling by a power of two is exact.
    private static func quotient(_ mantissa: UInt64, fractionDigits p: Int) -> Double {
        let divisor = powersOfFive[p]
        let shift = 63 + (64 - divisor.leadingZeroBitCount) - (64 - mantissa.leadingZeroBitCount)
        let high = shift == 0 ? 0 : shift < 64 ? mantissa >> (64 - shift) : mantissa << (shift - 64)
        let low = shift < 64 ? mantissa << shift : 0
        let (quotient, remainder) = divisor.dividingFullWidth((high, low))
        let rounded = Double(remainder == 0 ? quotient : quotient | 1)
        return Double(sign: .plus, exponent: -(shift + p), significand: rounded)
    }

    private static let powersOfTen: [Double] = (0...22).map { n in (0..<n).reduce(1.0) { value, _ in value * 10 } }
    private static let powersOfFive: [UInt64] = (0...27).map { n in (0..<n).reduce(1) { value, _ in value * 5 } }
}
