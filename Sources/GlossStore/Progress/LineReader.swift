import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads the lines of a byte range of an open file through one reused buffer, handing each
/// line to a closure as bytes borrowed from the buffer (no copy, no allocation per line).
///
/// `range` must start at a line start. Each line comes with its start offset in the file and
/// whether a newline ended it (only a last line at the end of the file may lack one). A line
/// that fills the whole buffer (longer than `capacity`, itself more than
/// `Journal.maxLineLength`) is handed over as its first `capacity` bytes, and the rest of
/// it is skipped: callers see a line longer than `Journal.maxLineLength` and refuse it, and
/// memory stays bounded however long the line.
struct LineReader {
    let fd: Int32
    let path: String
    var capacity = 1 << 22

    func lines(
        in range: Range<Int>, _ handle: (UnsafeBufferPointer<UInt8>, _ offset: Int, _ terminated: Bool) throws -> Void
    ) throws {
        let capacity = min(max(capacity, Journal.maxLineLength + 1), max(range.count, 1))
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        defer { buffer.deallocate() }
        var filled = 0  // bytes in the buffer, the first of them at file offset `bufferStart`
        var bufferStart = range.lowerBound
        var position = range.lowerBound
        while position < range.upperBound {
            if filled == capacity {  // one line fills the buffer: hand over its start, skip the rest
                let end = try skipLine(from: position, to: range.upperBound)
                try handle(UnsafeBufferPointer(start: buffer, count: filled), bufferStart, end < range.upperBound)
                filled = 0
                position = min(end + 1, range.upperBound)
                bufferStart = position
                continue
            }
            let n = pread(fd, buffer + filled, min(capacity - filled, range.upperBound - position), off_t(position))
            if n < 0 {
                if errno == EINTR { continue }
                throw StoreError.progress(.io(file: path, operation: "read", errno: errno))
            }
            if n == 0 { break }  // the file got shorter: read what there is
            position += n
            filled += n
            var lineStart = 0
            while lineStart < filled, let hit = memchr(buffer + lineStart, 10, filled - lineStart) {
                let newline = UnsafeMutablePointer(mutating: hit.assumingMemoryBound(to: UInt8.self)) - buffer
                try handle(
                    UnsafeBufferPointer(start: buffer + lineStart, count: newline - lineStart),
                    bufferStart + lineStart, true)
                lineStart = newline + 1
            }
            if lineStart > 0 {
                filled -= lineStart
                if filled > 0 { memmove(buffer, buffer + lineStart, filled) }
                bufferStart += lineStart
            }
        }
        if filled > 0 { try handle(UnsafeBufferPointer(start: buffer, count: filled), bufferStart, false) }
    }

    /// The offset of the first newline at or after `offset`, or `end` when there is none
    /// (read in 1 MiB chunks, searched with `memchr`).
    private func skipLine(from offset: Int, to end: Int) throws -> Int {
        let size = 1 << 20
        let chunk = UnsafeMutablePointer<UInt8>.allocate(capacity: size)
        defer { chunk.deallocate() }
        var probe = offset
        while probe < end {
            let n = pread(fd, chunk, min(size, end - probe), off_t(probe))
            if n < 0 {
                if errno == EINTR { continue }
                throw StoreError.progress(.io(file: path, operation: "read", errno: errno))
            }
            if n == 0 { break }
            if let hit = memchr(chunk, 10, n) {
                return probe + (UnsafeMutableRawPointer(mutating: hit) - UnsafeMutableRawPointer(chunk))
            }
            probe += n
        }
        return end
    }

    /// The offset just after the first newline at or after `offset - 1` (so `offset` itself
    /// when it starts a line), or `end` when there is none before it.
    func lineStart(atOrAfter offset: Int, end: Int) throws -> Int {
        guard offset > 0 else { return 0 }
        var probe = offset - 1
        while probe < end {
            let chunk = try FileIO.read(fd, path: path, offset: probe, count: min(1 << 16, end - probe))
            if chunk.isEmpty { break }
            if let newline = chunk.firstIndex(of: 10) { return probe + newline + 1 }
            probe += chunk.count
        }
        return end
    }
}
