import Foundation
import GlossCore
import Testing

@testable import GlossStore

/// Edge cases of several devices and of the derived journal that a review found (each failed
/// before its fix): undo across devices, an upgraded single device, another device's torn
/// first journal, a stats cache beside newer states, checkpoints after `appendAll`.
@Suite struct DeviceReviewTests {
    func plain(_ card: CardKey, at minutes: Double, _ rating: Rating) -> ReviewRecord {
        ReviewRecord(
            seq: 0, time: progressEpoch.addingTimeInterval(minutes * 60), card: card, format: .choiceTerm, answer: "x",
            correct: rating != .again, rating: rating, responseMs: 1500)
    }

    /// Undo (on A) of an earlier session's answer when B answered the same card later: the
    /// revocation carries the undone answer's old time, so the merge puts it before B's
    /// answer; the live state (B's answer erased) differs from any later replay.
    @Test func undoOfAnEarlierAnswerBeforeAnotherDevicesAnswerMatchesReplay() throws {
        let folder = try makeProgressFolder()
        let c = key("d", "c")
        let a1 = try ProgressStore(folder: folder, learner: "ann", device: "laptop")
        try a1.append(plain(c, at: 0, .good))
        try a1.close()
        let b = try ProgressStore(folder: folder, learner: "ann", device: "desktop")
        try b.append(plain(c, at: 60 * 24 * 3, .good))
        try b.close()
        let a2 = try ProgressStore(folder: folder, learner: "ann", device: "laptop")
        #expect(try a2.undo() != nil)
        let live = a2.card(c)
        try a2.close()
        let replayed = try ProgressStore.replayAll(folder: folder, learner: "ann")
        #expect(live == (replayed.cards[c] ?? .new))
    }

    /// A journal written by the gloss before devices had names (v2, "dev" a random id) is the
    /// learner's only journal: after the upgrade this device should keep writing it.
    @Test func anUpgradedSingleDeviceKeepsItsJournal() throws {
        let folder = try makeProgressFolder()
        try FileManager.default.copyItem(
            at: try fixtureURL("v2-ada.reviews.jsonl"), to: folder.appendingPathComponent("ada.reviews.jsonl"))
        let store = try ProgressStore(folder: folder, learner: "ada", device: "my-host")
        defer { try? store.close() }
        #expect(store.stem == "ada")
        #expect(try store.undo() != nil)
    }

    /// The first journal holds only a torn line of device A (its first answer being synced):
    /// B must not take A's files (B truncates A's journal and appends to it).
    @Test func aTornFirstJournalOfAnotherDeviceIsNotTaken() throws {
        let folder = try makeProgressFolder()
        let path = folder.appendingPathComponent("ann.reviews.jsonl").path
        let torn = Array(#"{"v":3,"dev":"laptop","seq":1,"kind":"review","time":"2026-09-21T08:00:00.250Z","card":["d","#.utf8)
        try Data(torn).write(to: URL(fileURLWithPath: path))
        let b = try ProgressStore(folder: folder, learner: "ann", device: "desktop")
        try b.append(plain(key("d", "c"), at: 0, .good))
        try b.close()
        #expect(b.stem == "ann@desktop")
        #expect(try bytes(path) == torn)
    }

    func answers(_ tally: StatsTally) -> Int {
        tally.settled().days.values.flatMap(\.values).map(\.answers.reviews).reduce(0, +)
    }

    /// The stats cache and its `.stats.state` are written one after the other; when the state
    /// is replaced and the cache is not (a crash between the renames, or the cache's write
    /// failing: `saveStats` swallows it), the old cache passes every check against the new
    /// state and the other device's newer answers are left out of every later `stats`.
    @Test func anOldStatsCacheBesideANewStatsStateIsNotUsed() throws {
        let folder = try makeProgressFolder()
        let clock = DayClock(timeZone: TimeZone(identifier: "UTC") ?? .current)
        let a = try ProgressStore(folder: folder, learner: "ann", device: "laptop")
        try a.append(plain(key("d", "a"), at: 0, .good))
        let b = try ProgressStore(folder: folder, learner: "ann", device: "desktop")
        try b.append(plain(key("d", "b"), at: 1, .good))
        #expect(answers(try a.statsTally(clock: clock)) == 2)
        let oldCache = try Data(contentsOf: URL(fileURLWithPath: a.statsCachePath))
        try b.append(plain(key("d", "b"), at: 2000, .good))
        try b.append(plain(key("d", "c"), at: 2001, .good))
        #expect(answers(try a.statsTally(clock: clock)) == 4)
        // The state of the last count was saved, its cache was not.
        try oldCache.write(to: URL(fileURLWithPath: a.statsCachePath))
        #expect(answers(try a.statsTally(clock: clock)) == 4)
        try a.close()
        try b.close()
    }

    /// `appendAll` (import, `gloss unsuspend`) moves `lastSeq` but not `lastLineOffset`: the
    /// next checkpoint saves the offset of an older line for the new last answer, and the
    /// next start refuses the folder (snapshotNotAtLine).
    @Test func aCheckpointAfterAppendAllOpensAgain() throws {
        let folder = try makeProgressFolder()
        let c = key("d", "c")
        let first = try ProgressStore(folder: folder, learner: "ann", device: "laptop")
        try first.append(plain(c, at: 0, .good))
        try first.close()
        let store = try ProgressStore(folder: folder, learner: "ann", device: "laptop")
        try store.appendAll([
            ReviewRecord(
                seq: 0, kind: .suspend, time: progressEpoch.addingTimeInterval(60), card: c, correct: false, rating: .again),
            ReviewRecord(
                seq: 0, kind: .unsuspend, time: progressEpoch.addingTimeInterval(61), card: c, correct: false, rating: .again),
        ])
        try store.checkpoint()
        try store.close()
        #expect(throws: Never.self) { try ProgressStore(folder: folder, learner: "ann", device: "laptop").close() }
    }

    /// As `gloss unsuspend` does it after another device studied: the open replays every
    /// journal (a checkpoint is due at close), `appendAll` writes the unsuspend, close saves
    /// the snapshot with the old line's offset, and the next start refuses the folder.
    @Test func unsuspendAfterAnotherDeviceStudiedOpensAgain() throws {
        let folder = try makeProgressFolder()
        let c = key("d", "c")
        let first = try ProgressStore(folder: folder, learner: "ann", device: "laptop")
        try first.append(plain(c, at: 0, .again))
        try first.append(
            ReviewRecord(
                seq: 0, kind: .suspend, time: progressEpoch.addingTimeInterval(60), card: c, correct: false, rating: .again))
        try first.close()
        let other = try ProgressStore(folder: folder, learner: "ann", device: "desktop")
        try other.append(plain(key("d", "b"), at: 2, .good))
        try other.close()
        let store = try ProgressStore(folder: folder, learner: "ann", device: "laptop")
        try store.appendAll([
            ReviewRecord(
                seq: 0, kind: .unsuspend, time: progressEpoch.addingTimeInterval(120), card: c, correct: false, rating: .again)
        ])
        try store.close()
        #expect(throws: Never.self) { try ProgressStore(folder: folder, learner: "ann", device: "laptop").close() }
    }
}
