import Foundation
import GlossCore

extension ProgressStore {
    /// Where the learner's stats cache lives (see `StatsCacheFile`).
    public var statsCachePath: String { Self.statsCachePath(folder, learner) }

    /// The stats tally of the whole review log, in the study days of `clock`: the saved
    /// tally plus the answers after it, or, without a usable one, the whole log read in parts
    /// side by side (never held in memory). The saved tally is then brought up to date; a
    /// failure to save it only costs the next `stats` a full count.
    ///
    /// Its confusions are counted from the log by the one rule (`ConfusionCounts`), as the
    /// store's are.
    public func statsTally(clock: DayClock) throws -> StatsTally {
        var tally = StatsTally(clock: clock)
        guard let journal = try Journal.open(journalPath) else { return tally }
        defer { journal.close() }
        if let (saved, last) = StatsCacheFile.load(statsCachePath, folder: folder, clock: clock) {
            let tail = try journal.tail(after: saved.lastSeq)
            // Counted from this log: it reaches the answer the tally ends at, and that is the same answer.
            if StatsCacheFile.mismatch(lastSeq: saved.lastSeq, last: last, logLastSeq: tail.lastSeq, boundary: tail.boundary)
                == nil
            {
                tally = saved
                for record in tail.records { tally.add(record) }
                if let newest = tail.records.last {
                    try? StatsCacheFile.write(tally, last: newest, to: statsCachePath, folder: folder)
                }
                return tally
            }
        }
        for part in try journal.fold(start: { StatsTally(clock: clock) }, add: { $0.add($1) }).parts { tally.merge(part) }
        let newest = try journal.tail(after: max(tally.lastSeq - 1, 0)).records.last
        try? StatsCacheFile.write(tally, last: newest, to: statsCachePath, folder: folder)
        return tally
    }
}
