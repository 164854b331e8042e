import Foundation
import GlossCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One learner's progress on disk: a snapshot `<learner>.json` and an append-only review
/// journal `<learner>.reviews.jsonl`, held under an advisory lock while open.
///
/// ```swift
/// let store = try ProgressStore(folder: URL(fileURLWithPath: "Progress"), learner: "ada")
/// defer { try? store.close() }
/// let stored = try store.append(record)   // durable (fsynced) when it returns
/// let undone = try store.undo()           // appends a revocation; nil when nothing to undo
/// ```
/// Opening loads the snapshot and replays only the journal records after its `lastSeq`.
/// A file it cannot read stops it with a `StoreError.progress` and is never written.
public final class ProgressStore {
    public let learner: String
    public let folder: URL
    /// Answers appended between automatic checkpoints.
    public var checkpointEvery: Int = 20
    public private(set) var state: ProgressState
    public private(set) var settings: LearnerSettings
    /// Things noticed on open that the learner should hear about, one line each
    /// (a dropped torn line, a migrated snapshot).
    public private(set) var warnings: [String] = []

    /// The first part of this device's file names: the learner's name for the first device
    /// (or the only one), `<learner>@<device>` for each other (`DeviceJournals`).
    public let stem: String
    public var snapshotPath: String { Self.snapshotPath(folder, stem) }
    /// This device's journal, the only one it writes.
    public var journalPath: String { Self.journalPath(folder, stem) }
    public var lockPath: String { Self.lockPath(folder, stem) }

    private var lock: FileLock?
    private var journalFD: Int32 = -1
    private var appendsSinceCheckpoint = 0
    /// Where the journal line of `state.lastSeq` starts (saved in the snapshot, checked at
    /// the next start); nil when unknown.
    private var lastLineOffset: Int?
    private var reportedWarnings = 0
    /// Opened `forReading`: no lock, no writes.
    public private(set) var readOnly = false
    /// False when opened for the journal alone (`cardStates: false`): `state` then holds no
    /// card (only `lastSeq`), and only the journal's readers (`reviewTable`, `forEachRecord`)
    /// and `settings` are to be used.
    public let hasCardStates: Bool
    /// A checkpoint after a saved answer failed (and was said once): later ones stay quiet.
    private var checkpointFailed = false
    private let codec = JournalCodec()
    /// This device's name, stamped on every record it writes (`ReviewRecord.device`):
    /// `--device`, else `GLOSS_DEVICE`, else the host name (`DeviceName`).
    public let device: String
    /// The other devices' journals (and conflicted copies) as they were when opened, by file
    /// name: their sizes. Empty when this device studies alone.
    public internal(set) var others: [String: Int] = [:]
    /// The time zone whose study days the scheduler counts (set by the study session; nil:
    /// 24-hour spans).
    public var timeZone: TimeZone?
    /// The answers appended since opening, with their states filled in, by number (undo
    /// reads them instead of replaying the journal).
    private var appended: [Int: ReviewRecord] = [:]

    /// The scheduling rules answers appended now are scheduled by: the settings' and
    /// `timeZone`'s. The first answer after they change records them.
    public var rules: ScheduleRules { ScheduleRules(settings: settings, timeZone: timeZone) }

    /// The scheduler of `rules`: the one a study session rates with, so what it shows is
    /// what the store derives.
    public func makeScheduler() throws(CoreError) -> any Scheduler { try rules.makeScheduler() }

    static func snapshotPath(_ folder: URL, _ learner: String) -> String {
        folder.appendingPathComponent("\(learner).json").path
    }
    static func journalPath(_ folder: URL, _ learner: String) -> String {
        folder.appendingPathComponent("\(learner).reviews.jsonl").path
    }
    static func statsCachePath(_ folder: URL, _ learner: String) -> String {
        folder.appendingPathComponent("\(learner).stats.cache").path
    }
    static func lockPath(_ folder: URL, _ learner: String) -> String {
        folder.appendingPathComponent("\(learner).lock").path
    }

    /// Opens (creating if needed) the learner's progress in `folder`.
    ///
    /// Throws `StoreError.progress(.invalidLearnerName)`, `.locked` when another gloss has it open,
    /// `.unreadable` / `.newerVersion` / `.journalBehindSnapshot` naming the file and line.
    ///
    /// `forReading` (for `stats`, `export`, `evaluate`, `optimize` without `--apply`): no
    /// lock is taken and nothing is written, so a reader never waits for, nor blocks, a study
    /// session in another terminal, and works in a folder that can't be written. It sees a
    /// consistent prefix: the snapshot is replaced whole (rename), the journal only grows, and
    /// a last line still being written is left out (and left alone). Answers can't be appended.
    ///
    /// `cardStates: false` (with `forReading`; for the reviews exports): the snapshot's card
    /// states are neither read nor replayed (see `hasCardStates`); the journal is checked
    /// against the snapshot as always.
    public init(
        folder: URL, learner: String, forReading: Bool = false, device: String? = nil, cardStates: Bool = true
    ) throws {
        self.learner = try LearnerName.validate(learner)
        self.folder = folder
        self.device = try DeviceName.resolve(device)
        self.stem = Self.stem(folder: folder, learner: learner, device: self.device)
        self.state = ProgressState()
        self.settings = LearnerSettings()
        self.hasCardStates = cardStates || !forReading
        if !forReading { try Self.createFolder(folder) }
        for path in [
            Self.lockPath(folder, stem), Self.snapshotPath(folder, stem), Self.journalPath(folder, stem),
            Self.statsCachePath(folder, stem), Self.statsStatePath(folder, stem),
        ] {
            try ProgressPathGuard.check(path, folder: folder)
        }
        if forReading {
            readOnly = true
        } else {
            lock = try FileLock.acquire(Self.lockPath(folder, stem))
        }
        do {
            try load()
        } catch {
            if journalFD >= 0 { FileIO.close(journalFD) }
            journalFD = -1
            lock?.release()
            self.lock = nil
            throw error
        }
    }

    /// Creates the folder when missing, its entry fsynced in its parent.
    private static func createFolder(_ folder: URL) throws {
        try FileIO.createFolder(folder.path)
    }

    deinit {
        if journalFD >= 0 { FileIO.close(journalFD) }
        lock?.release()
    }

    /// The stem of `device`'s files (`stem`): the learner's name when the first journal is
    /// this device's, else `<learner>@<device>`. The first journal is this device's when it is
    /// missing, when its last record says so, when that record was written before devices had
    /// names (version 2 or older: the first device to open it with this gloss takes it, and
    /// its next line names it), and, when it is empty or of version 1 (no names), unless the
    /// first device's snapshot names another device. One with lines but no whole record is
    /// never taken.
    static func stem(folder: URL, learner: String, device: String) -> String {
        guard let journal = try? Journal.open(journalPath(folder, learner)) else { return learner }
        defer { journal.close() }
        let other = "\(learner)@\(device)"
        let last: (record: ReviewRecord, version: Int)?
        do {
            last = try journal.lastRecordAndVersion()
        } catch {
            // A journal that can't be read is left to the open, which says what is wrong with it.
            return learner
        }
        if let (record, version) = last, let owner = record.device {
            return owner == device || version < JournalField.current ? learner : other
        }
        // Lines but no whole record (a first answer still arriving, or cut off): whose it is
        // can't be told, so it is not taken.
        if last == nil, journal.size > 0 { return other }
        let owner = (try? SnapshotFile.load(snapshotPath(folder, learner), learner: learner))??.snapshot.device
        return owner == nil || owner == device ? learner : other
    }

    private func load() throws {
        let loaded = try SnapshotFile.load(snapshotPath, learner: learner, cards: hasCardStates)
        var state = try loaded?.snapshot.state(file: snapshotPath) ?? ProgressState()
        var settings = loaded?.snapshot.settings ?? LearnerSettings()
        if loaded == nil, stem != learner,
            let first = try? SnapshotFile.load(Self.snapshotPath(folder, learner), learner: learner)
        {
            // A device's first start beside another's: the first device's settings (its
            // states are another device's cache, not read: the journals are replayed below).
            settings = first.snapshot.settings
        }
        var torn: Journal.Torn?
        var missingNewline = false
        var migratedJournal: String?
        if !readOnly, let old = try Journal.open(journalPath) {
            defer { old.close() }
            if try JournalMigration.needsMigration(old) {
                // The snapshot's byte offset is of the old lines: said unknown first, so a
                // crash part-way opens either journal.
                if var snapshot = loaded?.snapshot, snapshot.lastLineOffset != nil {
                    if let loaded, let version = loaded.migratedFrom {
                        try FileIO.atomicWrite(loaded.original, to: snapshotPath + ".v\(version).bak")
                    }
                    snapshot.lastLineOffset = nil
                    try SnapshotFile.write(snapshot, to: snapshotPath)
                }
                migratedJournal = try JournalMigration.migrate(old, device: device)
            }
        }
        // Every journal is replayed, merged in answer-time order, when the snapshot can't be
        // built on: there is none, or another device's journal is not as it saw it (grew, went
        // backwards, appeared). Else only this device's answers after it are replayed.
        others = otherJournalSizes()
        let replayAll = loaded == nil || (!others.isEmpty && loaded?.snapshot.devices != others)
        var ownLastSeq = state.lastSeq
        if let journal = try Journal.open(journalPath) {
            defer { journal.close() }
            let tail: Journal.Tail
            do {
                // Replaying all, only the end of this one is read here (its torn line, where its
                // last answer starts); the replay reads and checks every line.
                if replayAll { ownLastSeq = try journal.lastRecord()?.seq ?? 0 }
                tail = try journal.tail(after: ownLastSeq, window: Self.linesCheckedBeforeSnapshot)
            } catch StoreError.progress(let problem) {
                // Name the line `doctor` and `rebuild` name, reading forwards (only on this path):
                // a swap is seen at its first line forwards, at its second backwards.
                _ = try journal.forEach { _ in }
                throw StoreError.progress(problem)
            }
            if tail.lastSeq < state.lastSeq {
                throw StoreError.progress(
                    .journalBehindSnapshot(
                        journal: journalPath, journalSeq: tail.lastSeq, snapshotSeq: state.lastSeq))
            }
            if !replayAll, state.lastSeq > 0, let expected = loaded?.snapshot.lastLineOffset,
                let found = tail.boundaryOffset, found != expected
            {
                throw try Self.notAtLine(journal, seq: state.lastSeq, expected: expected, found: found)
            }
            lastLineOffset = tail.lastOffset
            if hasCardStates {
                for record in tail.records { state.apply(record) }
            } else {
                state.lastSeq = tail.lastSeq
            }
            appendsSinceCheckpoint = replayAll ? 1 : tail.records.count
            torn = tail.torn
            missingNewline = tail.missingNewline
        } else if state.lastSeq > 0 {
            throw StoreError.progress(.journalBehindSnapshot(journal: journalPath, journalSeq: 0, snapshotSeq: state.lastSeq))
        }
        if replayAll, hasCardStates {
            state = try Self.replayAll(folder: folder, learner: learner)
            state.lastSeq = ownLastSeq
        }
        // Everything read cleanly: from here on the store may write.
        self.state = state
        self.settings = settings
        if readOnly {
            if torn != nil {
                warnings.append(
                    "\(journalPath): ends in an incomplete line (an answer being written, or cut off by a crash); read without it"
                )
            }
            return
        }
        journalFD = try FileIO.openProgressFile(journalPath, O_WRONLY | O_CREAT | O_APPEND)
        if let torn {
            try FileIO.truncate(journalFD, path: journalPath, to: torn.offset)
            try FileIO.sync(journalFD, path: journalPath)
            warnings.append(
                "\(journalPath): dropped an incomplete last line (\(torn.length) bytes, an answer cut off by a crash); every complete answer was kept"
            )
        } else if missingNewline {
            try FileIO.writeAll(journalFD, path: journalPath, [10])
            try FileIO.sync(journalFD, path: journalPath)
        }
        removeStaleTempFiles()
        if let migratedJournal {
            try checkpoint()
            warnings.append(
                "\(journalPath): upgraded to version \(JournalField.current) (\(state.lastSeq) answers); the old file is kept as \(migratedJournal)"
            )
        }
        if let loaded, let version = loaded.migratedFrom {
            let backup = snapshotPath + ".v\(version).bak"
            try FileIO.atomicWrite(loaded.original, to: backup)
            try checkpoint()
            warnings.append(
                "\(snapshotPath): upgraded from version \(version) to \(ProgressSnapshot.currentVersion); the old file is kept as \(backup)"
            )
        }
    }

    /// How many lines before the snapshot's point start-up reads and checks the numbering
    /// of (a duplicated or swapped line there stops it); the rest of the prefix is checked
    /// by the byte offset of the snapshot's line, and in full by `gloss doctor`.
    static let linesCheckedBeforeSnapshot = 32

    /// The snapshot's last answer is not at the byte offset it recorded: a line before it was
    /// duplicated, lost, moved or edited. Reads the log forwards (only on this path) to name
    /// the first line out of numbering; failing that, the line where that answer now is.
    private static func notAtLine(_ journal: Journal, seq: Int, expected: Int, found: Int) throws -> StoreError {
        _ = try journal.forEach { _ in }
        return .progress(
            .snapshotNotAtLine(
                journal: journal.path, line: try journal.lineNumber(at: found), seq: seq, expectedOffset: expected,
                foundOffset: found))
    }

    /// Temp files of a snapshot or stats cache write cut short by a crash (we hold the lock,
    /// so none is in use); only this learner's (`FileIO.isTempFile`).
    private func removeStaleTempFiles() {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        let owners = ["\(stem).json", "\(stem).stats.cache", "\(stem).stats.state", "\(stem).reviews.jsonl"]
        for name in names where owners.contains(where: { FileIO.isTempFile(name, of: $0) }) {
            FileIO.remove(folder.appendingPathComponent(name).path)
        }
    }

    /// The warnings added since the last call (a checkpoint that failed mid-session, say),
    /// each once.
    public func takeWarnings() -> [String] {
        defer { reportedWarnings = warnings.count }
        return Array(warnings.dropFirst(reportedWarnings))
    }

    /// The card's state, `.new` when it was never answered.
    public func card(_ key: CardKey) -> CardState { state.cards[key] ?? .new }

    /// Appends one answer (kind `review` or `practice`) durably and folds it in.
    ///
    /// The store assigns the sequence number; times are kept to the millisecond. Returns
    /// the record as stored. Checkpoints every `checkpointEvery` answers.
    @discardableResult
    public func append(_ record: ReviewRecord) throws -> ReviewRecord {
        var record = record
        record.seq = state.lastSeq + 1
        let stored = try write(record)
        answerSaved()
        return stored
    }

    /// Appends many answers (an imported history) with one fsync at the end: durable when it
    /// returns, and all or nothing (a failure part-way truncates the journal back to where it
    /// was, and no answer of the batch is folded in). Sequence numbers follow the journal's.
    ///
    /// - Complexity: one encode and decode per record, one `fsync` for the batch.
    @discardableResult
    public func appendAll(_ records: [ReviewRecord]) throws -> [ReviewRecord] {
        guard !records.isEmpty else { return [] }
        guard !readOnly else { throw StoreError.progress(.io(file: journalPath, operation: "append", errno: EROFS)) }
        guard journalFD >= 0, let lock else {
            throw StoreError.progress(.io(file: journalPath, operation: "append (store closed)", errno: EBADF))
        }
        guard lock.isStillInPlace() else { throw StoreError.progress(.lockLost(file: lockPath)) }
        var stored: [ReviewRecord] = []
        stored.reserveCapacity(records.count)
        var next = state.lastSeq + 1
        let size = try FileIO.size(journalFD, path: journalPath)
        // Written in chunks of about 1 MiB, synced once at the end: a failure anywhere
        // truncates back to `size`, so the batch is all or nothing.
        var chunk: [UInt8] = []
        chunk.reserveCapacity(1 << 20 + 4096)
        var written = size
        var lastStart = size
        do {
            var rulesInForce = state.rules(for: device)
            for var record in records {
                record.seq = next
                record.device = device
                next += 1
                if record.kind == .review, record.after == nil, rulesInForce != rules {
                    record.rules = rules
                    rulesInForce = rules
                }
                // Read back by the journal's own decoder: what is folded in is what a later
                // reader will see.
                let (line, read) = try journalLine(record)
                stored.append(read)
                lastStart = written + chunk.count
                chunk.append(contentsOf: line)
                chunk.append(10)
                if chunk.count >= 1 << 20 {
                    try FileIO.writeAll(journalFD, path: journalPath, chunk)
                    written += chunk.count
                    chunk.removeAll(keepingCapacity: true)
                }
            }
            try FileIO.writeAll(journalFD, path: journalPath, chunk)
            try FileIO.sync(journalFD, path: journalPath)
        } catch {
            _ = try? FileIO.truncate(journalFD, path: journalPath, to: size)
            throw error
        }
        lastLineOffset = lastStart
        return stored.map { state.apply($0) }
    }

    /// Re-rates `original` (an answer in this journal) as `replacement`, in one record: an
    /// answer that revokes `original` and takes its place, so a crash leaves either the old
    /// rating or the new one, never neither. It keeps the original's time, card, answer and
    /// confusion (stats and confusions count it once); its rating and `after` are new.
    @discardableResult
    public func rerate(_ original: ReviewRecord, as replacement: ReviewRecord) throws -> ReviewRecord {
        var record = replacement
        record.seq = state.lastSeq + 1
        record.revokes = original.seq
        let stored = try write(record)
        answerSaved()
        return stored
    }

    /// Checkpoints at the end of a session; a failure is a warning (`takeWarnings`), said
    /// once, not an error: every answer is in the journal, and the next start replays it.
    /// A snapshot that holds every answer already is not written again (after a session that
    /// answered nothing; on the scale data that write was a tenth of such a session); one
    /// whose last write failed is.
    public func saveSnapshot() {
        guard appendsSinceCheckpoint > 0 || checkpointFailed || !FileIO.exists(snapshotPath) else { return }
        do {
            try checkpoint()
        } catch {
            if !checkpointFailed { warnings.append(Self.snapshotBehind(error, snapshot: snapshotPath, journal: journalPath)) }
            checkpointFailed = true
        }
    }

    /// Counts a saved answer and checkpoints every `checkpointEvery`. A checkpoint that fails
    /// (a full disk) does not unsay the answer, which is in the journal: it is said once, as
    /// a warning, and tried again `checkpointEvery` answers later.
    private func answerSaved() {
        appendsSinceCheckpoint += 1
        guard appendsSinceCheckpoint >= checkpointEvery else { return }
        saveSnapshot()
        appendsSinceCheckpoint = 0
    }

    /// What a failed checkpoint means when every answer is in the journal.
    static func snapshotBehind(_ error: any Error, snapshot: String, journal: String) -> String {
        var why = "\(error)"
        if case .progress(.notReplaced(_, let operation, let code)) = error as? StoreError {
            why = "\(operation) failed: \(String(cString: strerror(code)))"
        } else if case .progress(.io(_, let operation, let code)) = error as? StoreError {
            why = "\(operation) failed: \(String(cString: strerror(code)))"
        }
        return "\(snapshot): not updated (\(why)); every answer is saved in \(journal) and is read back on the next start"
    }

    private func write(_ record: ReviewRecord) throws -> ReviewRecord {
        guard !readOnly else { throw StoreError.progress(.io(file: journalPath, operation: "append", errno: EROFS)) }
        guard journalFD >= 0, let lock else {
            throw StoreError.progress(.io(file: journalPath, operation: "append (store closed)", errno: EBADF))
        }
        guard lock.isStillInPlace() else { throw StoreError.progress(.lockLost(file: lockPath)) }
        var record = record
        record.device = device
        if record.kind == .review, record.after == nil, state.rules(for: device) != rules { record.rules = rules }
        // What is stored, exactly as a later reader will see it.
        var (line, stored) = try journalLine(record)
        line.append(10)
        let size = try FileIO.size(journalFD, path: journalPath)
        do {
            try FileIO.writeAll(journalFD, path: journalPath, line)
            try FileIO.sync(journalFD, path: journalPath)
            lastLineOffset = size
        } catch {
            // A full disk or file-size limit can stop a write part-way: drop the part line, so
            // the journal ends with the last answer that was saved whole.
            _ = try? FileIO.truncate(journalFD, path: journalPath, to: size)
            throw error
        }
        let filled = state.apply(stored)
        appended[filled.seq] = filled
        return filled
    }

    /// Reverts the latest answer not yet undone, by appending a revocation (and, when that
    /// answer suspended its card as a leech, a record that brings it back).
    ///
    /// Returns the answer undone, or nil when there is none. Call again to go further back.
    @discardableResult
    public func undo() throws -> ReviewRecord? {
        guard let journal = try Journal.open(journalPath) else { return nil }
        defer { journal.close() }
        guard let latest = try journal.latestUnrevoked() else { return nil }
        let target = try appended[latest.seq] ?? filled(latest, in: journal)
        // The answer made its card a leech and suspended it: taken back together.
        var suspendedByIt = false
        if state.suspended.contains(target.card) {
            suspendedByIt = try journal.tail(after: target.seq).records.contains {
                $0.kind == .suspend && $0.card == target.card
            }
        }
        let revoke = target.revocation(seq: state.lastSeq + 1)
        _ = try write(revoke)
        if suspendedByIt {
            _ = try write(
                ReviewRecord(
                    seq: state.lastSeq + 1, kind: .unsuspend, time: target.time, card: target.card, correct: false, rating: .again
                ))
        }
        if hasOtherJournals {
            // The revocation is merged at the undone answer's time, before any later answer of
            // another device to the card: the state is what that merge gives.
            let own = state.lastSeq
            others = otherJournalSizes()
            state = try Self.replayAll(folder: folder, learner: learner)
            state.lastSeq = own
        }
        answerSaved()
        return target
    }

    /// `record` of `journal` with its states, replayed from the journal's start (for an
    /// answer of an earlier session; undo of this session's reads `appended`).
    private func filled(_ record: ReviewRecord, in journal: Journal) throws -> ReviewRecord {
        guard record.kind == .review else { return record }
        var found = record
        if hasOtherJournals {
            _ = try Self.replayAll(folder: folder, learner: learner, answers: true) { filled in
                if filled.device == record.device, filled.seq == record.seq { found = filled }
            }
            return found
        }
        var replay = ProgressState()
        _ = try journal.forEach { earlier in
            guard earlier.seq <= record.seq else { return }
            let filled = replay.apply(earlier)
            if earlier.seq == record.seq { found = filled }
        }
        return found
    }

    /// Whether the folder holds another journal of the learner than this device's.
    var hasOtherJournals: Bool {
        DeviceJournals.find(in: folder, learner: learner).files.contains { $0.path != journalPath }
    }

    /// Replaces the learner's settings and saves them at once.
    public func updateSettings(_ settings: LearnerSettings) throws {
        self.settings = settings
        try checkpoint()
    }

    /// Writes the snapshot atomically (temp file, fsync, rename, fsync of the folder).
    public func checkpoint() throws {
        guard !readOnly else {
            throw StoreError.progress(.io(file: snapshotPath, operation: "write (opened for reading)", errno: EROFS))
        }
        var snapshot = ProgressSnapshot(
            learner: learner, state: state, settings: settings, lastLineOffset: lastLineOffset, device: device)
        snapshot.devices = others.isEmpty ? nil : others
        try SnapshotFile.write(snapshot, to: snapshotPath)
        appendsSinceCheckpoint = 0
    }

    /// Recomputes every card state and the confusions from the whole journal, and saves.
    public func rebuild() throws -> RebuildReport {
        var (rebuilt, records, _) = try Self.replay(folder: folder, learner: learner)
        rebuilt.lastSeq = state.lastSeq
        let report = RebuildReport(old: state, rebuilt: rebuilt, records: records)
        state = rebuilt
        try checkpoint()
        return report
    }

    /// Rebuilds a learner that is not open: takes the lock, recomputes every card state and
    /// the confusions from the whole journal, and writes the snapshot (keeping its settings).
    /// Given the learner's `timeZone`, the same read also counts the stats and saves them
    /// (`StatsCacheFile`), so the next `stats` reads nothing old.
    ///
    /// This is `gloss rebuild`; unlike opening a store it does not replay the journal first.
    /// A snapshot that can't be read stops it (move the file away to rebuild with default
    /// settings); card keys it can't parse are left out (they are recomputed from the log,
    /// which skips them too). Before the snapshot is replaced the old one is kept as
    /// `<learner>.json.before-rebuild`; when the rebuilt state would have fewer cards than
    /// the old one, `confirm` is asked first and a false answer throws
    /// `StoreError.progress(.rebuildDeclined)`, changing nothing.
    public static func rebuild(
        folder: URL, learner: String, device: String? = nil, timeZone: TimeZone? = nil,
        confirm: (RebuildReport) -> Bool = { _ in false }
    ) throws -> RebuildReport {
        try LearnerName.validate(learner)
        let device = try DeviceName.resolve(device)
        let stem = stem(folder: folder, learner: learner, device: device)
        try createFolder(folder)
        let lock = try FileLock.acquire(lockPath(folder, stem))
        defer { lock.release() }
        let path = snapshotPath(folder, stem)
        let loaded = try SnapshotFile.load(path, learner: learner)
        let old = try loaded?.snapshot.state(file: path, skippingBadKeys: true) ?? ProgressState()
        let settings = loaded?.snapshot.settings ?? LearnerSettings()
        let clock = timeZone.map { DayClock(timeZone: $0, rolloverHour: settings.rolloverHour) }
        // The other journals' sizes before they are read: one that grows meanwhile is read again.
        let sizes = otherJournalSizes(folder: folder, learner: learner, own: journalPath(folder, stem))
        var (rebuilt, records, tally) = try replay(folder: folder, learner: learner, stats: clock)
        let own = try Journal.open(journalPath(folder, stem)).map { journal in
            defer { journal.close() }
            return try journal.lastRecord()?.seq ?? 0
        }
        rebuilt.lastSeq = own ?? 0
        let report = RebuildReport(old: old, rebuilt: rebuilt, records: records)
        if report.droppedCards > 0, !confirm(report) {
            throw StoreError.progress(.rebuildDeclined(file: path, cardsDropped: report.droppedCards))
        }
        if let loaded {
            if let version = loaded.migratedFrom { try FileIO.atomicWrite(loaded.original, to: path + ".v\(version).bak") }
            try FileIO.atomicWrite(loaded.original, to: rebuildBackupPath(folder, stem))
        }
        let offset = try Journal.open(journalPath(folder, stem)).map { journal in
            defer { journal.close() }
            return try journal.tail(after: rebuilt.lastSeq).boundaryOffset
        }
        var snapshot = ProgressSnapshot(
            learner: learner, state: rebuilt, settings: settings, lastLineOffset: offset ?? nil, device: device)
        snapshot.devices = sizes.isEmpty ? nil : sizes
        try SnapshotFile.write(snapshot, to: path)
        if let tally {
            let journal = try Journal.open(journalPath(folder, stem))
            defer { journal?.close() }
            let newest = try journal?.lastRecord()
            saveStats(tally, rebuilt, last: newest, folder: folder, stem: stem, devices: snapshot.devices, device: device)
        }
        return report
    }

    /// Where `rebuild` keeps the snapshot it replaced.
    public static func rebuildBackupPath(_ folder: URL, _ learner: String) -> String {
        folder.appendingPathComponent("\(learner).json.before-rebuild").path
    }

    /// Every card state and the confusions from the learner's journals in `folder` (this
    /// device's and the others', merged by answer time), how many records they hold, and,
    /// given a clock, their stats.
    private static func replay(folder: URL, learner: String, stats clock: DayClock? = nil) throws
        -> (state: ProgressState, records: Int, stats: StatsTally?)
    {
        var records = 0
        var tally = clock.map { StatsTally(clock: $0) }
        let state = try replayAll(folder: folder, learner: learner) { filled in
            records += 1
            tally?.add(filled)
        }
        return (state, records, tally)
    }

    /// `record`'s journal line (no newline) and the record as the journal's decoder reads
    /// it back; a record that can't be a line is a `ProgressProblem.unwritable` naming it.
    private func journalLine(_ record: ReviewRecord) throws(StoreError) -> (line: [UInt8], read: ReviewRecord) {
        do {
            let line = try JournalCodec.encode(record)
            return (line, try line.withUnsafeBufferPointer { buffer throws(JournalCodec.Problem) in try codec.decode(buffer) })
        } catch {
            throw .progress(.unwritable(file: journalPath, seq: record.seq, problem: error.description))
        }
    }

    /// Saves a snapshot (when answers came after the last one, or there is none yet) and
    /// releases the files and the lock. The store can't be used after. A snapshot that
    /// can't be written is a warning (`takeWarnings`), not an error: the answers are saved.
    public func close() throws {
        guard lock != nil else { return }
        defer {
            if journalFD >= 0 { FileIO.close(journalFD) }
            journalFD = -1
            lock?.release()
            lock = nil
        }
        // Every answer is in the journal: a snapshot that can't be written is said once.
        saveSnapshot()
    }
}
