import Foundation
import GlossCore

extension ProgressStore {
    /// Where this device's stats cache lives (see `StatsCacheFile`).
    public var statsCachePath: String { Self.statsCachePath(folder, stem) }

    /// The stats tally of the whole review log (every device's), in the study days of
    /// `clock`: the saved tally plus the answers after it, replayed from the card states saved
    /// with it, or, without a usable one (none, or another device's journal changed since),
    /// the whole log replayed once (never held in memory). The saved tally is then brought up
    /// to date; a failure to save it only costs the next `stats` a full count.
    ///
    /// Its confusions are counted from the log by the one rule (`ConfusionCounts`), as the
    /// store's are.
    public func statsTally(clock: DayClock) throws -> StatsTally {
        var tally = StatsTally(clock: clock)
        let sizes = otherJournalSizes()
        let devices = sizes.isEmpty ? nil : sizes
        guard let journal = try Journal.open(journalPath) else {
            guard devices != nil else { return tally }
            _ = try Self.replayAll(folder: folder, learner: learner) { tally.add($0) }
            return tally
        }
        defer { journal.close() }
        let statePath = Self.statsStatePath(folder, stem)
        if let (saved, last, counted) = StatsCacheFile.load(statsCachePath, folder: folder, clock: clock),
            counted == devices
        {
            let tail = try journal.tail(after: saved.lastSeq)
            // Counted from this log: it reaches the answer the tally ends at, and that is the same answer.
            if StatsCacheFile.mismatch(lastSeq: saved.lastSeq, last: last, logLastSeq: tail.lastSeq, boundary: tail.boundary)
                == nil
            {
                // Nothing new: the states are not needed.
                guard let newest = tail.records.last else { return saved }
                if var replay = StatsCacheFile.loadState(statePath, learner: learner, lastSeq: saved.lastSeq, devices: devices) {
                    var counted = saved
                    for record in tail.records { counted.add(replay.apply(record)) }
                    Self.saveStats(counted, replay, last: newest, folder: folder, stem: stem, devices: devices, device: device)
                    return counted
                }
            }
        }
        var replay = try Self.replayAll(folder: folder, learner: learner) { tally.add($0) }
        let own = try journal.lastRecord()
        replay.lastSeq = own?.seq ?? 0
        Self.saveStats(tally, replay, last: own, folder: folder, stem: stem, devices: devices, device: device)
        return tally
    }

    /// Where the card states the stats cache ends at live (a snapshot of the replay at its
    /// last answer: the answers after it are replayed from them).
    static func statsStatePath(_ folder: URL, _ stem: String) -> String {
        folder.appendingPathComponent("\(stem).stats.state").path
    }

    /// Saves the tally, ending at this device's answer `last`, and the replay's states it
    /// ends at, both with the other devices' journal sizes they include (a cache whose states
    /// are missing, of another answer, or of other sizes is counted again). A failure only
    /// costs the next `stats` a full count.
    static func saveStats(
        _ tally: StatsTally, _ replay: ProgressState, last: ReviewRecord?, folder: URL, stem: String,
        devices: [String: Int]?, device: String?
    ) {
        let statePath = statsStatePath(folder, stem)
        do {
            try ProgressPathGuard.check(statePath, folder: folder)
            var snapshot = ProgressSnapshot(learner: stem, state: replay, settings: LearnerSettings(), device: device)
            snapshot.devices = devices
            // The old states go first: a crash or a failed write between the two files leaves
            // a cache without its states (counted again), never states beside an old cache.
            FileIO.remove(statePath)
            try StatsCacheFile.write(
                tally, last: last, lastSeq: replay.lastSeq, devices: devices, to: statsCachePath(folder, stem),
                folder: folder)
            try SnapshotFile.write(snapshot, to: statePath)
        } catch {
            return
        }
    }
}

extension StatsCacheFile {
    /// The card states saved with a stats cache ending at answer `lastSeq`, replayed with the
    /// other devices' journals of `devices`; nil when there are none, they can't be read, or
    /// they end elsewhere.
    static func loadState(_ path: String, learner: String, lastSeq: Int, devices: [String: Int]?) -> ProgressState? {
        guard let loaded = try? SnapshotFile.load(path, learner: learner), loaded.migratedFrom == nil,
            loaded.snapshot.lastSeq == lastSeq, loaded.snapshot.devices == devices
        else { return nil }
        return try? loaded.snapshot.state(file: path)
    }
}
