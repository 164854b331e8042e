import Foundation
import GlossCore
import Testing

@testable import GlossStore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Regression tests for the ways to lose or lock up progress that issue 16 lists, one per hole.
@Suite struct ProgressHoleTests {
    private func journalLine(_ record: ReviewRecord) throws -> String {
        String(decoding: try ProgressCoding.encoder().encode(record), as: UTF8.self) + "\n"
    }

    // Hole 1: a '/' in an id.
    @Test func anEntryIDWithASlashIsRefusedAtParseTime() throws {
        let text = "---\ntitle: T\n---\n\n## Foo\nid: foo/bar\n\nA definition.\n"
        #expect(
            throws: StoreError.deckSyntax(
                file: "t.md", line: 6,
                message:
                    "id 'foo/bar' of entry 'Foo' contains '/', which separates deck, entry and facet in a card key: choose another 'id:'"
            )
        ) { try MarkdownDeckParser.parse(text, file: "t.md") }
        let deck = "---\ntitle: T\nid: a/b\n---\n\n## Foo\n\nA definition.\n"
        #expect(throws: StoreError.self) { try MarkdownDeckParser.parse(deck, file: "t.md") }
        let json = Data(#"{"version": 1, "title": "T", "entries": [{"id": "a/b", "term": "A", "definition": "D"}]}"#.utf8)
        #expect(
            throws: StoreError.deckSyntax(
                file: "t.json", line: 1,
                message: "id 'a/b' contains '/', which separates deck, entry and facet in a card key: choose another id"
            )
        ) { try JSONDeckCoder.parse(json, file: "t.json") }
        #expect(IdentifierRule.problem("tab\there") != nil)
        #expect(IdentifierRule.problem("fine-id_2") == nil)
    }

    /// The byte-level check replay uses agrees with the rule's words, control characters of
    /// both ranges, multi-byte letters and '/' included.
    @Test(arguments: [
        "fine-id_2", "", "a/b", "tab\there", "nl\n", "del\u{7F}", "c1\u{85}x", "c1\u{9F}", "\u{A0}nbsp", "é-ü", "日本",
        "\u{80}", "emoji-😀", "/",
    ])
    func theFastCheckAgreesWithTheRule(id: String) {
        #expect(IdentifierRule.isFine(id) == (IdentifierRule.problem(id) == nil))
    }

    @Test func aBadKeyAlreadyInTheJournalAndSnapshotIsRecoveredByRebuild() throws {
        let folder = try makeProgressFolder()
        let good = key("d", "good"), bad = key("d", "foo/bar")
        do {
            let store = try ProgressStore(folder: folder, learner: "ada")
            try store.append(answer(store, good, at: 1))
            try store.close()
        }
        // What an older gloss wrote: an answer to `foo/bar` and a snapshot keyed by it.
        var record = answer(try ProgressStore(folder: folder, learner: "tmp"), bad, at: 2)
        record.seq = 2
        let journal = ProgressStore.journalPath(folder, "ada")
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: journal))
        handle.seekToEndOfFile()
        handle.write(Data(try journalLine(record).utf8))
        try handle.close()
        let snapshotPath = ProgressStore.snapshotPath(folder, "ada")
        var snapshot = try #require(try SnapshotFile.load(snapshotPath, learner: "ada")).snapshot
        snapshot.cards[bad.description] = record.after
        snapshot.lastSeq = 2
        try FileIO.atomicWrite(Array(try ProgressCoding.encoder().encode(snapshot)), to: snapshotPath)
        #expect { try ProgressStore(folder: folder, learner: "ada") } throws: { isProgressProblem($0) }

        let report = try ProgressStore.rebuild(folder: folder, learner: "ada", confirm: { _ in true })
        #expect(report.records == 2)
        let store = try ProgressStore(folder: folder, learner: "ada")
        #expect(store.state.lastSeq == 2)
        #expect(store.card(good).reps == 1)
        #expect(store.state.cards[bad] == nil)
        try store.append(answer(store, good, at: 3))
        try store.close()
        #expect(try ProgressStore(folder: folder, learner: "ada").state.lastSeq == 3)
    }

    // Hole 3: dangling symlinks out of the folder.
    @Test func aDanglingSymlinkOutOfTheFolderIsRefusedAndNothingIsCreatedOutside() throws {
        let folder = try makeProgressFolder()
        let outside = try makeProgressFolder()
        for name in ["ada.reviews.jsonl", "ada.lock", "ada.json"] {
            let target = outside.appendingPathComponent("planted-\(name)").path
            let link = folder.appendingPathComponent(name).path
            #expect(symlink(target, link) == 0)
            #expect { try ProgressStore(folder: folder, learner: "ada") } throws: { isProgressProblem($0) }
            #expect(!FileManager.default.fileExists(atPath: target))
            unlink(link)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)
    }

    @Test func doctorAndRebuildRefuseASnapshotLinkedOutside() throws {
        let folder = try makeProgressFolder()
        let outside = try makeProgressFolder().appendingPathComponent("secret.json")
        try Data("{\"version\":1}".utf8).write(to: outside)
        #expect(symlink(outside.path, ProgressStore.snapshotPath(folder, "ada")) == 0)
        let report = try ProgressDoctor.examine(folder: folder, learner: "ada")
        #expect(report.unreadable?.contains("symbolic link") == true)
        #expect { try ProgressStore.rebuild(folder: folder, learner: "ada", confirm: { _ in true }) } throws: {
            isProgressProblem($0)
        }
    }

    // Hole 4: the lock file deleted mid-session.
    @Test func aDeletedLockStopsTheFirstWriterBeforeItAppends() throws {
        let folder = try makeProgressFolder()
        let first = try ProgressStore(folder: folder, learner: "ada")
        try first.append(answer(first, key("d", "a"), at: 1))
        unlink(first.lockPath)
        let second = try ProgressStore(folder: folder, learner: "ada")
        try second.append(answer(second, key("d", "b"), at: 2))
        #expect(throws: StoreError.progress(.lockLost(file: first.lockPath))) {
            try first.append(answer(first, key("d", "c"), at: 3))
        }
        try second.close()
        let seqs = try #require(try Journal.open(first.journalPath)).scan().records.map(\.seq)
        #expect(seqs == [1, 2])
    }

    // Hole 6: a re-rating is one record.
    @Test func aReratingIsOneRecordThatReplaysUndoesAndCountsLikeTheNewAnswer() throws {
        let folder = try makeProgressFolder()
        let store = try ProgressStore(folder: folder, learner: "ada")
        let card = key("d", "a")
        let first = try store.append(answer(store, card, at: 1, rating: .again, confusedWith: "z"))
        var replacement = answer(try ProgressStore(folder: try makeProgressFolder(), learner: "x"), card, at: 1, rating: .easy)
        replacement.confusedWith = "z"
        let stored = try store.rerate(first, as: replacement)
        #expect(stored.seq == 2 && stored.revokes == 1 && stored.rating == .easy)
        let records = try #require(try Journal.open(store.journalPath)).scan().records
        #expect(records.count == 2)
        #expect(store.card(card) == replacement.after)
        #expect(store.state.confusions.picks(deck: "d", asked: "a").first?.count == 1)
        #expect(try replayJournal(folder, "ada") == store.state)
        // Stats count one answer, and undo takes the re-rated answer back to the card's start.
        var tally = StatsTally(clock: DayClock(timeZone: TimeZone(identifier: "UTC") ?? .current, rolloverHour: 4))
        for record in records { tally.add(record) }
        #expect(tally.settled().days.values.flatMap(\.values).map(\.answers.reviews).reduce(0, +) == 1)
        let undone = try #require(try store.undo())
        #expect(undone.seq == 2)
        #expect(store.state.cards[card] == nil)
        #expect(store.state.confusions.picks(deck: "d", asked: "a").isEmpty)
        #expect(try store.undo() == nil)
        #expect(try replayJournal(folder, "ada") == store.state)
    }

    // Hole 7: a FIFO journal.
    @Test func aJournalThatIsAFIFOIsRefusedWithoutBlocking() throws {
        let folder = try makeProgressFolder()
        #expect(mkfifo(ProgressStore.journalPath(folder, "ada"), 0o644) == 0)
        #expect(throws: StoreError.progress(.notRegularFile(file: ProgressStore.journalPath(folder, "ada")))) {
            try ProgressStore(folder: folder, learner: "ada")
        }
        #expect(try ProgressDoctor.examine(folder: folder, learner: "ada").unreadable?.contains("not a regular file") == true)
    }

    @Test func aLongUnterminatedTailIsDroppedAndAnOverlongTerminatedLineIsNamed() throws {
        let folder = try makeProgressFolder()
        do {
            let store = try ProgressStore(folder: folder, learner: "ada")
            try store.append(answer(store, key("d", "a"), at: 1))
            try store.close()
        }
        let journal = ProgressStore.journalPath(folder, "ada")
        let kept = try bytes(journal).count
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: journal))
        handle.seekToEndOfFile()
        handle.write(Data(count: Journal.maxLineLength * 5))  // more than a forward read's 4 MiB buffer
        try handle.close()
        let report = try ProgressDoctor.examine(folder: folder, learner: "ada")
        #expect(report.unreadable == nil)
        #expect(report.tornLine)
        #expect(report.journalRecords == 1)
        let store = try ProgressStore(folder: folder, learner: "ada")
        #expect(store.state.lastSeq == 1)
        #expect(try bytes(journal).count == kept)
        try store.close()
        let again = try FileHandle(forWritingTo: URL(fileURLWithPath: journal))
        again.seekToEndOfFile()
        var next = try #require(try Journal.open(journal)).scan().records[0]
        next.seq = 2
        again.write(Data(repeating: 32, count: Journal.maxLineLength + 1) + Data("\n".utf8) + Data(try journalLine(next).utf8))
        try again.close()
        let overlong = StoreError.progress(
            .unreadable(
                file: journal, line: 2, problem: "line is longer than \(Journal.maxLineLength) bytes, no answer is"))
        #expect(throws: overlong) { try Journal.open(journal)?.scan() }
        #expect(throws: overlong) { try ProgressStore(folder: folder, learner: "ada") }
    }

    // Hole 8: temp files of another learner.
    @Test func openingALearnerLeavesTheFilesOfALearnerWhoseNameLooksLikeItsTempFile() throws {
        let folder = try makeProgressFolder()
        let other = "ada.json.tmp-12345"
        do {
            let store = try ProgressStore(folder: folder, learner: other)
            try store.append(answer(store, key("d", "a"), at: 1))
            try store.close()
        }
        let before = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        try ProgressStore(folder: folder, learner: "ada").close()
        let after = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(Set(before).isSubset(of: Set(after)))
        #expect(try ProgressStore(folder: folder, learner: other).state.lastSeq == 1)
        // A checkpoint's own leftover temp file is removed.
        let stale = folder.appendingPathComponent(FileIO.tempName(for: "ada.json", pid: 999_999)).path
        #expect(FileManager.default.createFile(atPath: stale, contents: Data()))
        let cache = folder.appendingPathComponent(FileIO.tempName(for: "ada.stats.cache", pid: 999_999)).path
        #expect(FileManager.default.createFile(atPath: cache, contents: Data()))
        try ProgressStore(folder: folder, learner: "ada").close()
        #expect(!FileManager.default.fileExists(atPath: stale))
        #expect(!FileManager.default.fileExists(atPath: cache))
    }

    // Hole 9: a full disk at a checkpoint, after the answer was saved.
    @Test func aCheckpointThatFailsAfterTheAppendKeepsTheAnswerAndSaysSoOnce() throws {
        let folder = try makeProgressFolder()
        let store = try ProgressStore(folder: folder, learner: "ada")
        store.checkpointEvery = 2
        try FileManager.default.createDirectory(atPath: store.snapshotPath, withIntermediateDirectories: false)
        for i in 0..<5 { try store.append(answer(store, key("d", "e\(i)"), at: Double(i))) }
        let warnings = store.takeWarnings()
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains("every answer is saved in") == true)
        #expect(store.takeWarnings().isEmpty)
        #expect(try #require(try Journal.open(store.journalPath)).scan().records.count == 5)
    }

    // Hole 10: rebuild keeps the old snapshot and asks before dropping cards.
    @Test func rebuildAsksBeforeItWouldDropCardsAndKeepsTheOldSnapshot() throws {
        let folder = try makeProgressFolder()
        do {
            let store = try ProgressStore(folder: folder, learner: "ada")
            for i in 0..<20 { try store.append(answer(store, key("d", "e\(i)"), at: Double(i))) }
            try store.close()
        }
        let snapshotPath = ProgressStore.snapshotPath(folder, "ada")
        let original = try bytes(snapshotPath)
        try FileManager.default.removeItem(atPath: ProgressStore.journalPath(folder, "ada"))
        var asked: RebuildReport?
        #expect(throws: StoreError.progress(.rebuildDeclined(file: snapshotPath, cardsDropped: 20))) {
            try ProgressStore.rebuild(
                folder: folder, learner: "ada",
                confirm: { report in
                    asked = report
                    return false
                })
        }
        #expect(asked?.droppedCards == 20)
        #expect(try bytes(snapshotPath) == original)
        _ = try ProgressStore.rebuild(folder: folder, learner: "ada", confirm: { _ in true })
        #expect(try bytes(ProgressStore.rebuildBackupPath(folder, "ada")) == original)
        #expect(try ProgressStore(folder: folder, learner: "ada").state.cards.isEmpty)
    }

    // Hole 11: a corrupt terminated last line that was never acknowledged.
    @Test func aCorruptTerminatedLastLineNotInTheSnapshotIsTornButOneInsideIsNot() throws {
        let folder = try makeProgressFolder()
        do {
            let store = try ProgressStore(folder: folder, learner: "ada")
            for i in 0..<3 { try store.append(answer(store, key("d", "e\(i)"), at: Double(i))) }
            try store.close()
        }
        let journal = ProgressStore.journalPath(folder, "ada")
        let good = try bytes(journal)
        // The tail page of a 4th line reached the disk, its head did not.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: journal))
        handle.seekToEndOfFile()
        handle.write(Data(count: 40) + Data("\"rating\":3}\n".utf8))
        try handle.close()
        let store = try ProgressStore(folder: folder, learner: "ada")
        #expect(store.state.lastSeq == 3)
        #expect(store.warnings.first?.contains("dropped an incomplete last line") == true)
        #expect(try bytes(journal) == good)
        try store.close()
        #expect(try ProgressStore.rebuild(folder: folder, learner: "ada", confirm: { _ in true }).records == 3)
        // The same damage to a line the snapshot counts is an error.
        var lines = String(decoding: good, as: UTF8.self).split(separator: "\n").map(String.init)
        lines[2] = String(repeating: "\0", count: 10) + lines[2].dropFirst(10)
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: journal))
        #expect { try ProgressStore(folder: folder, learner: "ada") } throws: { isProgressProblem($0) }
    }
}

/// The smaller items of issue 16.
@Suite struct ProgressSmallerHoleTests {
    @Test(arguments: [1, 3]) func aLogThatStartsAtAnswerFiveIsRefusedByDoctorAndRebuild(parts: Int) throws {
        let folder = try makeProgressFolder()
        do {
            let store = try ProgressStore(folder: folder, learner: "ada")
            for i in 0..<8 { try store.append(answer(store, key("d", "e\(i)"), at: Double(i))) }
            try store.close()
        }
        let path = ProgressStore.journalPath(folder, "ada")
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        try Data((lines.dropFirst(4).joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
        let expected = StoreError.progress(
            .unreadable(
                file: path, line: 1, problem: "the first answer is number 5, not 1: lines are missing from the start of the log"))
        let journal = try #require(try Journal.open(path))
        defer { journal.close() }
        #expect(throws: expected) { try journal.forEach { _ in } }
        #expect(throws: expected) {
            try journal.fold(parts: parts, minimumPartBytes: 1, start: { 0 }, add: { $0 += $1.seq })
        }
        #expect(try ProgressDoctor.examine(folder: folder, learner: "ada").unreadable == expected.description)
    }
}

extension ProgressSmallerHoleTests {
    @Test func startUpAndDoctorNameTheSameLineForAGap() throws {
        let folder = try makeProgressFolder()
        do {
            let store = try ProgressStore(folder: folder, learner: "ada")
            for i in 0..<6 { try store.append(answer(store, key("d", "e\(i)"), at: Double(i))) }
            // No close: the snapshot is empty, so start-up reads the whole tail.
            try? FileManager.default.removeItem(atPath: store.snapshotPath)
        }
        let path = ProgressStore.journalPath(folder, "ada")
        var lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        lines.remove(at: 3)
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
        let expected = StoreError.progress(
            .unreadable(
                file: path, line: 4, problem: "answer number 5 follows 3; numbers must go up by one"))
        #expect(throws: expected) { try ProgressStore(folder: folder, learner: "ada") }
        #expect(try ProgressDoctor.examine(folder: folder, learner: "ada").unreadable == expected.description)
    }
}

extension ProgressSmallerHoleTests {
    @Test func aDeckWhoseEntriesShareAnIDIsNotLoaded() throws {
        let folder = try makeProgressFolder()
        try Data("---\ntitle: A\n---\n\n## One\nid: x\n\nFirst.\n\n## Two\nid: x\n\nSecond.\n".utf8)
            .write(to: folder.appendingPathComponent("a.md"))
        try Data("---\ntitle: B\n---\n\n## One\n\nFirst.\n".utf8).write(to: folder.appendingPathComponent("b.md"))
        let result = DeckLoader.load(folder: folder.path)
        #expect(result.decks.map(\.deck.id) == ["b"])
        #expect(
            result.failures.map(\.description) == [
                "a.md:10: entry id 'x' is used by two entries (first at line 5), whose progress would mix; give one another 'id:' (`gloss lint` lists every problem)"
            ])
    }
}

/// Hole 5: concurrent deck writes.
@Suite struct DeckLockTests {
    @Test func concurrentUpdatesOfOneDeckLoseNothing() throws {
        let folder = try makeProgressFolder()
        let path = folder.appendingPathComponent("d.md").path
        try DeckFileWriter.write("---\ntitle: D\n---\n", to: path, overwrite: true)
        let writers = 4, each = 25
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: writers) { writer in
            for i in 0..<each {
                do {
                    try DeckFileWriter.update(path) { text in
                        usleep(200)  // a slow merge: another writer would overwrite it unlocked
                        return text + "\n## T\(writer)x\(i)\n\nDefinition.\n"
                    }
                } catch {
                    failures.add("\(error)")
                }
            }
        }
        #expect(failures.all.isEmpty)
        let deck = try MarkdownDeckParser.parse(String(contentsOfFile: path, encoding: .utf8), file: "d.md").deck
        #expect(deck.entries.count == writers * each)
    }
}

/// Errors collected from threads.
private final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []
    func add(_ text: String) { lock.withLock { list.append(text) } }
    var all: [String] { lock.withLock { list } }
}
