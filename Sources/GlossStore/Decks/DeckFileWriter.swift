import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes deck files safely: a temp file in the same folder, fsync, rename, fsync the folder.
public enum DeckFileWriter {
    /// Writes `text` to `path` atomically; with `overwrite` false an existing file is refused.
    public static func write(_ text: String, to path: String, overwrite: Bool) throws {
        try locked(path) { try unlockedWrite(text, to: path, overwrite: overwrite) }
    }

    /// Changes the deck at `path` under its lock: reads the file as it is now, passes the
    /// text to `change` and writes what it returns, so two gloss editing one deck at once
    /// (two `import --merge`) each see the other's entries instead of overwriting them.
    public static func update(_ path: String, _ change: (String) throws -> String) throws {
        try locked(path) {
            let text: String
            do {
                text = try String(contentsOfFile: path, encoding: .utf8)
            } catch {
                throw StoreError.unreadable(file: path, reason: "not UTF-8 text, or cannot be opened")
            }
            try unlockedWrite(try change(text), to: path, overwrite: true)
        }
    }

    private static func unlockedWrite(_ text: String, to path: String, overwrite: Bool) throws {
        let name = (path as NSString).lastPathComponent
        if !overwrite && FileManager.default.fileExists(atPath: path) {
            throw StoreError.unreadable(
                file: name, reason: "already exists; pass --force to replace it or --merge to merge into it")
        }
        try FileIO.atomicWrite(Array(text.utf8), to: path)
    }

    /// Runs `body` holding an exclusive `flock` on the deck's hidden lock file
    /// `.<deck file name>.lock` beside it (waiting for another gloss to finish its write).
    static func locked<T>(_ path: String, _ body: () throws -> T) throws -> T {
        let folder = (path as NSString).deletingLastPathComponent
        let lockPath = (folder.isEmpty ? "" : folder + "/") + ".\((path as NSString).lastPathComponent).lock"
        let fd = try FileIO.openProgressFile(lockPath, O_RDWR | O_CREAT)
        defer { FileIO.close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else { throw StoreError.progress(.io(file: lockPath, operation: "lock", errno: errno)) }
        }
        defer { _ = flock(fd, LOCK_UN) }
        return try body()
    }
}
