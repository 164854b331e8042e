import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An advisory `flock` on `<learner>.lock`, held while a store is open.
///
/// The kernel drops it when the holder exits, so a killed gloss never leaves a stale lock.
struct FileLock {
    let path: String
    private let fd: Int32

    /// Takes the lock without waiting; throws `StoreError.progress(.locked)` when another holds it.
    static func acquire(_ path: String) throws -> FileLock {
        let fd = try FileIO.openProgressFile(path, O_RDWR | O_CREAT)
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let code = errno
            FileIO.close(fd)
            if code == EWOULDBLOCK { throw StoreError.progress(.locked(file: path)) }
            throw StoreError.progress(.io(file: path, operation: "lock", errno: code))
        }
        return FileLock(path: path, fd: fd)
    }

    /// Whether some process holds the lock right now (takes and drops it to find out).
    static func isHeld(_ path: String) -> Bool {
        guard FileIO.exists(path), let lock = try? acquire(path) else { return FileIO.exists(path) }
        lock.release()
        return false
    }

    /// Whether `path` still names the file this lock holds (not removed, not replaced by
    /// another, which a second gloss could then lock too). Checked before every write.
    func isStillInPlace() -> Bool {
        var held = stat(), named = stat()
        guard fstat(fd, &held) == 0, lstat(path, &named) == 0 else { return false }
        return held.st_dev == named.st_dev && held.st_ino == named.st_ino
    }

    func release() {
        _ = flock(fd, LOCK_UN)
        FileIO.close(fd)
    }
}
