import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Thin, throwing wrappers over the POSIX calls the progress store needs for durability.
enum FileIO {
    /// What the wrappers did to the file system, for the crash-consistency tests (which
    /// replay these to build every state a power loss could leave). Nil, and free, outside them.
    enum Event: Equatable {
        case create(String)
        case mkdir(String)
        case write(String, offset: Int, bytes: [UInt8])
        case truncate(String, length: Int)
        case sync(String)
        case syncFolder(String)
        case rename(String, to: String)
        case unlink(String)
    }

    /// Called with every event while set (tests only; it must be thread-safe, as gloss's
    /// own parallel reads and other tests' stores call it from any thread).
    static var observer: (@Sendable (Event) -> Void)? {
        get { observerLock.withLock { observerStorage } }
        set { observerLock.withLock { observerStorage = newValue } }
    }
    private static let observerLock = NSLock()
    nonisolated(unsafe) private static var observerStorage: (@Sendable (Event) -> Void)?

    static func open(_ path: String, _ flags: Int32, mode: mode_t = 0o644) throws -> Int32 {
        let created = observer != nil && flags & O_CREAT != 0 && !exists(path)
        let fd = path.withCString { Glibc_open($0, flags | O_CLOEXEC, mode) }
        guard fd >= 0 else { throw StoreError.progress(.io(file: path, operation: "open", errno: errno)) }
        if created { observer?(.create(path)) }
        return fd
    }

    /// Opens a progress file: refuses a symbolic link that leads out of its folder or
    /// nowhere (`ProgressPathGuard`) and anything but a regular file (a FIFO would block a
    /// reader for ever). A file it creates has its directory entry fsynced before it returns.
    static func openProgressFile(_ path: String, _ flags: Int32) throws -> Int32 {
        let folder = (path as NSString).deletingLastPathComponent
        try ProgressPathGuard.check(path, folder: URL(fileURLWithPath: folder.isEmpty ? "." : folder))
        let creating = flags & O_CREAT != 0 && !exists(path)
        let fd = try open(path, flags | O_NONBLOCK)
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            throw StoreError.progress(.notRegularFile(file: path))
        }
        if creating {
            do {
                try syncFolder(folder.isEmpty ? "." : folder)
            } catch {
                close(fd)
                throw error
            }
        }
        return fd
    }

    /// The name of the temp file that replaces `name`: hidden (a leading `.`), which no
    /// learner's file can be, as learner names never start with one.
    static func tempName(for name: String, pid: Int32 = getpid()) -> String { ".\(name).tmp-\(pid)" }

    /// Whether `candidate` is a temp file of `name` left by some process (this naming, or the
    /// older `<name>.tmp-<pid>`), and nothing else: `ada.json.tmp-1.json` belongs to the
    /// learner `ada.json.tmp-1`, not to `ada`.
    static func isTempFile(_ candidate: String, of name: String) -> Bool {
        for prefix in [".\(name).tmp-", "\(name).tmp-"] where candidate.hasPrefix(prefix) {
            let pid = candidate.dropFirst(prefix.count)
            if !pid.isEmpty, pid.allSatisfy({ $0.isASCII && $0.isNumber }) { return true }
        }
        return false
    }

    static func size(_ fd: Int32, path: String) throws -> Int {
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw StoreError.progress(.io(file: path, operation: "stat", errno: errno)) }
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
                throw StoreError.progress(.io(file: path, operation: "read", errno: errno))
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
                throw StoreError.progress(.io(file: path, operation: "write", errno: errno))
            }
            done += n
        }
        if let observer {
            let end = Int(lseek(fd, 0, SEEK_CUR))
            observer(.write(path, offset: end - bytes.count, bytes: bytes))
        }
    }

    static func sync(_ fd: Int32, path: String) throws {
        guard fsync(fd) == 0 else { throw StoreError.progress(.io(file: path, operation: "fsync", errno: errno)) }
        observer?(.sync(path))
    }

    static func truncate(_ fd: Int32, path: String, to length: Int) throws {
        guard ftruncate(fd, off_t(length)) == 0 else {
            throw StoreError.progress(.io(file: path, operation: "truncate", errno: errno))
        }
        observer?(.truncate(path, length: length))
    }

    /// Removes `path`; false when it could not.
    @discardableResult
    static func remove(_ path: String) -> Bool {
        guard unlink(path) == 0 else { return false }
        observer?(.unlink(path))
        return true
    }

    /// Creates `folder` (and its parents), fsyncing each new directory's entry in its parent.
    /// A failure names `folder`.
    static func createFolder(_ folder: String) throws {
        do {
            try makeFolder(folder)
        } catch StoreError.progress(.io(_, let operation, let code)) {
            throw StoreError.progress(.io(file: folder, operation: operation, errno: code))
        }
    }

    private static func makeFolder(_ folder: String) throws {
        var info = stat()
        if stat(folder, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFDIR else {
                throw StoreError.progress(.io(file: folder, operation: "create folder", errno: ENOTDIR))
            }
            return
        }
        let parent = (folder as NSString).deletingLastPathComponent
        if !parent.isEmpty && parent != folder { try makeFolder(parent) }
        guard mkdir(folder, 0o755) == 0 || errno == EEXIST else {
            throw StoreError.progress(.io(file: folder, operation: "create folder", errno: errno))
        }
        observer?(.mkdir(folder))
        do {
            try syncFolder(parent.isEmpty ? "." : parent)
        } catch StoreError.progress(.io(_, _, let code)) {
            throw StoreError.progress(.io(file: folder, operation: "create folder", errno: code))
        }
    }

    static func close(_ fd: Int32) { _ = Glibc_close(fd) }

    /// Whether there is a directory entry at `path` (a dangling symbolic link counts).
    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// Replaces `path` with `bytes` atomically: temp file in the same folder, fsync, rename,
    /// fsync of the folder. A crash leaves either the old file or the new one; a failure
    /// before the rename (a full disk) throws `StoreError.progress(.notReplaced)` naming `path`.
    static func atomicWrite(_ bytes: [UInt8], to path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        let temp = (folder.isEmpty ? "" : folder + "/") + tempName(for: (path as NSString).lastPathComponent)
        func notReplaced(_ error: any Error) -> any Error {
            guard case .progress(.io(_, let operation, let code)) = error as? StoreError else { return error }
            return StoreError.progress(.notReplaced(file: path, operation: operation, errno: code))
        }
        let fd: Int32
        do { fd = try open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW) } catch { throw notReplaced(error) }
        do {
            try writeAll(fd, path: temp, bytes)
            try sync(fd, path: temp)
        } catch {
            close(fd)
            remove(temp)
            throw notReplaced(error)
        }
        close(fd)
        guard rename(temp, path) == 0 else {
            let code = errno
            remove(temp)
            throw StoreError.progress(.notReplaced(file: path, operation: "rename", errno: code))
        }
        observer?(.rename(temp, to: path))
        try syncFolder(folder.isEmpty ? "." : folder)
    }

    static func syncFolder(_ folder: String) throws {
        let fd = try open(folder, O_RDONLY | O_DIRECTORY)
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw StoreError.progress(.io(file: folder, operation: "fsync", errno: errno)) }
        observer?(.syncFolder(folder))
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
