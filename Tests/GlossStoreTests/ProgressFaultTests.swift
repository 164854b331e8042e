import Foundation
import GlossCore
import Testing

@testable import GlossStore

@Suite struct ProgressFaultTests {
    private func copyFixture(_ name: String, to folder: URL, as target: String) throws {
        try FileManager.default.copyItem(at: try fixtureURL(name), to: folder.appendingPathComponent(target))
    }

    @Test func frozenVersion1SnapshotKeepsLoading() throws {
        let folder = try makeProgressFolder()
        try copyFixture("v1-ada.json", to: folder, as: "ada.json")
        try copyFixture("v1-ada.reviews.jsonl", to: folder, as: "ada.reviews.jsonl")
        let store = try ProgressStore(folder: folder, learner: "ada")
        #expect(store.settings.desiredRetention == 0.85)
        #expect(store.settings.newPerDay == 15)
        #expect(store.settings.reviewsPerDay == LearnerSettings().reviewsPerDay)
        #expect(store.state.lastSeq == 3)
        let mesa = store.card(key("ai-safety", "mesa-optimization"))
        #expect(mesa.reps == 4)
        #expect(mesa.stability == 28)
        #expect(mesa.due == JournalTime.parse("2026-10-20T08:00:00.000Z"))
        let reward = store.card(key("ai-safety", "reward-hacking", .recognize))
        #expect(reward.phase == .relearning)
        #expect(reward.step == 0)
        #expect(store.state.confusions.picks(deck: "ai-safety", asked: "reward-hacking").first?.count == 1)
        // The journal is upgraded once, its original kept byte for byte.
        #expect(store.warnings.count == 1)
        #expect(store.warnings.first?.contains("upgraded to version 3 (3 answers)") == true)
        #expect(
            try bytes(folder.appendingPathComponent("ada.reviews.jsonl.v1.bak").path)
                == bytes(try fixtureURL("v1-ada.reviews.jsonl").path))
        // Snapshot and journal agree.
        #expect(try replayJournal(folder, "ada") == store.state)
    }

    @Test func version0SnapshotIsMigratedWithABackup() throws {
        let folder = try makeProgressFolder()
        try copyFixture("v0-bo.json", to: folder, as: "bo.json")
        let original = try bytes(try fixtureURL("v0-bo.json").path)
        let store = try ProgressStore(folder: folder, learner: "bo")
        #expect(store.card(key("glossary", "deepfake")).stability == 3.5)
        #expect(store.card(key("glossary", "agi", .recognize)).step == 1)
        #expect(store.settings.newPerDay == 5)
        #expect(try bytes(folder.appendingPathComponent("bo.json.v0.bak").path) == original)
        #expect(store.warnings.count == 1)
        #expect(store.warnings.first?.contains("upgraded from version 0 to 1") == true)
        let migrated = try #require(try SnapshotFile.load(store.snapshotPath, learner: "bo"))
        #expect(migrated.migratedFrom == nil)
        #expect(migrated.snapshot.version == 1)
        try store.close()
        #expect(try ProgressStore(folder: folder, learner: "bo").state == store.state)
    }

    @Test func tornLastLineAtEveryByteOffset() throws {
        let folder = try makeProgressFolder()
        do {
            let store = try ProgressStore(folder: folder, learner: "ada")
            store.checkpointEvery = 2
            for i in 0..<5 { try store.append(answer(store, key("d", "e\(i % 2)"), at: Double(i), confusedWith: "z")) }
            // No close (as in a crash): the snapshot stays at answer 4.
        }
        let journalPath = ProgressStore.journalPath(folder, "ada")
        let full = try bytes(journalPath)
        let lastStart = try #require(full.dropLast().lastIndex(of: 10)) + 1
        let complete = Array(full[..<lastStart])
        let snapshot = try bytes(ProgressStore.snapshotPath(folder, "ada"))
        for cut in lastStart..<full.count {
            let trial = try makeProgressFolder()
            try Data(snapshot).write(to: trial.appendingPathComponent("ada.json"))
            try Data(full[..<cut]).write(to: trial.appendingPathComponent("ada.reviews.jsonl"))
            let store = try ProgressStore(folder: trial, learner: "ada")
            let keptLast = cut == full.count - 1  // whole record, only the newline missing
            #expect(store.state.lastSeq == (keptLast ? 5 : 4), "cut at \(cut)")
            #expect(store.warnings.count == (cut == lastStart || keptLast ? 0 : 1), "cut at \(cut)")
            if cut > lastStart && !keptLast {
                #expect(store.warnings.first?.contains("dropped an incomplete last line") == true)
            }
            let expectedBytes = keptLast ? full : complete
            #expect(try bytes(ProgressStore.journalPath(trial, "ada")) == expectedBytes, "cut at \(cut)")
            #expect(try replayJournal(trial, "ada") == store.state, "cut at \(cut)")
            // The next answer lands on a line of its own (checked at some cuts: fsyncs are slow).
            if (cut - lastStart) % 16 == 0 || keptLast {
                try store.append(answer(store, key("d", "e9"), at: 99))
                try store.close()
                #expect(try replayJournal(trial, "ada") == store.state)
            }
            try? FileManager.default.removeItem(at: trial)
        }
    }

    @Test func garbageSnapshotIsRefusedAndLeftByteForByte() throws {
        let folder = try makeProgressFolder()
        let path = ProgressStore.snapshotPath(folder, "ada")
        let garbage = Array("{\"version\": 1,\n  \"learner\": \"ada\",\n  \"cards\": {oops}\n}\n".utf8)
        try Data(garbage).write(to: URL(fileURLWithPath: path))
        let journal = Array("{\"not\": \"a record\"}\n".utf8)
        try Data(journal).write(to: URL(fileURLWithPath: ProgressStore.journalPath(folder, "ada")))
        #expect {
            try ProgressStore(folder: folder, learner: "ada")
        } throws: { error in
            guard case .progress(.unreadable(let file, let line, _)) = error as? StoreError else { return false }
            return file == path && line == 3
                && "\(error)".contains("the file was left untouched")
        }
        #expect(try bytes(path) == garbage)
        #expect(try bytes(ProgressStore.journalPath(folder, "ada")) == journal)
        // The lock was released: a fixed file opens.
        try FileManager.default.removeItem(atPath: path)
        #expect { try ProgressStore(folder: folder, learner: "ada") } throws: { isProgressProblem($0) }
    }

    @Test func wrongTypesInSnapshotNameTheField() throws {
        let folder = try makeProgressFolder()
        let path = ProgressStore.snapshotPath(folder, "ada")
        var text = try String(contentsOf: try fixtureURL("v1-ada.json"), encoding: .utf8)
        text = text.replacingOccurrences(of: "\"reps\" : 3", with: "\"reps\" : \"three\"")
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        let before = try bytes(path)
        #expect {
            try ProgressStore(folder: folder, learner: "ada")
        } throws: { error in
            "\(error)".contains("\(path):") && "\(error)".contains("reps")
        }
        #expect(try bytes(path) == before)
    }

    @Test func badJournalLineNamesTheLineAndLeavesTheFile() throws {
        let folder = try makeProgressFolder()
        do {
            let store = try ProgressStore(folder: folder, learner: "ada")
            for i in 0..<3 { try store.append(answer(store, key("d", "e\(i)"), at: Double(i))) }
            // No close: the tail (all three) is replayed on open.
        }
        let path = ProgressStore.journalPath(folder, "ada")
        var lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        lines[1] = "{\"seq\": 2, \"kind\": \"review\"}"
        let damaged = Array((lines.joined(separator: "\n") + "\n").utf8)
        try Data(damaged).write(to: URL(fileURLWithPath: path))
        #expect {
            try ProgressStore(folder: folder, learner: "ada")
        } throws: { error in
            guard case .progress(.unreadable(let file, let line, let problem)) = error as? StoreError else { return false }
            return file == path && line == 2 && problem.contains("missing field")
        }
        #expect(try bytes(path) == damaged)
    }

    @Test func newerVersionIsRefusedAndLeftAlone() throws {
        let folder = try makeProgressFolder()
        let path = ProgressStore.snapshotPath(folder, "ada")
        let newer = Array("{\"version\": 2, \"learner\": \"ada\", \"lastSeq\": 0, \"future\": true}\n".utf8)
        try Data(newer).write(to: URL(fileURLWithPath: path))
        #expect(throws: StoreError.progress(.newerVersion(file: path, found: 2, supported: 1))) {
            try ProgressStore(folder: folder, learner: "ada")
        }
        #expect(try bytes(path) == newer)
        #expect(
            StoreError.progress(.newerVersion(file: "P/ada.json", found: 2, supported: 1)).description
                == "P/ada.json: version 2 was written by a newer gloss (this one reads up to version 1); the file was left untouched: upgrade gloss"
        )
    }

    @Test func journalShorterThanSnapshotIsRefused() throws {
        let folder = try makeProgressFolder()
        try copyFixture("v1-ada.json", to: folder, as: "ada.json")
        #expect(
            throws: StoreError.progress(
                .journalBehindSnapshot(
                    journal: ProgressStore.journalPath(folder, "ada"), journalSeq: 0, snapshotSeq: 2))
        ) {
            try ProgressStore(folder: folder, learner: "ada")
        }
        #expect(!FileManager.default.fileExists(atPath: ProgressStore.journalPath(folder, "ada")))
    }

    @Test(arguments: ["", "..", "../etc", "a/b", "ada/..", ".hidden", "a b", "ädä", "a\u{0}b", String(repeating: "x", count: 65)])
    func unsafeLearnerNamesAreRefused(_ name: String) throws {
        let folder = try makeProgressFolder()
        #expect(throws: StoreError.progress(.invalidLearnerName(name))) {
            try ProgressStore(folder: folder, learner: name)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test(arguments: ["ada", "Ada_Lovelace-2", "bo.smith", "x"])
    func safeLearnerNamesAreAccepted(_ name: String) throws {
        #expect(try LearnerName.validate(name) == name)
    }

    @Test func secondStoreIsRefusedUntilTheFirstCloses() throws {
        let folder = try makeProgressFolder()
        let first = try ProgressStore(folder: folder, learner: "ada")
        let lockPath = ProgressStore.lockPath(folder, "ada")
        #expect(throws: StoreError.progress(.locked(file: lockPath))) {
            try ProgressStore(folder: folder, learner: "ada")
        }
        #expect(try ProgressDoctor.examine(folder: folder, learner: "ada").locked)
        // Another learner in the same folder is fine.
        let other = try ProgressStore(folder: folder, learner: "bo")
        try other.close()
        try first.close()
        #expect(try !ProgressDoctor.examine(folder: folder, learner: "ada").locked)
        let second = try ProgressStore(folder: folder, learner: "ada")
        try second.close()
    }

    @Test(.enabled(if: toolOnPath("flock") != nil, "needs flock(1) on PATH"))
    func lockHeldByAKilledProcessDoesNotBlock() throws {
        let folder = try makeProgressFolder()
        let lockPath = ProgressStore.lockPath(folder, "ada")
        // A child holds the flock, then is killed with SIGKILL.
        let child = Process()
        child.executableURL = URL(fileURLWithPath: try #require(toolOnPath("flock")))
        child.arguments = ["-o", lockPath, "sleep", "5"]
        try child.run()
        var waited = 0
        while !FileLock.isHeld(lockPath) && waited < 200 {
            usleep(10_000)
            waited += 1
        }
        #expect(throws: StoreError.progress(.locked(file: lockPath))) {
            try ProgressStore(folder: folder, learner: "ada")
        }
        kill(child.processIdentifier, SIGKILL)
        child.waitUntilExit()
        // The kernel drops the lock with the process (`-o`: sleep does not inherit it).
        waited = 0
        var store: ProgressStore?
        while store == nil && waited < 300 {
            store = try? ProgressStore(folder: folder, learner: "ada")
            if store == nil {
                usleep(10_000)
                waited += 1
            }
        }
        #expect(store != nil)
    }

    @Test func folderThatCannotBeCreatedIsAnErrorNamingIt() throws {
        let folder = try makeProgressFolder()
        let file = folder.appendingPathComponent("plain-file")
        try Data("x".utf8).write(to: file)
        let inside = file.appendingPathComponent("Progress")
        #expect {
            try ProgressStore(folder: inside, learner: "ada")
        } throws: { error in
            guard case .progress(.io(let path, let operation, _)) = error as? StoreError else { return false }
            return path == inside.path && operation == "create folder"
        }
    }
}
