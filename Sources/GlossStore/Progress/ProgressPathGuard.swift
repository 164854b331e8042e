import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Refuses progress files that are symbolic links leading out of the progress folder, so a
/// planted link cannot make gloss read or overwrite a file elsewhere.
///
/// A link whose target exists and stays inside the folder is allowed; a missing file is
/// fine. A dangling link is refused too: opening it to create the file would create its
/// target, wherever that is.
enum ProgressPathGuard {
    /// Throws `StoreError.progress(.linkOutsideFolder)` when `path` is a symlink resolving outside
    /// `folder` or to nothing.
    static func check(_ path: String, folder: URL) throws {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK else { return }
        guard let resolved = realpath(path, nil) else {
            var target = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = readlink(path, &target, Int(PATH_MAX))
            let text = length > 0 ? String(decoding: target[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self) : "?"
            throw StoreError.progress(.linkOutsideFolder(file: path, target: text + " (which does not exist)"))
        }
        defer { free(resolved) }
        let base = folder.resolvingSymlinksInPath().standardizedFileURL.path
        let target = String(cString: resolved)
        let inside = target.hasPrefix(base.hasSuffix("/") ? base : base + "/")
        guard inside else { throw StoreError.progress(.linkOutsideFolder(file: path, target: target)) }
    }
}
