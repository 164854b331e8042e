import CZstd
import Foundation

/// zstd decompression through the system library, stopped at a size limit (a zstd bomb
/// is refused before it fills memory).
enum Zstd {
    /// Internal: `AnkiPackage` and `AnkiPackageWriter` map it into `StoreError`.
    enum Failure: Error, Equatable, CustomStringConvertible {
        case tooLarge(limit: Int)
        case corrupt(String)

        var description: String {
            switch self {
            case .tooLarge(let limit): "unpacks to over the \(limit)-byte limit"
            case .corrupt(let why): why
            }
        }
    }

    /// The decompressed bytes of `data` (one or more zstd frames).
    static func decompress(_ data: Data, limit: Int) throws(Failure) -> Data {
        guard let stream = ZSTD_createDStream() else { throw .corrupt("out of memory") }
        defer { ZSTD_freeDStream(stream) }
        ZSTD_initDStream(stream)
        let chunk = ZSTD_DStreamOutSize()
        var buffer = [UInt8](repeating: 0, count: chunk)
        var out = Data()
        let failure: Failure? = data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Failure? in
            var input = ZSTD_inBuffer(src: raw.baseAddress, size: raw.count, pos: 0)
            var pending = 0
            while true {
                let step: (code: Int, filled: Int, full: Bool)? = buffer.withUnsafeMutableBytes { bytes in
                    var output = ZSTD_outBuffer(dst: bytes.baseAddress, size: chunk, pos: 0)
                    let code = ZSTD_decompressStream(stream, &output, &input)
                    if ZSTD_isError(code) != 0 { return nil }
                    return (code, output.pos, output.pos == chunk)
                }
                guard let step else { return .corrupt("not zstd data") }
                if out.count + step.filled > limit { return .tooLarge(limit: limit) }
                out.append(contentsOf: buffer[0..<step.filled])
                pending = step.code
                if input.pos == input.size && !step.full { break }
            }
            return pending == 0 ? nil : .corrupt("the data ends inside a zstd frame")
        }
        if let failure { throw failure }
        return out
    }

    /// True when `data` starts with a zstd frame's magic number.
    static func isFrame(_ data: Data) -> Bool {
        data.prefix(4).elementsEqual([0x28, 0xB5, 0x2F, 0xFD])
    }
}

extension Zstd {
    /// `data` compressed as one zstd frame.
    static func compress(_ data: Data, level: Int32 = 3) throws(Failure) -> Data {
        let bound = ZSTD_compressBound(data.count)
        var out = [UInt8](repeating: 0, count: bound)
        let written = data.withUnsafeBytes { src in
            out.withUnsafeMutableBytes { dst in
                ZSTD_compress(dst.baseAddress, bound, src.baseAddress, data.count, level)
            }
        }
        if ZSTD_isError(written) != 0 { throw .corrupt(String(cString: ZSTD_getErrorName(written))) }
        return Data(out[0..<written])
    }
}
