/// The 64-bit FNV-1a hash of bytes: a card's digest (`CardKey.digest`) and the fuzz seeds
/// built on it. Stable across runs and machines, unlike `Hasher`.
public enum FNV1a {
    public static let offsetBasis: UInt64 = 0xCBF2_9CE4_8422_2325

    /// Mixes `bytes` into `h`.
    @inlinable public static func mix(_ bytes: some Sequence<UInt8>, into h: inout UInt64) {
        for byte in bytes {
            h ^= UInt64(byte)
            h &*= 0x0000_0100_0000_01B3
        }
    }

    /// Mixes `text`'s UTF-8 bytes into `h`.
    public static func mix(_ text: String, into h: inout UInt64) {
        // The bytes in place (`withUTF8` lends a small string's from the stack; the UTF-8 view
        // of one, which `withContiguousStorageIfAvailable` leaves, is read a byte at a time).
        var text = text
        var hash = h
        text.withUTF8 { mix($0, into: &hash) }
        h = hash
    }
}
