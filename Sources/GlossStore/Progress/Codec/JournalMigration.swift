import Foundation
import GlossCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Rewrites a journal of version 1 (lines without `v`) as the current version, once, at the
/// first start that may write; the original is kept beside as `<journal>.v1.bak`,
/// byte-identical (a hard link, else a copy).
///
/// A crash at any moment leaves a journal that opens: the new one is written to a temp file,
/// fsynced, and renamed over the old one only when whole; until then the old one is in place
/// and the next start migrates again. Readers that open without the lock read either version.
enum JournalMigration {
    /// Whether the journal's first record line is of version 1.
    static func needsMigration(_ journal: Journal) throws -> Bool {
        var old = false
        var decided = false
        try LineReader(fd: journal.fd, path: journal.path).lines(in: 0..<min(journal.size, 1 << 20)) { bytes, _, _ in
            guard !decided, !Journal.isBlank(bytes) else { return }
            decided = true
            old = !JournalCodec.isVersioned(bytes)
        }
        return old
    }

    /// Where the original of a migrated journal is kept.
    static func backupPath(_ path: String) -> String { path + ".v1.bak" }

    /// Migrates the journal at `path` (read through `journal`), stamping every record with
    /// `device`; returns the backup's path. A torn last line is left out of the new journal
    /// (and kept in the backup).
    static func migrate(_ journal: Journal, device: String) throws -> String {
        let path = journal.path
        let folder = (path as NSString).deletingLastPathComponent
        let temp = (folder.isEmpty ? "" : folder + "/") + FileIO.tempName(for: (path as NSString).lastPathComponent)
        let fd = try FileIO.open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW)
        do {
            var chunk: [UInt8] = []
            chunk.reserveCapacity(1 << 20 + 4096)
            _ = try journal.forEach { record in
                var record = record
                if record.device == nil { record.device = device }
                do {
                    try JournalCodec.encode(record, into: &chunk)
                } catch {
                    // An old line whose numbers can't be written: nothing is migrated, the file stays as it is.
                    throw StoreError.progress(.unwritable(file: path, seq: record.seq, problem: "\(error)"))
                }
                chunk.append(10)
                if chunk.count >= 1 << 20 {
                    try FileIO.writeAll(fd, path: temp, chunk)
                    chunk.removeAll(keepingCapacity: true)
                }
            }
            try FileIO.writeAll(fd, path: temp, chunk)
            try FileIO.sync(fd, path: temp)
        } catch {
            FileIO.close(fd)
            FileIO.remove(temp)
            throw error
        }
        FileIO.close(fd)
        let backup = try keepOriginal(path)
        guard rename(temp, path) == 0 else {
            let code = errno
            FileIO.remove(temp)
            throw StoreError.progress(.notReplaced(file: path, operation: "rename", errno: code))
        }
        try FileIO.syncFolder(folder.isEmpty ? "." : folder)
        return backup
    }

    /// Keeps the original beside the journal: `.v1.bak`, or `.v1.2.bak`… when a different
    /// backup is already there (never overwritten).
    private static func keepOriginal(_ path: String) throws -> String {
        var backup = backupPath(path)
        var n = 1
        while FileIO.exists(backup) {
            if try same(backup, path) { return backup }
            n += 1
            backup = path + ".v1.\(n).bak"
        }
        if link(path, backup) != 0 {
            // A file system without hard links: a streamed copy, fsynced.
            try copy(path, to: backup)
        }
        try FileIO.syncFolder((path as NSString).deletingLastPathComponent)
        return backup
    }

    private static func same(_ a: String, _ b: String) throws -> Bool {
        let fa = try FileIO.open(a, O_RDONLY)
        defer { FileIO.close(fa) }
        let fb = try FileIO.open(b, O_RDONLY)
        defer { FileIO.close(fb) }
        let size = try FileIO.size(fa, path: a)
        guard size == (try FileIO.size(fb, path: b)) else { return false }
        var offset = 0
        while offset < size {
            let x = try FileIO.read(fa, path: a, offset: offset, count: 1 << 22)
            let y = try FileIO.read(fb, path: b, offset: offset, count: 1 << 22)
            guard x == y, !x.isEmpty else { return x == y }
            offset += x.count
        }
        return true
    }

    private static func copy(_ source: String, to target: String) throws {
        let input = try FileIO.open(source, O_RDONLY)
        defer { FileIO.close(input) }
        let output = try FileIO.open(target, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW)
        defer { FileIO.close(output) }
        let size = try FileIO.size(input, path: source)
        var offset = 0
        while offset < size {
            let bytes = try FileIO.read(input, path: source, offset: offset, count: 1 << 22)
            if bytes.isEmpty { break }
            try FileIO.writeAll(output, path: target, bytes)
            offset += bytes.count
        }
        try FileIO.sync(output, path: target)
    }
}
