import Foundation
import GlossCore

extension ProgressStore {
    /// Where the learner's stats cache lives (see `StatsCacheFile`).
    public var statsCachePath: String { Self.statsCachePath(folder, learner) }

    /// The stats tally of the whole review log, in the study days of `clock`: the saved
    /// tally plus the answers after it, replayed from the card states saved with it, or,
    /// without a usable one, the whole log replayed once (never held in memory). The saved
    /// tally is then brought up to date; a failure to save it only costs the next `stats` a
    /// full count.
    ///
    /// Its confusions are counted from the log by the one rule (`ConfusionCounts`), as the
    /// store's are.
    public func statsTally(clock: DayClock) throws -> StatsTally {
        var tally = StatsTally(clock: clock)
        guard let journal = try Journal.open(journalPath) else { return tally }
        defer { journal.close() }
        let statePath = Self.statsStatePath(folder, learner)
        if let (saved, last) = StatsCacheFile.load(statsCachePath, folder: folder, clock: clock),
            var replay = StatsCacheFile.loadState(statePath, learner: learner, lastSeq: saved.lastSeq)
        {
            let tail = try journal.tail(after: saved.lastSeq)
            // Counted from this log: it reaches the answer the tally ends at, and that is the same answer.
            if StatsCacheFile.mismatch(lastSeq: saved.lastSeq, last: last, logLastSeq: tail.lastSeq, boundary: tail.boundary)
                == nil
            {
                tally = saved
                for record in tail.records { tally.add(replay.apply(record)) }
                if let newest = tail.records.last {
                    Self.saveStats(tally, replay, last: newest, folder: folder, learner: learner)
                }
                return tally
            }
        }
        var replay = ProgressState()
        _ = try journal.forEach { tally.add(replay.apply($0)) }
        let newest = try journal.tail(after: max(tally.lastSeq - 1, 0)).records.last
        Self.saveStats(tally, replay, last: newest, folder: folder, learner: learner)
        return tally
    }

    /// Where the card states the stats cache ends at live (a snapshot of the replay at its
    /// last answer: the answers after it are replayed from them).
    static func statsStatePath(_ folder: URL, _ learner: String) -> String {
        folder.appendingPathComponent("\(learner).stats.state").path
    }

    /// Saves the tally and the replay's states it ends at, the states first (a cache whose
    /// states are missing or of another answer is counted again). A failure only costs the
    /// next `stats` a full count.
    static func saveStats(_ tally: StatsTally, _ replay: ProgressState, last: ReviewRecord?, folder: URL, learner: String) {
        let statePath = statsStatePath(folder, learner)
        do {
            try ProgressPathGuard.check(statePath, folder: folder)
            try SnapshotFile.write(
                ProgressSnapshot(learner: learner, state: replay, settings: LearnerSettings()), to: statePath)
            try StatsCacheFile.write(tally, last: last, to: statsCachePath(folder, learner), folder: folder)
        } catch {
            return
        }
    }
}

extension StatsCacheFile {
    /// The card states saved with a stats cache ending at answer `lastSeq`; nil when there
    /// are none, they can't be read, or they end at another answer.
    static func loadState(_ path: String, learner: String, lastSeq: Int) -> ProgressState? {
        guard let loaded = try? SnapshotFile.load(path, learner: learner), loaded.migratedFrom == nil,
            loaded.snapshot.lastSeq == lastSeq
        else { return nil }
        return try? loaded.snapshot.state(file: path)
    }
}
