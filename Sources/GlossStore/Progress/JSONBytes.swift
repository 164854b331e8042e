import Foundation
import GlossCore

/// Writes JSON by hand into bytes, for the derived files that are large and of a fixed shape
/// (the stats cache): integers, strings and objects with sorted keys, without `JSONEncoder`'s
/// boxing of every value. Readers of the same shapes are on `ByteCursor` (below).
enum JSONBytes {
    /// A whole number, in decimal.
    static func int(_ value: Int, to out: inout [UInt8]) { out.appendDecimal(value) }

    /// `[a,b,c]`, each element written by `element`.
    static func array<Element>(_ values: [Element], to out: inout [UInt8], _ element: (Element, inout [UInt8]) -> Void) {
        out.append(91)
        for (i, value) in values.enumerated() {
            if i > 0 { out.append(44) }
            element(value, &out)
        }
        out.append(93)
    }

    /// `[1,2,3]`.
    static func ints(_ values: [Int], to out: inout [UInt8]) { array(values, to: &out, int) }

    /// An object of `values`, its keys sorted (by their UTF-8 bytes), each value written by
    /// `value`.
    static func object<Value>(
        _ values: [String: Value], to out: inout [UInt8], _ value: (Value, inout [UInt8]) -> Void
    ) {
        out.append(123)
        for (i, key) in sortedKeys(values.keys).enumerated() {
            guard let v = values[key] else { continue }
            if i > 0 { out.append(44) }
            JournalCodec.quote(key, to: &out)
            out.append(58)
            value(v, &out)
        }
        out.append(125)
    }

    /// `keys` in the order of their UTF-8 bytes (`utf8Precedes`); keys of ASCII alone (card
    /// keys, entry ids) by `String`'s own order, which is the same for them and faster.
    static func sortedKeys(_ keys: some Collection<String>) -> [String] {
        var sorted = Array(keys)
        if sorted.allSatisfy({ $0.utf8.allSatisfy { $0 < 0x80 } }) {
            sorted.sort()
        } else {
            sorted.sort(by: utf8Precedes)
        }
        return sorted
    }

    /// Whether `a`'s UTF-8 bytes sort before `b`'s: the order of sorted keys.
    static func utf8Precedes(_ a: String, _ b: String) -> Bool {
        let fast = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y in
                let common = min(x.count, y.count)
                if common > 0, let p = x.baseAddress, let q = y.baseAddress {
                    let order = memcmp(p, q, common)
                    if order != 0 { return order < 0 }
                }
                return x.count < y.count
            }
        }
        return (fast ?? nil) ?? a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    /// `"key":` after a comma unless it is the first member.
    static func key(_ key: StaticString, first: Bool = false, to out: inout [UInt8]) {
        if !first { out.append(44) }
        out.append(34)
        out.append(contentsOf: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
        out.append(34)
        out.append(58)
    }
}

extension ByteCursor {
    /// Reads an object, calling `member` with each key, the cursor after its `:`; `member`
    /// reads the value and answers whether it could. False for anything else.
    mutating func members(_ member: (String, inout ByteCursor) -> Bool) -> Bool {
        object(key: { $0.string() }, member)
    }

    /// `members` for keys of plain bytes: `member` gets each key's bytes (a key with an
    /// escape reads as false).
    mutating func plainMembers(_ member: (UnsafeBufferPointer<UInt8>, inout ByteCursor) -> Bool) -> Bool {
        object(key: { $0.plainString() }, member)
    }

    private mutating func object<Key>(key: (inout ByteCursor) -> Key?, _ member: (Key, inout ByteCursor) -> Bool) -> Bool {
        guard expect(123) else { return false }
        if expect(125) { return true }
        repeat {
            guard let key = key(&self), expect(58), member(key, &self) else { return false }
        } while expect(44)
        return expect(125)
    }

    /// An array whose elements `element` reads.
    mutating func array<Element>(_ element: (inout ByteCursor) -> Element?) -> [Element]? {
        guard expect(91) else { return nil }
        var values: [Element] = []
        if expect(93) { return values }
        repeat {
            guard let value = element(&self) else { return nil }
            values.append(value)
        } while expect(44)
        return expect(93) ? values : nil
    }

    /// `[1,2,3]`.
    mutating func ints() -> [Int]? { array { $0.int() } }

    /// `["a","b"]`.
    mutating func strings() -> [String]? { array { $0.string() } }

    /// `[[1,2],[3]]`.
    mutating func intRows() -> [[Int]]? { array { $0.ints() } }

    /// Null, leaving `value` nil, or what `read` reads, into `value`; false for anything else.
    mutating func nullable<Value>(into value: inout Value?, _ read: (inout ByteCursor) -> Value?) -> Bool {
        if null() { return true }
        value = read(&self)
        return value != nil
    }

    /// An object whose values `value` reads.
    mutating func dictionary<Value>(_ value: (inout ByteCursor) -> Value?) -> [String: Value]? {
        var out: [String: Value] = [:]
        let ok = members { key, cursor in
            guard let v = value(&cursor) else { return false }
            out[key] = v
            return true
        }
        return ok ? out : nil
    }
}
