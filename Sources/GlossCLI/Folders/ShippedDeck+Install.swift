import Foundation
import GlossStore

extension ShippedDeck {
    /// Writes the shipped deck into `folder` (made if missing) when the folder holds no file
    /// but hidden ones; the path written, else nil. A deck the user removed from a folder that
    /// still holds others stays removed.
    static func install(into folder: String) throws -> String? {
        let manager = FileManager.default
        let entries = (try? manager.contentsOfDirectory(atPath: folder)) ?? []
        guard entries.allSatisfy({ $0.hasPrefix(".") }) else { return nil }
        do {
            try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw StoreError.unreadable(
                file: folder, reason: "cannot make the per-user decks folder: \(error.localizedDescription)")
        }
        let path = (folder as NSString).appendingPathComponent(fileName)
        try DeckFileWriter.write(text, to: path, overwrite: false)
        return path
    }
}
