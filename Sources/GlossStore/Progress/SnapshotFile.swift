import Foundation
import GlossCore

/// Reading and writing `<learner>.json`, with migration of older versions.
///
/// Version 0 (before this store had versions) had no `version` field, a list of
/// `{"card": "deck/entry/facet", "state": {...}}` objects for cards, and no confusions.
enum SnapshotFile {
    struct Loaded {
        var snapshot: ProgressSnapshot
        /// The version the file had, when it was older than the current one.
        var migratedFrom: Int?
        /// The file's bytes as read (kept as the `.v<N>.bak` on migration).
        var original: [UInt8]
    }

    private struct Probe: Decodable { var version: Int? }

    private struct Version0: Decodable {
        struct Card: Decodable {
            var card: String
            var state: CardState
        }
        var learner: String?
        var lastSeq: Int
        var settings: LearnerSettings?
        var cards: [Card]
    }

    /// Reads the snapshot; nil when there is none. Never writes.
    /// Without `cards`, a current-version snapshot's card states are not read (it has none).
    static func load(_ path: String, learner: String, cards: Bool = true) throws -> Loaded? {
        guard FileIO.exists(path) else { return nil }
        let data: Data
        do {
            // Read with plain POSIX calls: Foundation's Data(contentsOf:) leaks on an empty file.
            let fd = try FileIO.openProgressFile(path, O_RDONLY)
            defer { FileIO.close(fd) }
            data = Data(try FileIO.read(fd, path: path, offset: 0, count: try FileIO.size(fd, path: path)))
        } catch StoreError.progress(let problem) {
            if case .io(_, _, let code) = problem, code != ENOENT {
                throw StoreError.progress(
                    .unreadable(
                        file: path, line: 1, problem: "cannot read the file (\(String(cString: strerror(code))))"))
            }
            throw StoreError.progress(problem)
        }
        let decoder = ProgressCoding.decoder()
        func fail(_ error: any Error) -> StoreError {
            if let syntax = ProgressCoding.syntaxError(in: data) {
                return .progress(.unreadable(file: path, line: syntax.line, problem: syntax.problem))
            }
            return .progress(.unreadable(file: path, line: 1, problem: ProgressCoding.describe(error)))
        }
        // The common case in one pass: a current-version file.
        if let snapshot = FastDecoding.snapshot(data, cards: cards) ?? (try? decoder.decode(ProgressSnapshot.self, from: data)),
            snapshot.version == ProgressSnapshot.currentVersion
        {
            return Loaded(snapshot: snapshot, migratedFrom: nil, original: [UInt8](data))
        }
        let version: Int
        do {
            version = try decoder.decode(Probe.self, from: data).version ?? 0
        } catch {
            throw fail(error)
        }
        if version > ProgressSnapshot.currentVersion {
            throw StoreError.progress(.newerVersion(file: path, found: version, supported: ProgressSnapshot.currentVersion))
        }
        do {
            switch version {
            case 0:
                let old = try decoder.decode(Version0.self, from: data)
                var state = ProgressState(lastSeq: old.lastSeq)
                for card in old.cards {
                    guard let key = CardKey(card.card) else {
                        throw StoreError.progress(
                            .unreadable(
                                file: path, line: 1, problem: "card key \"\(card.card)\" is not deck/entry/facet"))
                    }
                    state.cards[key] = card.state
                }
                let snapshot = ProgressSnapshot(
                    learner: old.learner ?? learner, state: state, settings: old.settings ?? LearnerSettings())
                return Loaded(snapshot: snapshot, migratedFrom: 0, original: [UInt8](data))
            case ProgressSnapshot.currentVersion:
                let snapshot = try decoder.decode(ProgressSnapshot.self, from: data)
                return Loaded(snapshot: snapshot, migratedFrom: nil, original: [UInt8](data))
            default:
                throw StoreError.progress(.unreadable(file: path, line: 1, problem: "unknown version \(version)"))
            }
        } catch StoreError.progress(let problem) {
            throw StoreError.progress(problem)
        } catch {
            throw fail(error)
        }
    }

    /// Writes the snapshot atomically.
    static func write(_ snapshot: ProgressSnapshot, to path: String) throws {
        try FileIO.atomicWrite(try FastEncoding.snapshot(snapshot), to: path)
    }
}
