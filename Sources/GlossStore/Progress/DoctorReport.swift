import GlossCore

/// What `ProgressDoctor.examine` found about a learner's files, with plain-words lines.
public struct DoctorReport: Equatable, Sendable {
    /// Whether another gloss has the learner open right now.
    public var locked: Bool
    /// Answers in the journal (complete lines).
    public var journalRecords: Int
    /// Answers after the snapshot's last one (folded in at the next start).
    public var recordsAfterSnapshot: Int
    /// Cards whose snapshot state differs from a replay of the journal up to the snapshot.
    public var disagreeingCards: [CardKey]
    public var confusionsDisagree: Bool
    /// Cards with progress whose entry is in none of the current decks (kept, not lost).
    public var orphanedCards: [CardKey]
    /// The journal ends in an incomplete line (dropped at the next start).
    public var tornLine: Bool
    /// A file could not be read: the error, in words.
    public var unreadable: String?
    /// The journal line of the snapshot's last answer is not where the snapshot saw it (a
    /// line before it was edited, or the log replaced), in words; start-up refuses it.
    public var snapshotMisplaced: String? = nil
    /// What the stats cache (`<learner>.stats.cache`) is worth; nil when there is none.
    /// Derived data: never a fault of the learner's answers, never unhealthy.
    public var statsCache: StatsCacheFinding? = nil
    /// The other devices' journals, each read through.
    public var devices: [DeviceFinding] = []
    /// Another device's journal changed since this device's snapshot: it is replayed at the
    /// next start, so the snapshot is not compared.
    public var othersChangedSinceSnapshot = false

    /// What reading another device's journal found.
    public struct DeviceFinding: Equatable, Sendable {
        public var file: String
        public var answers: Int
        /// Its last line is incomplete (still being copied by the sync tool, or cut off).
        public var stillArriving = false
        /// Why it can't be read, naming its line.
        public var problem: String?
    }

    /// The stats cache, checked against the log.
    public enum StatsCacheFinding: Equatable, Sendable {
        /// Counted from this log, in the learner's study days, up to answer `lastSeq`.
        case current(lastSeq: Int)
        /// Not usable, and why in words ("is version 1, …"): the next `stats` counts again.
        case recount(file: String, reason: String)
    }

    /// True when nothing needs the learner's attention (orphaned cards, a held lock and a
    /// stats cache to recount are only information).
    public var isHealthy: Bool {
        disagreeingCards.isEmpty && !confusionsDisagree && !tornLine && unreadable == nil && snapshotMisplaced == nil
            && devices.allSatisfy { $0.problem == nil }
    }

    /// The report in plain words, one finding per line.
    public var lines: [String] {
        var out: [String] = []
        if let unreadable {
            out.append("problem: \(unreadable)")
            return out
        }
        out.append(locked ? "lock: in use by another gloss right now" : "lock: free")
        out.append("journal: \(journalRecords) answers, \(recordsAfterSnapshot) after the last snapshot")
        for device in devices {
            if let problem = device.problem {
                out.append("problem: another device's journal can't be read: \(problem)")
            } else {
                out.append(
                    "device journal \(device.file): \(device.answers) answers"
                        + (device.stillArriving ? "; its last line is still incomplete (being synced?), read without it" : ""))
            }
        }
        if othersChangedSinceSnapshot {
            out.append("snapshot: other devices' answers came since; all journals are replayed at the next start")
        } else if disagreeingCards.isEmpty && !confusionsDisagree {
            out.append(
                devices.isEmpty
                    ? "snapshot: agrees with a replay of the journal" : "snapshot: agrees with a replay of every device's journal"
            )
        } else {
            let sample = disagreeingCards.prefix(5).map(\.description).joined(separator: ", ")
            out.append(
                "problem: the snapshot disagrees with the journal on \(disagreeingCards.count) cards"
                    + (sample.isEmpty ? "" : " (\(sample))") + (confusionsDisagree ? " and on confusions" : "")
                    + "; run `gloss rebuild` to recompute it from the journal")
        }
        if let snapshotMisplaced { out.append("problem: \(snapshotMisplaced)") }
        if tornLine {
            out.append(
                "notice: the journal ends in an incomplete answer (a crash mid-write); it will be dropped at the next start")
        }
        switch statsCache {
        case nil: break
        case .current(let lastSeq):
            out.append("stats cache: counted from this log up to answer \(lastSeq)")
        case .recount(let file, let reason):
            out.append(
                "notice: the stats cache \(file) \(reason); it is derived from the log and will be recounted at the next `gloss stats` (no answer is affected)"
            )
        }
        if !orphanedCards.isEmpty {
            let sample = orphanedCards.prefix(5).map(\.description).joined(separator: ", ")
            out.append(
                "orphaned: \(orphanedCards.count) cards have progress but no entry in the current decks (\(sample)); their progress is kept and comes back if the entries return"
            )
        }
        return out
    }
}
