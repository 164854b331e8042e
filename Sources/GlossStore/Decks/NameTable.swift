import GlossCore

/// A table of a deck's names or ids, found as Swift compares strings (canonically equivalent
/// spellings are one name), ignoring case or not, with the first value stored for each kept.
///
/// ASCII names (nearly all) are found by their bytes in a `ByteTable`, lower-cased on the
/// bytes: hashing and lower-casing `String`s was most of the time of loading a deck of 10,000
/// entries. A name with other scalars is looked up as a `String` (its `lowercased()` form when
/// ignoring case), as before, unless it is canonically an ASCII name: only three scalars
/// decompose to ASCII alone (U+037E to `;`, U+1FEF to a backtick, the Kelvin sign U+212A to
/// `K`; a scan of every scalar found no other), and a name of those and ASCII goes by the ASCII
/// name's bytes. (Foundation's NFC is not asked: it lags behind Swift's own Unicode data for new
/// scripts, and costs microseconds a name.)
/// A class, so that the closures that reach its tables hold a reference, not a copy of them.
final class NameTable<Value> {
    private var ascii = ByteTable<Value>(limit: .max)
    private var other: [String: Value] = [:]
    let ignoringCase: Bool

    init(ignoringCase: Bool) { self.ignoringCase = ignoringCase }

    /// The value stored for `name`.
    func find(_ name: String) -> Value? {
        withKey(name, ascii: { ascii.find($0)?.value }, text: { other[$0] })
    }

    /// The value stored for `name`, storing `value` for it first when none is (the first
    /// value stored for a name is kept), and whether it was stored now.
    @discardableResult
    func keepFirst(_ name: String, _ value: Value) -> (value: Value, isNew: Bool) {
        withKey(
            name,
            ascii: { bytes in
                var isNew = false
                let kept = ascii.entry(bytes) { _ in
                    isNew = true
                    return value
                }
                return (kept?.value ?? value, isNew)
            },
            text: { text in
                if let found = other[text] { return (found, false) }
                other[text] = value
                return (value, true)
            })
    }

    /// Calls `ascii` with the bytes `name` is found by, or `text` with the string.
    @inline(__always)
    private func withKey<R>(
        _ name: String, ascii: (UnsafeBufferPointer<UInt8>) -> R, text: (String) -> R
    ) -> R {
        var name = name
        let lowered = ignoringCase
        if let found = name.withUTF8({ Self.withASCII($0, lowered: lowered, ascii) }) { return found }
        var folded = lowered ? name.lowercased() : name
        if let found = folded.withUTF8({ Self.withASCII($0, lowered: false, ascii) }) { return found }
        if let spelled = Self.asciiEquivalent(folded) {
            return spelled.withUnsafeBufferPointer { bytes in ascii(bytes) }
        }
        return text(folded)
    }

    /// The ASCII name `name` is canonically equal to, when its only scalars beyond ASCII are
    /// those that decompose to ASCII alone; nil otherwise.
    static func asciiEquivalent(_ name: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        for scalar in name.unicodeScalars {
            switch scalar.value {
            case 0..<0x80: bytes.append(UInt8(scalar.value))
            case 0x037E: bytes.append(UInt8(ascii: ";"))
            case 0x1FEF: bytes.append(UInt8(ascii: "`"))
            case 0x212A: bytes.append(UInt8(ascii: "K"))
            default: return nil
            }
        }
        return bytes
    }

    /// `body` of ASCII `bytes`, lower-cased (on the stack) when `lowered`; nil when a byte is not ASCII.
    @inline(__always)
    private static func withASCII<R>(
        _ bytes: UnsafeBufferPointer<UInt8>, lowered: Bool, _ body: (UnsafeBufferPointer<UInt8>) -> R
    ) -> R? {
        guard ByteCursor.isASCII(bytes) else { return nil }
        guard lowered else { return body(bytes) }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { out in
            for i in bytes.indices {
                let byte = bytes[i]
                out[i] = byte >= 65 && byte <= 90 ? byte | 0x20 : byte
            }
            return body(UnsafeBufferPointer(out))
        }
    }
}
