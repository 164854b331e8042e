import Foundation
import GlossCore
import Testing

@testable import GlossStore

/// A version-1 journal opens: read as it is by readers, migrated once by the first start
/// that may write, its original kept beside byte for byte.
@Suite struct JournalMigrationTests {
    func v1Folder() throws -> URL {
        let folder = try makeProgressFolder()
        for (name, target) in [("v1-ada.json", "ada.json"), ("v1-ada.reviews.jsonl", "ada.reviews.jsonl")] {
            try FileManager.default.copyItem(at: try fixtureURL(name), to: folder.appendingPathComponent(target))
        }
        return folder
    }

    @Test func aReaderReadsVersion1AsItIsAndWritesNothing() throws {
        let folder = try v1Folder()
        let before = try bytes(ProgressStore.journalPath(folder, "ada"))
        let reader = try ProgressStore(folder: folder, learner: "ada", forReading: true)
        #expect(reader.state.lastSeq == 3)
        #expect(reader.warnings.isEmpty)
        #expect(try bytes(ProgressStore.journalPath(folder, "ada")) == before)
        #expect(!FileManager.default.fileExists(atPath: ProgressStore.journalPath(folder, "ada") + ".v1.bak"))
    }

    @Test func theFirstWriterMigratesOnceKeepingTheOriginal() throws {
        let folder = try v1Folder()
        let path = ProgressStore.journalPath(folder, "ada")
        let original = try bytes(path)
        let old = try ProgressStore(folder: folder, learner: "ada", forReading: true).state
        let store = try ProgressStore(folder: folder, learner: "ada")
        #expect(store.state == old)
        #expect(try bytes(path + ".v1.bak") == original)
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines.allSatisfy { $0.hasPrefix("{\"v\":3,\"dev\":\"\(store.device)\",") })
        // Answers go on after the migrated ones, numbered on, and the state replays.
        try store.append(
            ReviewRecord(
                seq: 0, time: Date(timeIntervalSince1970: 1_790_000_000), card: key("ai-safety", "x"), correct: true,
                rating: .good))
        try store.close()
        let reopened = try ProgressStore(folder: folder, learner: "ada")
        #expect(reopened.warnings.isEmpty)
        #expect(reopened.state.lastSeq == 4)
        #expect(try replayJournal(folder, "ada") == reopened.state)
        #expect(try bytes(path + ".v1.bak") == original)
    }

    @Test func aMigrationCutShortLeavesTheOldJournalAndRunsAgain() throws {
        let folder = try v1Folder()
        let path = ProgressStore.journalPath(folder, "ada")
        let original = try bytes(path)
        // What a kill during the rewrite leaves: a half-written temp file beside the journal.
        let temp = folder.appendingPathComponent(FileIO.tempName(for: "ada.reviews.jsonl", pid: 99_999))
        try Data("{\"v\":2,\"seq\":1,\"ki".utf8).write(to: temp)
        let store = try ProgressStore(folder: folder, learner: "ada")
        #expect(store.state.lastSeq == 3)
        #expect(!FileManager.default.fileExists(atPath: temp.path))
        #expect(try bytes(path + ".v1.bak") == original)
        #expect(try bytes(path) != original)
    }

    @Test func aDifferentBackupAlreadyThereIsNeverOverwritten() throws {
        let folder = try v1Folder()
        let path = ProgressStore.journalPath(folder, "ada")
        try Data("an older backup\n".utf8).write(to: URL(fileURLWithPath: path + ".v1.bak"))
        let original = try bytes(path)
        _ = try ProgressStore(folder: folder, learner: "ada")
        #expect(try String(contentsOfFile: path + ".v1.bak", encoding: .utf8) == "an older backup\n")
        #expect(try bytes(path + ".v1.2.bak") == original)
    }
}

/// Frozen journals of each version read to the same records: a later version of the schema
/// must keep reading version 2 (this fixture was written by the first gloss of version 2,
/// migrating `v1-ada.reviews.jsonl`).
@Suite struct FrozenJournalTests {
    func records(_ name: String) throws -> [ReviewRecord] {
        try String(contentsOf: try fixtureURL(name), encoding: .utf8).split(separator: "\n").map {
            var record = try JournalLine.record($0)
            record.device = nil
            return record
        }
    }

    @Test func version1AndVersion2FixturesHoldTheSameAnswers() throws {
        let v1 = try records("v1-ada.reviews.jsonl")
        let v2 = try records("v2-ada.reviews.jsonl")
        #expect(v1.count == 3)
        #expect(v1 == v2)
        #expect(
            try JournalLine.record(
                String(contentsOf: try fixtureURL("v2-ada.reviews.jsonl"), encoding: .utf8).split(separator: "\n")[0]
            ).device == "fixture1")
    }
}
