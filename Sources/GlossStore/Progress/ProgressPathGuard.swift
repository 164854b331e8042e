import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Refuses progress files that are symbolic links leading out of the progress folder, so a
/// planted link cannot make gloss read or overwrite a file elsewhere.
///
/// A link whose target stays inside the folder is allowed; a missing file is fine.
enum ProgressPathGuard {
    /// Throws `ProgressError.linkOutsideFolder` when `path` is a symlink resolving outside `folder`.
    static func check(_ path: String, folder: URL) throws {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK else { return }
        let base = folder.resolvingSymlinksInPath().standardizedFileURL.path
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
        let inside = target.hasPrefix(base.hasSuffix("/") ? base : base + "/")
        guard inside else { throw ProgressError.linkOutsideFolder(file: path, target: target) }
    }
}
