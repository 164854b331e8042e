import Foundation
import GlossCore
import Testing

@testable import GlossStore

@Suite struct ProgressStoreTests {
    @Test func roundTripThroughCloseAndReopen() throws {
        let folder = try makeProgressFolder()
        let a = key("ai", "alignment"), b = key("ai", "mesa-optimizer", .recognize)
        var settings = LearnerSettings()
        settings.newPerDay = 17
        let stored: [ReviewRecord]
        let expected: ProgressState
        do {
            let store = try ProgressStore(folder: folder, learner: "ada")
            try store.updateSettings(settings)
            var records: [ReviewRecord] = []
            records.append(try store.append(answer(store, a, at: 0)))
            records.append(try store.append(answer(store, b, at: 1, rating: .again, confusedWith: "alignment")))
            records.append(try store.append(answer(store, a, at: 2, rating: .easy)))
            records.append(
                try store.append(answer(store, b, at: 3, kind: .practice, confusedWith: "alignment")))
            stored = records
            expected = store.state
            try store.close()
        }
        #expect(stored.map(\.seq) == [1, 2, 3, 4])
        #expect(expected.cards.count == 2)
        #expect(expected.confusions.picks(deck: "ai", asked: "mesa-optimizer").first?.count == 2)
        let reopened = try ProgressStore(folder: folder, learner: "ada")
        #expect(reopened.state == expected)
        #expect(reopened.settings.newPerDay == 17)
        #expect(reopened.warnings.isEmpty)
        #expect(try replayJournal(folder, "ada") == expected)
        // The journal holds exactly the stored records, one per line.
        let journal = try #require(try Journal.open(reopened.journalPath))
        defer { journal.close() }
        #expect(try journal.scan().records == stored)
    }

    @Test func reopenWithoutCheckpointReplaysTheTail() throws {
        let folder = try makeProgressFolder()
        let store = try ProgressStore(folder: folder, learner: "ada")
        store.checkpointEvery = 3
        for i in 0..<7 { try store.append(answer(store, key("d", "e\(i % 3)"), at: Double(i))) }
        let expected = store.state
        // Simulate a crash: no close, so the snapshot is at seq 6 and seq 7 is only in the log.
        let snapshot = try SnapshotFile.load(store.snapshotPath, learner: "ada")
        #expect(snapshot?.snapshot.lastSeq == 6)
        let copy = try makeProgressFolder()
        for name in ["ada.json", "ada.reviews.jsonl"] {
            try FileManager.default.copyItem(
                at: folder.appendingPathComponent(name), to: copy.appendingPathComponent(name))
        }
        let reopened = try ProgressStore(folder: copy, learner: "ada")
        #expect(reopened.state == expected)
        #expect(reopened.state.lastSeq == 7)
    }

    @Test func timesAreStoredToTheMillisecond() throws {
        let date = Date(timeIntervalSince1970: 1_790_000_000.1234567)
        let text = JournalTime.format(date)
        #expect(text == "2026-09-21T14:13:20.123Z")
        #expect(JournalTime.parse(text) == JournalTime.rounded(date))
        #expect(JournalTime.parse("2026-09-21T16:13:20.123+02:00") == JournalTime.rounded(date))
        #expect(JournalTime.format(Date(timeIntervalSince1970: -1.5)) == "1969-12-31T23:59:58.500Z")
        // The one ISO-8601 parser (`ISOTime`): no zone is UTC, a day must exist.
        #expect(JournalTime.parse("2026-09-21 14:13") == JournalTime.parse("2026-09-21T14:13:00.000Z"))
        #expect(JournalTime.parse("2026-02-31T14:13:20Z") == nil)
        #expect(JournalTime.parse("2026-13-21T14:13:20Z") == nil)
    }

    @Test func timeParserAgreesWithFoundation() throws {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        var rng = SplitMix64(seed: 7)
        for _ in 0..<2000 {
            let ms = Double(Int64.random(in: -2_000_000_000_000...4_000_000_000_000, using: &rng))
            let date = Date(timeIntervalSince1970: ms / 1000)
            let ours = JournalTime.format(date)
            #expect(ours == formatter.string(from: date))
            #expect(JournalTime.parse(ours) == date)
        }
    }

    @Test func undoGoesSeveralStepsBack() throws {
        let folder = try makeProgressFolder()
        let store = try ProgressStore(folder: folder, learner: "ada")
        let a = key("ai", "alignment"), b = key("ai", "agi")
        try store.append(answer(store, a, at: 0))
        let afterFirst = store.state
        try store.append(answer(store, b, at: 1, rating: .again, confusedWith: "alignment"))
        try store.append(answer(store, a, at: 2, kind: .practice, confusedWith: "agi"))
        try store.append(answer(store, a, at: 3, rating: .hard))

        #expect(try store.undo()?.seq == 4)
        #expect(try store.undo()?.seq == 3)
        #expect(store.state.confusions.picks(deck: "ai", asked: "alignment").isEmpty)
        #expect(try store.undo()?.seq == 2)
        #expect(store.state.cards == afterFirst.cards)
        #expect(store.state.confusions == afterFirst.confusions)
        try store.close()

        // Undo keeps going after a reopen, and the log was only ever appended to.
        let reopened = try ProgressStore(folder: folder, learner: "ada")
        #expect(reopened.state.cards == afterFirst.cards)
        #expect(try reopened.undo()?.seq == 1)
        #expect(reopened.state.cards.isEmpty)
        #expect(try reopened.undo() == nil)
        #expect(try replayJournal(folder, "ada").cards == reopened.state.cards)
        let journal = try #require(try Journal.open(reopened.journalPath))
        defer { journal.close() }
        let records = try journal.scan().records
        #expect(records.map(\.kind) == [.review, .review, .practice, .review, .revoke, .revoke, .revoke, .revoke])
        #expect(records.compactMap(\.revokes) == [4, 3, 2, 1])
    }

    @Test func answerAfterUndoIsTheOneUndoneNext() throws {
        let folder = try makeProgressFolder()
        let store = try ProgressStore(folder: folder, learner: "ada")
        try store.append(answer(store, key("d", "x"), at: 0))
        try store.undo()
        try store.append(answer(store, key("d", "y"), at: 1))
        #expect(try store.undo()?.card == key("d", "y"))
        #expect(try store.undo() == nil)
        #expect(store.state.cards.isEmpty)
    }

    @Test func rebuildRecomputesFromTheJournal() throws {
        let folder = try makeProgressFolder()
        let store = try ProgressStore(folder: folder, learner: "ada")
        for i in 0..<30 {
            try store.append(answer(store, key("d", "e\(i % 7)"), at: Double(i), confusedWith: i % 5 == 0 ? "e1" : nil))
        }
        try store.undo()
        try store.close()
        // Damage the snapshot's view of one card (as a bad edit would).
        let snapshotPath = store.snapshotPath
        var snapshot = try #require(try SnapshotFile.load(snapshotPath, learner: "ada")).snapshot
        snapshot.cards["d/e3/recall"]?.reps = 99
        snapshot.cards["d/ghost/recall"] = CardState(phase: .review, reps: 1)
        try SnapshotFile.write(snapshot, to: snapshotPath)

        let doctorBefore = try ProgressDoctor.examine(folder: folder, learner: "ada")
        #expect(doctorBefore.disagreeingCards == [key("d", "e3"), key("d", "ghost")])
        #expect(!doctorBefore.isHealthy)

        // The static form (`gloss rebuild`) refuses while the learner is open elsewhere.
        let holder = try ProgressStore(folder: folder, learner: "ada")
        #expect(throws: StoreError.progress(.locked(file: ProgressStore.lockPath(folder, "ada")))) {
            try ProgressStore.rebuild(folder: folder, learner: "ada", confirm: { _ in true })
        }
        try holder.close()  // writes the damaged state back: the snapshot still disagrees

        let reopened = try ProgressStore(folder: folder, learner: "ada")
        let report = try reopened.rebuild()
        #expect(report == RebuildReport(records: 31, cards: 7, changedCards: 2, confusionsChanged: false, droppedCards: 1))
        #expect(reopened.state == (try replayJournal(folder, "ada")))
        try reopened.close()
        let doctorAfter = try ProgressDoctor.examine(folder: folder, learner: "ada")
        #expect(doctorAfter.isHealthy)
        #expect(doctorAfter.lines.contains("snapshot: agrees with a replay of the journal"))

        // Damage again and rebuild with the static form: same result.
        try SnapshotFile.write(snapshot, to: snapshotPath)
        // It drops the ghost card only when confirmed.
        #expect(throws: StoreError.progress(.rebuildDeclined(file: snapshotPath, cardsDropped: 1))) {
            try ProgressStore.rebuild(folder: folder, learner: "ada")
        }
        let again = try ProgressStore.rebuild(folder: folder, learner: "ada", confirm: { $0.droppedCards == 1 })
        #expect(again == report)
        #expect(again.summary == "replayed 31 answers into 7 cards; 2 cards changed")
        #expect(try ProgressDoctor.examine(folder: folder, learner: "ada").isHealthy)
        #expect(try ProgressStore(folder: folder, learner: "ada").state == reopened.state)
    }

    @Test func checkpointCutShortLeavesTheOldSnapshotAndIsCleanedUp() throws {
        let folder = try makeProgressFolder()
        let store = try ProgressStore(folder: folder, learner: "ada")
        try store.append(answer(store, key("d", "x"), at: 0))
        try store.close()
        let snapshot = try bytes(store.snapshotPath)
        // A crash between writing the temp file and the rename.
        let temp = folder.appendingPathComponent("ada.json.tmp-99999")
        try Data("{\"half\": ".utf8).write(to: temp)
        let reopened = try ProgressStore(folder: folder, learner: "ada")
        #expect(reopened.state == store.state)
        #expect(try bytes(reopened.snapshotPath) == snapshot)
        #expect(!FileManager.default.fileExists(atPath: temp.path))
        try reopened.close()
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [
                "ada.json", "ada.lock", "ada.reviews.jsonl",
            ])
    }

    /// The end of a session writes the snapshot only when it is behind: after answers, or
    /// when it is missing; a session that answered nothing leaves the file as it was.
    @Test func aSessionThatAnsweredNothingLeavesTheSnapshotAlone() throws {
        let folder = try makeProgressFolder()
        let store = try ProgressStore(folder: folder, learner: "ada")
        for i in 0..<3 { try store.append(answer(store, key("d", "e\(i)"), at: Double(i))) }
        store.saveSnapshot()
        #expect(try SnapshotFile.load(store.snapshotPath, learner: "ada")?.snapshot.lastSeq == 3)
        // A marker in place of the file shows whether the next save writes it.
        let marker: [UInt8] = Array("marker".utf8)
        try Data(marker).write(to: URL(fileURLWithPath: store.snapshotPath))
        store.saveSnapshot()
        #expect(try bytes(store.snapshotPath) == marker, "nothing answered since: not written")
        try store.append(answer(store, key("d", "e9"), at: 9))
        store.saveSnapshot()
        #expect(try SnapshotFile.load(store.snapshotPath, learner: "ada")?.snapshot.lastSeq == 4)
        try FileManager.default.removeItem(atPath: store.snapshotPath)
        store.saveSnapshot()
        #expect(try SnapshotFile.load(store.snapshotPath, learner: "ada")?.snapshot.lastSeq == 4, "missing: written")
        try store.close()
    }
}
