import Foundation
import GlossCore

/// Checks a learner's progress files without changing them.
public enum ProgressDoctor {
    /// Examines `<learner>.json` and `<learner>.reviews.jsonl` in `folder`.
    ///
    /// `deckCards`, when given, is every card key of the current decks; cards with progress
    /// outside it are reported as orphaned. Reads the whole journal (cost ~ log length).
    /// Throws only for an invalid learner name; unreadable files are reported.
    ///
    /// The stats cache is checked as `gloss stats` would use it, in study days of `timeZone`
    /// and the learner's rollover hour: readable, of this version, counted in those days, not
    /// ahead of the log, and ending at this log's answer of that number.
    ///
    /// With other devices' journals in the folder (`DeviceJournals`), `device`'s own files are
    /// examined, every other journal is read through, and the snapshot is compared with the
    /// replay of all of them when it was made from them as they are.
    public static func examine(
        folder: URL, learner: String, device: String? = nil, deckCards: Set<CardKey>? = nil,
        timeZone: TimeZone = .current
    ) throws -> DoctorReport {
        try LearnerName.validate(learner)
        let device = try DeviceName.resolve(device)
        let stem = ProgressStore.stem(folder: folder, learner: learner, device: device)
        let ownJournal = ProgressStore.journalPath(folder, stem)
        var report = DoctorReport(
            locked: FileLock.isHeld(ProgressStore.lockPath(folder, stem)), journalRecords: 0,
            recordsAfterSnapshot: 0, disagreeingCards: [], confusionsDisagree: false, orphanedCards: [],
            tornLine: false, unreadable: nil)
        do {
            let snapshotPath = ProgressStore.snapshotPath(folder, stem)
            let loaded = try SnapshotFile.load(snapshotPath, learner: learner)
            let snapshotState = try loaded?.snapshot.state(file: snapshotPath) ?? ProgressState()
            var replay = ProgressState()
            var current = snapshotState
            var records: [ReviewRecord] = []
            if let journal = try Journal.open(ownJournal) {
                defer { journal.close() }
                let scan = try journal.scan()
                records = scan.records
                let last = snapshotState.lastSeq
                if last > 0, let expected = loaded?.snapshot.lastLineOffset, scan.offsets.indices.contains(last - 1),
                    scan.offsets[last - 1] != expected
                {
                    let found = scan.offsets[last - 1]
                    report.snapshotMisplaced =
                        "\(journal.path):\(try journal.lineNumber(at: found)): answer \(last), the snapshot's last, starts at byte \(found), not at byte \(expected) where the snapshot saw it: lines before it were changed since (the numbering reads right); run `gloss rebuild` to recompute the snapshot from the journal"
                }
                report.journalRecords = scan.records.count
                report.tornLine = scan.torn != nil
                for record in scan.records {
                    if record.seq <= snapshotState.lastSeq {
                        replay.apply(record)
                    } else {
                        report.recordsAfterSnapshot += 1
                        current.apply(record)
                    }
                }
            }
            if replay.lastSeq < snapshotState.lastSeq {
                report.unreadable =
                    StoreError.progress(
                        .journalBehindSnapshot(
                            journal: ownJournal, journalSeq: replay.lastSeq,
                            snapshotSeq: snapshotState.lastSeq
                        )
                    ).description
                return report
            }
            let others = DeviceJournals.find(in: folder, learner: learner).files.filter { $0.path != ownJournal }
            if !others.isEmpty {
                let sizes = otherDevices(others, into: &report)
                guard report.devices.allSatisfy({ $0.problem == nil }) else { return report }
                if loaded?.snapshot.devices == sizes {
                    // The snapshot was made from these journals: compare it with their replay, with
                    // this device's answers up to the snapshot's last.
                    var merged = try MergedJournals(DeviceJournals.find(in: folder, learner: learner), answers: false)
                    defer { merged.close() }
                    replay = ProgressState()
                    try merged.forEach { record in
                        if record.device == device, record.seq > snapshotState.lastSeq { return }
                        replay.apply(record)
                    }
                    replay.lastSeq = snapshotState.lastSeq
                } else {
                    report.othersChangedSinceSnapshot = true
                    replay = snapshotState
                }
            }
            report.disagreeingCards = Set(snapshotState.cards.keys).union(replay.cards.keys)
                .filter { snapshotState.cards[$0] != replay.cards[$0] }.sorted()
            report.confusionsDisagree = snapshotState.confusions != replay.confusions
            let clock = DayClock(timeZone: timeZone, rolloverHour: (loaded?.snapshot.settings ?? LearnerSettings()).rolloverHour)
            report.statsCache = statsCache(
                ProgressStore.statsCachePath(folder, stem), clock: clock, records: records)
            if let deckCards {
                report.orphanedCards = Set(current.cards.keys).subtracting(deckCards).sorted()
            }
        } catch StoreError.progress(let problem) {
            report.unreadable = problem.description
        }
        return report
    }

    /// The stats cache at `path` against `records`, the whole log (numbered from 1 on).
    static func statsCache(_ path: String, clock: DayClock, records: [ReviewRecord]) -> DoctorReport.StatsCacheFinding? {
        switch StatsCacheFile.read(path, clock: clock) {
        case .absent:
            return nil
        case .recount(let reason):
            return .recount(file: path, reason: reason)
        case .usable(let tally, let last, _):
            let boundary = records.indices.contains(tally.lastSeq - 1) ? records[tally.lastSeq - 1] : nil
            if let reason = StatsCacheFile.mismatch(
                lastSeq: tally.lastSeq, last: last, logLastSeq: records.last?.seq ?? 0, boundary: boundary)
            {
                return .recount(file: path, reason: reason)
            }
            return .current(lastSeq: tally.lastSeq)
        }
    }

    /// Reads every other device's journal through; their sizes by file name.
    private static func otherDevices(_ files: [DeviceJournals.File], into report: inout DoctorReport) -> [String: Int] {
        var sizes: [String: Int] = [:]
        for file in files {
            var finding = DoctorReport.DeviceFinding(file: file.path, answers: 0)
            do {
                if let journal = try Journal.open(file.path) {
                    defer { journal.close() }
                    sizes[file.name] = journal.size
                    let scan = try journal.forEach { _ in finding.answers += 1 }
                    finding.stillArriving = scan.torn != nil
                }
            } catch {
                finding.problem = "\(error)"
            }
            report.devices.append(finding)
        }
        return sizes
    }
}
