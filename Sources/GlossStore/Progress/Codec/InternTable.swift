import Foundation
import GlossCore

/// The strings a journal reader has seen, found by the bytes that spell them: card ids,
/// devices and answers repeat across a journal, so each is built once and shared
/// (`ByteTable`). It stops growing at `limit` strings (later ones are built each time).
struct InternTable {
    private var table: ByteTable<String>
    var count: Int { table.count }
    var limit: Int { table.limit }

    init(limit: Int = 1 << 20) { table = ByteTable(limit: limit) }

    /// The string `bytes` spell (nil for invalid UTF-8), the same instance as for earlier
    /// equal bytes.
    mutating func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        table.value(bytes) { String(validating: $0, as: UTF8.self) }
    }
}
