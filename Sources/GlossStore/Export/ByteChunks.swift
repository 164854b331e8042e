import Foundation

/// Bytes gathered into one large buffer and handed to `emit` in chunks of about `size`,
/// always at the end of a line.
struct ByteChunks {
    var buffer: [UInt8] = []
    let size: Int

    init(size: Int) {
        self.size = max(size, 1)
        buffer.reserveCapacity(Swift.min(self.size, 1 << 22) + 4096)
    }

    /// Hands the buffer on when it is full (call at a line end).
    mutating func lineEnded(_ emit: ([UInt8]) throws -> Void) throws {
        guard buffer.count >= size else { return }
        try emit(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Adds `lines` (whole lines), handing the buffer on each time it fills, at a line end.
    mutating func append(lines: [UInt8], _ emit: ([UInt8]) throws -> Void) throws {
        var start = 0
        while start < lines.count {
            var end = min(lines.count, start + Swift.max(1, size - buffer.count))
            if end < lines.count, lines[end - 1] != 0x0A {
                end = (lines[end...].firstIndex(of: 0x0A) ?? lines.count - 1) + 1
            }
            buffer.append(contentsOf: lines[start..<end])
            try lineEnded(emit)
            start = end
        }
    }

    /// Hands on what is left.
    mutating func finish(_ emit: ([UInt8]) throws -> Void) throws {
        guard !buffer.isEmpty else { return }
        try emit(buffer)
        buffer.removeAll()
    }
}
