import Foundation
import ZIPFoundation

/// An Anki `.apkg` / `.colpkg` opened: which collection version it holds, its database
/// written out to a temporary file, and how many media files it carries (never extracted).
///
/// ```swift
/// let package = try AnkiPackage.open("deck.apkg")
/// defer { package.remove() }
/// let collection = try AnkiCollection.read(package)
/// ```
struct AnkiPackage {
    /// The collection inside, by the name Anki gave it.
    enum Version: Int, Sendable, CustomStringConvertible {
        /// `collection.anki2`: Anki before 2.1.
        case legacy1 = 1
        /// `collection.anki21`: "Support older Anki versions" ticked (schema 11).
        case legacy2 = 2
        /// `collection.anki21b`: zstd-compressed SQLite, the default since 2.1.50.
        case latest = 3

        var member: String {
            switch self {
            case .legacy1: "collection.anki2"
            case .legacy2: "collection.anki21"
            case .latest: "collection.anki21b"
            }
        }

        var description: String { member }
    }

    /// The largest member gloss reads (the collection, meta, media list), uncompressed.
    static let defaultMemberLimit = 1 << 30

    var file: String
    var version: Version
    var databasePath: String
    var mediaCount: Int

    /// Deletes the temporary database.
    func remove() {
        try? FileManager.default.removeItem(atPath: (databasePath as NSString).deletingLastPathComponent)
    }

    static func open(_ path: String, memberLimit: Int = defaultMemberLimit) throws(StoreError) -> AnkiPackage {
        let file = (path as NSString).lastPathComponent
        func fail(_ reason: String) -> StoreError { .unreadable(file: file, reason: reason) }
        guard FileManager.default.fileExists(atPath: path) else { throw fail("no such file") }
        let archive: Archive
        do { archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read) } catch {
            throw fail("not a zip file (an Anki package is a zip)")
        }
        var members: [String: Entry] = [:]
        for entry in archive { members[entry.path] = entry }
        func read(_ name: String) throws(StoreError) -> Data? {
            guard let entry = members[name] else { return nil }
            if entry.uncompressedSize > UInt64(memberLimit) {
                throw fail("\(name) is \(entry.uncompressedSize) bytes, over the \(memberLimit)-byte limit")
            }
            var data = Data()
            var tooLarge = false
            do {
                _ = try archive.extract(entry, skipCRC32: false) { chunk in
                    if data.count + chunk.count > memberLimit {
                        tooLarge = true
                        throw CocoaError(.fileReadTooLarge)
                    }
                    data.append(chunk)
                }
            } catch {
                if tooLarge { throw fail("\(name) unpacks to over the \(memberLimit)-byte limit") }
                throw fail("\(name) is damaged in the zip (\(error.localizedDescription))")
            }
            return data
        }
        let metaVersion = try read("meta").map { (meta: Data) throws(StoreError) -> Int in
            guard let fields = ProtobufFields(meta), let value = fields.varint(1) else {
                throw fail("the meta member is not Anki package metadata")
            }
            return Int(value)
        }
        let version: Version
        if let metaVersion {
            guard let known = Version(rawValue: metaVersion) else {
                throw fail("unknown Anki package version \(metaVersion) (gloss reads versions 1 to 3)")
            }
            version = known
        } else {
            version = members["collection.anki21"] != nil ? .legacy2 : .legacy1
        }
        guard var database = try read(version.member) else {
            throw fail("no \(version.member) inside (is it an Anki package?)")
        }
        let media = try read("media") ?? Data()
        var mediaCount = 0
        switch version {
        case .latest:
            func unpack(_ data: Data, _ name: String) throws(StoreError) -> Data {
                do { return try Zstd.decompress(data, limit: memberLimit) } catch {
                    switch error {
                    case .tooLarge: throw fail("\(name) \(error)")
                    case .corrupt(let why): throw fail("\(name) is not valid zstd data (\(why))")
                    }
                }
            }
            database = try unpack(database, version.member)
            let list = media.isEmpty ? Data() : try unpack(media, "media")
            mediaCount = ProtobufFields(list)?.bytes(1).count ?? 0
        case .legacy1, .legacy2:
            if !media.isEmpty {
                guard let map = try? JSONSerialization.jsonObject(with: media) as? [String: Any] else {
                    throw fail("the media list is not JSON")
                }
                mediaCount = map.count
            }
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gloss-anki-\(UUID().uuidString)")
        let target = folder.appendingPathComponent("collection.sqlite")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try database.write(to: target)
        } catch {
            try? FileManager.default.removeItem(at: folder)
            throw fail("cannot unpack the collection to \(folder.path): \(error.localizedDescription)")
        }
        return AnkiPackage(file: file, version: version, databasePath: target.path, mediaCount: mediaCount)
    }
}
