import Foundation
import GlossCore

/// Several devices, no server: each device appends only to its own journal; every reader
/// merges all of the learner's journals by answer time and replays them (`MergedJournals`).
extension ProgressStore {
    /// The learner's journals in this folder: this device's and the others' (and conflicted
    /// copies a sync tool left).
    public func deviceJournals() -> [DeviceJournal] {
        DeviceJournals.find(in: folder, learner: learner).files.map { file in
            let journal = try? Journal.open(file.path)
            defer { journal?.close() }
            let last = try? journal?.lastRecord()
            return DeviceJournal(
                file: file.path, device: file.device ?? last?.device, isThisDevice: file.path == journalPath,
                isConflictedCopy: file.isConflictedCopy, answers: last?.seq ?? 0, lastAnswer: last?.time,
                bytes: journal?.size ?? 0)
        }
    }

    /// The sizes of the journals other than this device's, by file name.
    func otherJournalSizes() -> [String: Int] {
        Self.otherJournalSizes(folder: folder, learner: learner, own: journalPath)
    }

    /// The sizes of `learner`'s journals in `folder` other than `own`, by file name.
    static func otherJournalSizes(folder: URL, learner: String, own: String) -> [String: Int] {
        var sizes: [String: Int] = [:]
        for file in DeviceJournals.find(in: folder, learner: learner).files where file.path != own {
            guard let journal = try? Journal.open(file.path) else { continue }
            sizes[file.name] = journal.size
            journal.close()
        }
        return sizes
    }

    /// Every journal of `learner` in `folder` replayed in answer-time order (`lastSeq` is the
    /// largest number read, of any device: set it to this device's). `answers: false`: the
    /// records handed to `body` have no answer text (the replay itself never reads it).
    static func replayAll(
        folder: URL, learner: String, answers: Bool = false, _ body: (ReviewRecord) throws -> Void = { _ in }
    ) throws -> ProgressState {
        var merged = try MergedJournals(DeviceJournals.find(in: folder, learner: learner), answers: answers)
        defer { merged.close() }
        var state = ProgressState()
        try merged.forEachInPlace { record in
            state.fold(&record)
            try body(record)
        }
        return state
    }
}

/// One device's journal as `gloss devices` lists it.
public struct DeviceJournal: Equatable, Sendable {
    public var file: String
    /// The device that writes it (nil for an empty first journal).
    public var device: String?
    public var isThisDevice: Bool
    public var isConflictedCopy: Bool
    /// Its last answer's number: how many records it holds.
    public var answers: Int
    public var lastAnswer: Date?
    public var bytes: Int
}
