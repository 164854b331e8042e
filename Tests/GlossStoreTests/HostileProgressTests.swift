import Foundation
import GlossCore
import Testing

@testable import GlossStore

/// Hostile and odd progress folders: symlinks leading out, over-long learner names.
@Suite struct HostileProgressTests {
    @Test func aJournalSymlinkedOutsideTheFolderIsRefused() throws {
        let folder = try makeProgressFolder()
        let outside = try makeProgressFolder().appendingPathComponent("elsewhere.jsonl")
        try Data("keep me\n".utf8).write(to: outside)
        let journal = ProgressStore.journalPath(folder, "ada")
        try FileManager.default.createSymbolicLink(atPath: journal, withDestinationPath: outside.path)
        let target = outside.resolvingSymlinksInPath().path
        #expect(throws: StoreError.progress(.linkOutsideFolder(file: journal, target: target))) {
            try ProgressStore(folder: folder, learner: "ada")
        }
        #expect(
            StoreError.progress(.linkOutsideFolder(file: journal, target: target)).description
                == "\(journal): is a symbolic link to \(target), outside the progress folder; refused: replace the link with the file itself"
        )
        // The file outside was neither read into progress nor written.
        #expect(try String(contentsOf: outside, encoding: .utf8) == "keep me\n")
    }

    @Test func aSnapshotSymlinkedOutsideTheFolderIsRefused() throws {
        let folder = try makeProgressFolder()
        let snapshot = ProgressStore.snapshotPath(folder, "ada")
        let outside = try makeProgressFolder().appendingPathComponent("elsewhere.json")
        try Data("{}".utf8).write(to: outside)
        try FileManager.default.createSymbolicLink(atPath: snapshot, withDestinationPath: outside.path)
        #expect(throws: StoreError.progress(.linkOutsideFolder(file: snapshot, target: outside.resolvingSymlinksInPath().path))) {
            try ProgressStore(folder: folder, learner: "ada")
        }
        #expect(try String(contentsOf: outside, encoding: .utf8) == "{}")
    }

    @Test func aSymlinkInsideTheFolderIsAllowed() throws {
        let folder = try makeProgressFolder()
        let real = folder.appendingPathComponent("ada-real.reviews.jsonl")
        _ = FileManager.default.createFile(atPath: real.path, contents: nil)
        try FileManager.default.createSymbolicLink(
            atPath: ProgressStore.journalPath(folder, "ada"), withDestinationPath: "ada-real.reviews.jsonl")
        let store = try ProgressStore(folder: folder, learner: "ada")
        try store.append(answer(store, key("d", "e"), at: 0))
        try store.close()
        #expect(try String(contentsOf: real, encoding: .utf8).split(separator: "\n").count == 1)
    }

    @Test func aLearnerNameOf300CharactersIsRefusedWithAShortMessage() throws {
        let folder = try makeProgressFolder()
        let name = String(repeating: "a", count: 300)
        #expect(throws: StoreError.progress(.invalidLearnerName(name))) {
            try ProgressStore(folder: folder, learner: name)
        }
        #expect(
            StoreError.progress(.invalidLearnerName(name)).description
                == "invalid learner name \"aaaaaaaaaaaaaaaaaaaa…\" (300 characters): use at most 64 letters, digits, '-', '_' and '.'"
        )
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    /// A link planted at the snapshot's temp name (to a file outside the folder) is not
    /// followed: the checkpoint fails naming the snapshot, which stays as it was, the file
    /// the link leads to is untouched, and the next open removes the planted temp file.
    @Test func aLinkPlantedAtTheSnapshotTempNameIsNotFollowed() throws {
        let folder = try makeProgressFolder()
        let store = try ProgressStore(folder: folder, learner: "ada")
        try store.append(answer(store, key("d", "e"), at: 0))
        try store.checkpoint()
        let snapshot = ProgressStore.snapshotPath(folder, "ada")
        let before = try bytes(snapshot)
        try store.append(answer(store, key("d", "f"), at: 60))
        let temp = folder.appendingPathComponent(FileIO.tempName(for: "ada.json")).path
        let outside = try makeProgressFolder().appendingPathComponent("planted")
        try Data("planted\n".utf8).write(to: outside)
        try FileManager.default.createSymbolicLink(atPath: temp, withDestinationPath: outside.path)
        #expect(throws: StoreError.progress(.notReplaced(file: snapshot, operation: "open", errno: ELOOP))) {
            try store.checkpoint()
        }
        #expect(
            StoreError.progress(.notReplaced(file: snapshot, operation: "write", errno: ENOSPC)).description
                == "\(snapshot): write failed: No space left on device; the file was left as it was")
        #expect(try bytes(snapshot) == before)
        #expect(try String(contentsOf: outside, encoding: .utf8) == "planted\n")
        // The journal has both answers, so nothing is lost: the next checkpoint catches up.
        try store.close()
        #expect(store.takeWarnings().first?.contains("every answer is saved in") == true)
        let reopened = try ProgressStore(folder: folder, learner: "ada")
        #expect(reopened.state.lastSeq == 2)
        #expect(!FileManager.default.fileExists(atPath: temp))
        try reopened.close()
    }

    @Test func anAnswerOlderThanTheLastOneIsKeptInOrder() throws {
        let folder = try makeProgressFolder()
        let store = try ProgressStore(folder: folder, learner: "ada")
        let card = key("d", "e")
        try store.append(answer(store, card, at: 600))
        let earlier = try store.append(answer(store, card, at: 0))
        #expect(earlier.seq == 2)
        try store.close()
        let reopened = try ProgressStore(folder: folder, learner: "ada")
        #expect(reopened.state.lastSeq == 2)
        #expect(reopened.card(card).lastReview == earlier.time)
        try reopened.close()
    }
}

/// Regressions from fuzzing the progress loaders (Fuzz/FuzzTargets.swift).
@Suite struct HostileProgressFuzzRegressionTests {
    /// fuzz snapshot: an empty snapshot file made Foundation's file read leak; it is read with
    /// POSIX calls now and refused with a message naming the file and line.
    @Test func anEmptySnapshotIsRefusedAndLeftUntouched() throws {
        let folder = try makeProgressFolder()
        let snapshot = ProgressStore.snapshotPath(folder, "ada")
        _ = FileManager.default.createFile(atPath: snapshot, contents: Data())
        #expect(
            throws: StoreError.progress(
                .unreadable(
                    file: snapshot, line: 1, problem: "not valid JSON (Unexpected end of file during JSON parse.)"))
        ) {
            try ProgressStore(folder: folder, learner: "ada")
        }
        #expect(try FileManager.default.attributesOfItem(atPath: snapshot)[.size] as? UInt64 == 0)
    }
}
