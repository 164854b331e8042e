import Foundation

/// A buffered byte sink for `CSVWriter`, which writes one byte per call: collects the bytes
/// in memory and, when given a file handle (a file or stdout), writes them out in 64 KiB chunks.
///
/// ```swift
/// let sink = ExportSink(fileHandle: .standardOutput)
/// try ReviewsCSV.write(rows: rows, to: sink)
/// try sink.flush()
/// ```
public final class ExportSink: OutputStream {
    private var buffer: [UInt8] = []
    private let fileHandle: FileHandle?
    private var status: Stream.Status = .notOpen
    private var failure: (any Error)?

    /// Collects everything in memory; read it with `text` or `bytes`.
    public init() {
        fileHandle = nil
        super.init(toMemory: ())
    }

    /// Same as `init()`.
    public required convenience init(toMemory: ()) { self.init() }

    /// Writes through to `fileHandle` in chunks; call `flush()` at the end.
    public init(fileHandle: FileHandle) {
        self.fileHandle = fileHandle
        super.init(toMemory: ())
        buffer.reserveCapacity(1 << 16)
    }

    /// The bytes written so far (memory sinks keep all of them).
    public var bytes: [UInt8] { buffer }
    /// The bytes written so far, as UTF-8 text.
    public var text: String { String(decoding: buffer, as: UTF8.self) }

    public override var streamStatus: Stream.Status { status }
    public override var streamError: (any Error)? { failure }
    public override var hasSpaceAvailable: Bool { failure == nil }
    public override func open() { status = .open }
    public override func close() { status = .closed }

    public override func write(_ bytes: UnsafePointer<UInt8>, maxLength length: Int) -> Int {
        guard failure == nil else { return -1 }
        buffer.append(contentsOf: UnsafeBufferPointer(start: bytes, count: length))
        if fileHandle != nil && buffer.count >= 1 << 16 {
            do { try flush() } catch { return -1 }
        }
        return length
    }

    /// Writes the buffered bytes to the file handle (nothing for a memory sink).
    public func flush() throws {
        guard let fileHandle, !buffer.isEmpty else { return }
        do {
            try fileHandle.write(contentsOf: buffer)
            buffer.removeAll(keepingCapacity: true)
        } catch {
            failure = error
            status = .error
            throw StoreError.export(.cannotWrite(what: "CSV", reason: "\(error)"))
        }
    }
}
