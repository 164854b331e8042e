import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Thin, throwing wrappers over the POSIX calls the progress store needs for durability.
enum FileIO {
    static func open(_ path: String, _ flags: Int32, mode: mode_t = 0o644) throws -> Int32 {
        let fd = path.withCString { Glibc_open($0, flags, mode) }
        guard fd >= 0 else { throw ProgressError.io(file: path, operation: "open", errno: errno) }
        return fd
    }

    static func size(_ fd: Int32, path: String) throws -> Int {
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw ProgressError.io(file: path, operation: "stat", errno: errno) }
        return Int(info.st_size)
    }

    /// Reads `count` bytes at `offset` (fewer only at end of file).
    static func read(_ fd: Int32, path: String, offset: Int, count: Int) throws -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let n = buffer.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return pread(fd, base + done, count - done, off_t(offset + done))
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw ProgressError.io(file: path, operation: "read", errno: errno)
            }
            if n == 0 { break }
            done += n
        }
        if done < count { buffer.removeLast(count - done) }
        return buffer
    }

    static func writeAll(_ fd: Int32, path: String, _ bytes: [UInt8]) throws {
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return Glibc_write(fd, base + done, bytes.count - done)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw ProgressError.io(file: path, operation: "write", errno: errno)
            }
            done += n
        }
    }

    static func sync(_ fd: Int32, path: String) throws {
        guard fsync(fd) == 0 else { throw ProgressError.io(file: path, operation: "fsync", errno: errno) }
    }

    static func truncate(_ fd: Int32, path: String, to length: Int) throws {
        guard ftruncate(fd, off_t(length)) == 0 else {
            throw ProgressError.io(file: path, operation: "truncate", errno: errno)
        }
    }

    static func close(_ fd: Int32) { _ = Glibc_close(fd) }

    static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    /// Replaces `path` with `bytes` atomically: temp file in the same folder, fsync, rename,
    /// fsync of the folder. A crash leaves either the old file or the new one; a failure
    /// before the rename (a full disk) throws `ProgressError.notReplaced` naming `path`.
    static func atomicWrite(_ bytes: [UInt8], to path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        let temp = path + ".tmp-\(getpid())"
        func notReplaced(_ error: any Error) -> any Error {
            guard case .io(_, let operation, let code) = error as? ProgressError else { return error }
            return ProgressError.notReplaced(file: path, operation: operation, errno: code)
        }
        let fd: Int32
        do { fd = try open(temp, O_WRONLY | O_CREAT | O_TRUNC) } catch { throw notReplaced(error) }
        do {
            try writeAll(fd, path: temp, bytes)
            try sync(fd, path: temp)
        } catch {
            close(fd)
            unlink(temp)
            throw notReplaced(error)
        }
        close(fd)
        guard rename(temp, path) == 0 else {
            let code = errno
            unlink(temp)
            throw ProgressError.notReplaced(file: path, operation: "rename", errno: code)
        }
        try syncFolder(folder.isEmpty ? "." : folder)
    }

    static func syncFolder(_ folder: String) throws {
        let fd = try open(folder, O_RDONLY)
        defer { close(fd) }
        try sync(fd, path: folder)
    }
}

// The C names, without clashing with FileIO's own methods.
@inline(__always) private func Glibc_open(_ path: UnsafePointer<CChar>, _ flags: Int32, _ mode: mode_t) -> Int32 {
    open(path, flags, mode)
}
@inline(__always) private func Glibc_write(_ fd: Int32, _ buf: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, buf, count)
}
@inline(__always) private func Glibc_close(_ fd: Int32) -> Int32 { close(fd) }
