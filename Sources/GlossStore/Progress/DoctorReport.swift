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

    /// True when nothing needs the learner's attention (orphaned cards and a held lock are
    /// only information).
    public var isHealthy: Bool {
        disagreeingCards.isEmpty && !confusionsDisagree && !tornLine && unreadable == nil
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
        if disagreeingCards.isEmpty && !confusionsDisagree {
            out.append("snapshot: agrees with a replay of the journal")
        } else {
            let sample = disagreeingCards.prefix(5).map(\.description).joined(separator: ", ")
            out.append(
                "problem: the snapshot disagrees with the journal on \(disagreeingCards.count) cards"
                    + (sample.isEmpty ? "" : " (\(sample))") + (confusionsDisagree ? " and on confusions" : "")
                    + "; run `gloss rebuild` to recompute it from the journal")
        }
        if tornLine {
            out.append(
                "notice: the journal ends in an incomplete answer (a crash mid-write); it will be dropped at the next start")
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
