import GlossCore

/// Writes a UTC time as `yyyy-MM-ddTHH:mm:ss.` + fraction + suffix into bytes: the one digit
/// layout behind the journal's times (`JournalTime`, milliseconds and `Z`) and the reviews
/// export's (`appendISOTime`, microseconds and `+00:00`).
enum UTCTimeBytes {
    /// Writes the time at the start of `out` and answers how many bytes it took; `fraction`
    /// is written with `fractionDigits` digits. `out` must hold 20 + `fractionDigits` +
    /// `suffix` bytes; `year` must be 0...9999.
    static func write(
        year: Int, month: Int, day: Int, secondOfDay: Int, fraction: Int, fractionDigits: Int, suffix: StaticString,
        into out: UnsafeMutableBufferPointer<UInt8>
    ) -> Int {
        func put(_ value: Int, _ width: Int, at start: Int) { DecimalDigits.write(value, width: width, into: out, at: start) }
        put(year, 4, at: 0)
        out[4] = 0x2D
        put(month, 2, at: 5)
        out[7] = 0x2D
        put(day, 2, at: 8)
        out[10] = 0x54
        put(secondOfDay / 3600, 2, at: 11)
        out[13] = 0x3A
        put(secondOfDay / 60 % 60, 2, at: 14)
        out[16] = 0x3A
        put(secondOfDay % 60, 2, at: 17)
        out[19] = 0x2E
        put(fraction, fractionDigits, at: 20)
        let end = 20 + fractionDigits
        let tail = UnsafeBufferPointer(start: suffix.utf8Start, count: suffix.utf8CodeUnitCount)
        for (i, byte) in tail.enumerated() { out[end + i] = byte }
        return end + tail.count
    }
}
