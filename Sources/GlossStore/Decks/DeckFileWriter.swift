import Foundation

/// Writes deck files safely: a temp file in the same folder, fsync, rename, fsync the folder.
public enum DeckFileWriter {
    /// Writes `text` to `path` atomically; with `overwrite` false an existing file is refused.
    public static func write(_ text: String, to path: String, overwrite: Bool) throws {
        let name = (path as NSString).lastPathComponent
        if !overwrite && FileManager.default.fileExists(atPath: path) {
            throw StoreError.unreadable(
                file: name, reason: "already exists; pass --force to replace it or --merge to merge into it")
        }
        try FileIO.atomicWrite(Array(text.utf8), to: path)
    }
}
