import Foundation

/// The bytes by which a deck's names and ids are told apart, for `ByteTable`: names as
/// Swift compares strings (canonically equivalent spellings are one name), ignoring case or
/// not. ASCII text is its own bytes (lower-cased on the bytes); other text is the UTF-8 of its
/// NFC form (of its `lowercased()` form when ignoring case), on which Swift's `==` rests.
enum NameBytes {
    /// Calls `body` with the bytes of `name` lower-cased. (Inlined, so that a closure that
    /// reads a table of its caller's does not copy the caller.)
    @inline(__always)
    static func lowercased<R>(_ name: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        var name = name
        let ascii = name.withUTF8 { bytes -> R? in
            guard isASCII(bytes) else { return nil }
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { out in
                for i in bytes.indices {
                    let byte = bytes[i]
                    out[i] = byte >= 65 && byte <= 90 ? byte | 0x20 : byte
                }
                return body(UnsafeBufferPointer(out))
            }
        }
        if let ascii { return ascii }
        var folded = name.lowercased().precomposedStringWithCanonicalMapping
        return folded.withUTF8(body)
    }

    /// Calls `body` with the bytes of `name` as they are (in NFC when not ASCII).
    @inline(__always)
    static func exact<R>(_ name: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        var name = name
        if name.withUTF8(isASCII) { return name.withUTF8(body) }
        var composed = name.precomposedStringWithCanonicalMapping
        return composed.withUTF8(body)
    }

    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.allSatisfy { $0 < 0x80 }
    }
}

extension ByteTable {
    /// The value stored under `bytes`, storing `value` there first when none is (the first
    /// value stored for a key is kept), and whether it was stored now.
    @discardableResult
    mutating func keepFirst(_ bytes: UnsafeBufferPointer<UInt8>, _ value: Value) -> (value: Value, isNew: Bool) {
        var isNew = false
        let kept = entry(bytes) { _ in
            isNew = true
            return value
        }
        return (kept?.value ?? value, isNew)
    }
}
