import Foundation
import GlossCore
import Testing

@testable import GlossStore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A crash-consistency checker, as SQLite's and ALICE's: the file-system calls of a short
/// scripted session are recorded (through `FileIO.observer`), every state a power loss
/// could leave is built from them, and gloss's own loading code opens each.
///
/// The model (strict POSIX, as ALICE and CrashMonkey take it): a write or truncate is on
/// the disk only once its file was fsynced after it; a create, mkdir, rename or unlink only
/// once its folder was fsynced after it. At every point of the recording the states are:
/// all calls so far (a process crash); only the durable ones; the durable ones plus any one
/// pending call; all calls but one pending one (pending calls reordered); and each pending
/// write torn: its bytes lost with the size kept (NULs), only its head (cut at each 128-byte
/// sector), only its second half.
/// Each state must open (or be refused with a `StoreError.progress` and left unwritten), and hold,
/// byte for byte, every answer acknowledged (its `append`/`rerate`/`undo` returned) before
/// that point.
@Suite(.serialized) struct CrashConsistencyTests {
    /// What the checker found, for the report.
    struct Counts: CustomStringConvertible {
        var states = 0
        var lost = 0
        var unopenable = 0
        var refused = 0
        var description: String {
            "\(states) states, \(lost) with a lost acknowledged answer, \(unopenable) unopenable (\(refused) refused cleanly)"
        }
    }

    /// A file system as relative paths: folders and files' bytes.
    struct Disk: Hashable {
        var folders: Set<String> = []
        var files: [String: [UInt8]] = [:]

        mutating func apply(_ op: Op) {
            switch op {
            case .mkdir(let path): folders.insert(path)
            case .create(let path): if files[path] == nil { files[path] = [] }
            case .write(let path, let offset, let bytes):
                guard var data = files[path] else { return }
                if data.count < offset + bytes.count {
                    data.append(contentsOf: [UInt8](repeating: 0, count: offset + bytes.count - data.count))
                }
                data.replaceSubrange(offset..<(offset + bytes.count), with: bytes)
                files[path] = data
            case .truncate(let path, let length):
                guard var data = files[path] else { return }
                if data.count > length {
                    data.removeLast(data.count - length)
                } else {
                    data.append(contentsOf: [UInt8](repeating: 0, count: length - data.count))
                }
                files[path] = data
            case .rename(let from, let to):
                guard let data = files[from] else { return }
                files[to] = data
                files[from] = nil
            case .unlink(let path): files[path] = nil
            case .sync, .syncFolder: break
            }
        }

        /// Writes the disk into `root` (files only where their folder exists).
        func materialize(in root: URL) throws {
            for folder in folders.sorted() {
                try FileManager.default.createDirectory(
                    at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
            }
            for (path, data) in files {
                let parent = (path as NSString).deletingLastPathComponent
                guard parent.isEmpty || folders.contains(parent) else { continue }
                try Data(data).write(to: root.appendingPathComponent(path))
            }
        }
    }

    /// A recorded call, its paths relative to the recording's root.
    enum Op: Hashable {
        case create(String), mkdir(String), unlink(String)
        case write(String, offset: Int, bytes: [UInt8])
        case truncate(String, length: Int)
        case sync(String), syncFolder(String)
        case rename(String, to: String)
    }

    /// The calls under `root`, recorded from any thread.
    final class Recorder: @unchecked Sendable {
        let root: String
        private let lock = NSLock()
        private var recorded: [Op] = []
        init(root: String) { self.root = root }

        var ops: [Op] { lock.withLock { recorded } }

        func record(_ event: FileIO.Event) {
            func relative(_ path: String) -> String? {
                if path == root { return "" }
                guard path.hasPrefix(root + "/") else { return nil }
                return String(path.dropFirst(root.count + 1))
            }
            let op: Op?
            switch event {
            case .create(let p): op = relative(p).map { .create($0) }
            case .mkdir(let p): op = relative(p).map { .mkdir($0) }
            case .unlink(let p): op = relative(p).map { .unlink($0) }
            case .write(let p, let offset, let bytes): op = relative(p).map { .write($0, offset: offset, bytes: bytes) }
            case .truncate(let p, let length): op = relative(p).map { .truncate($0, length: length) }
            case .sync(let p): op = relative(p).map { .sync($0) }
            case .syncFolder(let p): op = relative(p).map { .syncFolder($0) }
            case .rename(let a, let b):
                if let a = relative(a), let b = relative(b) { op = .rename(a, to: b) } else { op = nil }
            }
            if let op { lock.withLock { recorded.append(op) } }
        }
    }

    /// Whether op `i` is on the disk at a crash just before op `end`.
    static func isDurable(_ ops: [Op], _ i: Int, before end: Int) -> Bool {
        func parent(_ path: String) -> String { (path as NSString).deletingLastPathComponent }
        let later = ops[(i + 1)..<end]
        switch ops[i] {
        case .write(let path, _, _), .truncate(let path, _):
            return later.contains(.sync(path))
        case .create(let path), .mkdir(let path), .unlink(let path), .rename(_, let path):
            return later.contains(.syncFolder(parent(path)))
        case .sync, .syncFolder:
            return true
        }
    }

    /// Every distinct disk a power loss just before op `end` could leave.
    static func crashStates(_ ops: [Op], base: Disk, end: Int) -> Set<Disk> {
        let durable = (0..<end).map { isDurable(ops, $0, before: end) }
        let pending = (0..<end).filter { !durable[$0] }
        func disk(including extra: Set<Int> = [], excluding skipped: Int? = nil, replacing torn: (Int, Op)? = nil) -> Disk {
            var disk = base
            for i in 0..<end where (durable[i] || extra.contains(i)) && i != skipped {
                disk.apply(torn?.0 == i ? torn?.1 ?? ops[i] : ops[i])
            }
            return disk
        }
        var states: Set<Disk> = [disk(), disk(including: Set(pending))]
        for i in pending {
            states.insert(disk(including: [i]))
            states.insert(disk(including: Set(pending), excluding: i))
            if case .write(let path, let offset, let bytes) = ops[i], bytes.count > 1 {
                let half = bytes.count / 2
                let zeros = [UInt8](repeating: 0, count: bytes.count)
                var variants: [[UInt8]] = [zeros, Array(zeros.prefix(half)) + bytes.dropFirst(half)]
                // Only a head reached the disk, cut at each 128-byte sector.
                for cut in stride(from: 1, to: bytes.count, by: 128) {
                    variants.append(Array(bytes.prefix(cut)) + zeros.prefix(bytes.count - cut))
                }
                for variant in variants {
                    let torn = Op.write(path, offset: offset, bytes: variant)
                    states.insert(disk(including: [i], replacing: (i, torn)))
                    states.insert(disk(including: Set(pending), replacing: (i, torn)))
                }
            }
        }
        return states
    }

    /// Reads every file and folder under `root` back into a `Disk`.
    static func read(_ root: URL) throws -> Disk {
        var disk = Disk()
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return disk }
        while let path = walker.nextObject() as? String {
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isFolder)
            if isFolder.boolValue {
                disk.folders.insert(path)
            } else {
                disk.files[path] = try bytes(root.appendingPathComponent(path).path)
            }
        }
        return disk
    }

    /// A fresh folder in the temporary directory (TMPDIR=/dev/shm makes these tests about 8x
    /// faster: 0.7 s instead of 6 s here).
    static func scratchRoot() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gloss-crash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A short session: seven answers with a re-rating and an undo, checkpoints every
    /// three. Returns, per acknowledged call, how many ops had been recorded when it
    /// returned and the journal's last answer number then.
    static func session(_ folder: URL, recorder: Recorder) throws -> [(ops: Int, seq: Int)] {
        FileIO.observer = { recorder.record($0) }
        defer { FileIO.observer = nil }
        var acks: [(ops: Int, seq: Int)] = []
        let store = try ProgressStore(folder: folder, learner: "ada")
        store.checkpointEvery = 3
        for i in 0..<7 {
            let card = key("d", "e\(i % 4)")
            let stored = try store.append(answer(store, card, at: Double(100 + i), confusedWith: i % 2 == 0 ? "z" : nil))
            acks.append((recorder.ops.count, stored.seq))
            if i == 1 {
                var replacement = stored
                replacement.rating = .easy
                replacement.after?.stability = 42
                let rerated = try store.rerate(stored, as: replacement)
                acks.append((recorder.ops.count, rerated.seq))
            }
            if i == 4 {
                _ = try store.undo()
                acks.append((recorder.ops.count, store.state.lastSeq))
            }
        }
        try store.close()
        return acks
    }

    /// Records the session in a copy of `base` and checks every crash state.
    static func check(base: Disk) throws -> Counts {
        let root = try scratchRoot()
        defer { try? FileManager.default.removeItem(at: root) }
        let recording = root.appendingPathComponent("recording")
        try FileManager.default.createDirectory(at: recording, withIntermediateDirectories: true)
        try base.materialize(in: recording)
        let recorder = Recorder(root: recording.path)
        let baseSeq =
            try Journal.open(ProgressStore.journalPath(recording.appendingPathComponent("Progress"), "ada"))
            .map { journal in
                defer { journal.close() }
                return try journal.scan().records.count
            } ?? 0
        let acks = try session(recording.appendingPathComponent("Progress"), recorder: recorder)
        let ops = recorder.ops
        if ProcessInfo.processInfo.environment["GLOSS_CRASH_TRACE"] != nil {
            for (i, op) in ops.enumerated() { print(i, "\(op)".prefix(120)) }
            print(acks)
        }
        let final = try #require(try Journal.open(ProgressStore.journalPath(recording.appendingPathComponent("Progress"), "ada")))
        let answers = try final.scan().records
        final.close()

        var counts = Counts()
        var seen: Set<Disk> = []
        var trial = 0
        for end in 0...ops.count {
            let acknowledged = acks.filter { $0.ops <= end }.map(\.seq).max() ?? baseSeq
            for state in crashStates(ops, base: base, end: end) where seen.insert(state).inserted {
                counts.states += 1
                trial += 1
                let place = root.appendingPathComponent("s\(trial)")
                try state.materialize(in: place)
                defer { try? FileManager.default.removeItem(at: place) }
                let progress = place.appendingPathComponent("Progress")
                do {
                    let store = try ProgressStore(folder: progress, learner: "ada")
                    let journal = try Journal.open(store.journalPath)
                    let records = try journal?.scan().records ?? []
                    journal?.close()
                    let kept = Array(records.prefix(acknowledged))
                    if store.state.lastSeq < acknowledged || kept != Array(answers.prefix(acknowledged)) {
                        counts.lost += 1
                        Issue.record("crash before op \(end): \(acknowledged) acknowledged, lastSeq \(store.state.lastSeq)")
                    }
                    var replay = ProgressState()
                    for record in records { replay.apply(record) }
                    #expect(replay == store.state, "crash before op \(end): the loaded state is not a replay of the log")
                } catch StoreError.progress(let error) {
                    // Refused: it must say why and leave the files as they were (an empty
                    // lock file and the folder aside).
                    counts.unopenable += 1
                    let after = try read(place).files.filter { !$0.key.hasSuffix(".lock") }
                    if after == state.files.filter({ !$0.key.hasSuffix(".lock") }) { counts.refused += 1 }
                    Issue.record("crash before op \(end): unopenable: \(error)")
                }
            }
        }
        return counts
    }

    @Test func everyPowerLossStateOfANewLearnerOpensWithEveryAcknowledgedAnswer() throws {
        let counts = try Self.check(base: Disk())
        print("crash-consistency, new learner: \(counts)")
        #expect(counts.states > 100)
        #expect(counts.lost == 0)
        #expect(counts.unopenable == 0)
    }

    @Test func everyPowerLossStateOfAnExistingLearnerOpensWithEveryAcknowledgedAnswer() throws {
        // An existing learner: a first session's files, on the disk for good.
        let root = try Self.scratchRoot()
        defer { try? FileManager.default.removeItem(at: root) }
        let progress = root.appendingPathComponent("Progress")
        do {
            let store = try ProgressStore(folder: progress, learner: "ada")
            for i in 0..<5 { try store.append(answer(store, key("d", "e\(i % 3)"), at: Double(i))) }
            try store.close()
        }
        let base = try Self.read(root)
        #expect(base.files.keys.contains("Progress/ada.reviews.jsonl"))
        let counts = try Self.check(base: base)
        print("crash-consistency, existing learner: \(counts)")
        #expect(counts.states > 100)
        #expect(counts.lost == 0)
        #expect(counts.unopenable == 0)
    }

    @Test func aNewJournalAndTheProgressFolderAreFsyncedInTheirDirectories() throws {
        let parent = try makeProgressFolder()
        let folder = parent.appendingPathComponent("Progress")
        let recorder = Recorder(root: parent.path)
        FileIO.observer = { recorder.record($0) }
        defer { FileIO.observer = nil }
        let store = try ProgressStore(folder: folder, learner: "ada")
        try store.append(answer(store, key("d", "a"), at: 1))
        FileIO.observer = nil
        let ops = recorder.ops
        let appended = try #require(
            ops.firstIndex { if case .write("Progress/ada.reviews.jsonl", _, _) = $0 { true } else { false } })
        #expect(Self.isDurable(ops, ops.firstIndex(of: .mkdir("Progress")) ?? -1, before: appended))
        #expect(Self.isDurable(ops, ops.firstIndex(of: .create("Progress/ada.reviews.jsonl")) ?? -1, before: appended))
        try store.close()
    }
}
