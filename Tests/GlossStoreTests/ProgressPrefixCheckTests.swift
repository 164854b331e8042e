import Foundation
import GlossCore
import Testing

@testable import GlossStore

/// Issue 16: lines before the snapshot point are checked at start-up, cheaply: the snapshot
/// records where the line of its last answer starts, start-up finds that line there (and
/// checks the numbering of the few lines before it), and refuses, writing nothing, naming
/// the file and line. `doctor` still checks every line.
@Suite struct ProgressPrefixCheckTests {
    /// A learner `ann` with `count` answers and a snapshot of all of them.
    func learner(_ count: Int = 100) throws -> (URL, ProgressStore) {
        let folder = try makeProgressFolder()
        let store = try ProgressStore(folder: folder, learner: "ann")
        for i in 0..<count {
            try store.append(answer(store, key("d", "e\(i % 7)"), at: Double(i) * 60, rating: i % 3 == 0 ? .again : .good))
        }
        try store.close()
        return (folder, store)
    }

    func lines(_ path: String) throws -> [Substring] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            .dropLast()
    }

    func write(_ lines: [Substring], to path: String) throws {
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
    }

    /// Opening fails with `expected`, and no progress file changed.
    func refuses(_ folder: URL, _ store: ProgressStore, _ expected: ProgressProblem) throws {
        let journal = try bytes(store.journalPath), snapshot = try bytes(store.snapshotPath)
        #expect(throws: StoreError.progress(expected)) { try ProgressStore(folder: folder, learner: "ann") }
        #expect(try bytes(store.journalPath) == journal)
        #expect(try bytes(store.snapshotPath) == snapshot)
    }

    @Test func theSnapshotRecordsWhereItsLastAnswersLineStarts() throws {
        let (folder, store) = try learner(45)
        let text = try String(contentsOfFile: store.snapshotPath, encoding: .utf8)
        let all = try lines(store.journalPath)
        let offset = all.dropLast().reduce(0) { $0 + $1.utf8.count + 1 }
        #expect(text.contains("\"lastLineOffset\" : \(offset),"))
        // Undo and a re-rating move it too; the reopened store agrees with its snapshot.
        let reopened = try ProgressStore(folder: folder, learner: "ann")
        let undone = try #require(try reopened.undo())
        var replacement = undone
        replacement.rating = .hard
        try reopened.rerate(undone, as: replacement)
        try reopened.close()
        let after = try lines(store.journalPath)
        #expect(after.count == 47)
        let lastOffset = after.dropLast().reduce(0) { $0 + $1.utf8.count + 1 }
        #expect(try String(contentsOfFile: store.snapshotPath, encoding: .utf8).contains("\"lastLineOffset\" : \(lastOffset),"))
        _ = try ProgressStore(folder: folder, learner: "ann")
    }

    @Test func aDuplicatedLineFarBeforeTheSnapshotStopsStartUpNamingIt() throws {
        let (folder, store) = try learner()
        var all = try lines(store.journalPath)
        all.insert(all[9], at: 10)  // line 11 repeats answer 10
        try write(all, to: store.journalPath)
        try refuses(
            folder, store,
            .unreadable(file: store.journalPath, line: 11, problem: "answer number 10 follows 10; numbers must go up by one"))
        // doctor names the same line.
        let report = try ProgressDoctor.examine(folder: folder, learner: "ann")
        #expect(report.unreadable?.hasPrefix("\(store.journalPath):11: answer number 10 follows 10") == true)
    }

    @Test func aSwappedPairJustBeforeTheSnapshotIsNamedAsDoctorNamesIt() throws {
        let (folder, store) = try learner()
        var all = try lines(store.journalPath)
        all.swapAt(94, 95)  // answers 95 and 96, lines of different lengths or not
        try write(all, to: store.journalPath)
        try refuses(
            folder, store,
            .unreadable(file: store.journalPath, line: 95, problem: "answer number 96 follows 94; numbers must go up by one"))
        #expect(
            try ProgressDoctor.examine(folder: folder, learner: "ann").unreadable?.hasPrefix(
                "\(store.journalPath):95: answer number 96 follows 94") == true)
    }

    @Test func aLostLineBeforeTheSnapshotStopsStartUp() throws {
        let (folder, store) = try learner()
        var all = try lines(store.journalPath)
        all.remove(at: 40)
        try write(all, to: store.journalPath)
        try refuses(
            folder, store,
            .unreadable(file: store.journalPath, line: 41, problem: "answer number 42 follows 40; numbers must go up by one"))
    }

    @Test func anEditedLineBeforeTheSnapshotStopsStartUpAndRebuildMendsIt() throws {
        let (folder, store) = try learner()
        var all = try lines(store.journalPath)
        let before = all.dropLast().reduce(0) { $0 + $1.utf8.count + 1 }
        all[20] = Substring(all[20].replacingOccurrences(of: "\"pick e", with: "\"picked e"))
        try write(all, to: store.journalPath)
        try refuses(
            folder, store,
            .snapshotNotAtLine(
                journal: store.journalPath, line: 100, seq: 100, expectedOffset: before, foundOffset: before + 2))
        let message = StoreError.progress(
            .snapshotNotAtLine(
                journal: "j", line: 100, seq: 100, expectedOffset: 1, foundOffset: 3
            )
        ).description
        #expect(message.hasPrefix("j:100: answer 100, the snapshot's last, starts at byte 3, not at byte 1"))
        #expect(message.contains("nothing was changed: run `gloss doctor`"))
        let report = try ProgressDoctor.examine(folder: folder, learner: "ann")
        #expect(!report.isHealthy)
        #expect(report.lines.contains { $0.hasPrefix("problem: \(store.journalPath):100: answer 100, the snapshot's last") })
        _ = try ProgressStore.rebuild(folder: folder, learner: "ann")
        let reopened = try ProgressStore(folder: folder, learner: "ann")
        #expect(reopened.state.lastSeq == 100)
        try reopened.close()
        #expect(try ProgressDoctor.examine(folder: folder, learner: "ann").isHealthy)
    }

    @Test func aJournalThatDoesNotStartAtAnswerOneStopsStartUp() throws {
        let (folder, store) = try learner(10)
        try FileManager.default.removeItem(atPath: store.snapshotPath)
        let all = try lines(store.journalPath)
        try write(Array(all.dropFirst(4)), to: store.journalPath)
        let journal = try bytes(store.journalPath)
        #expect(
            throws: StoreError.progress(.unreadable(file: store.journalPath, line: 1, problem: Journal.missingStart(5)))
        ) { try ProgressStore(folder: folder, learner: "ann") }
        #expect(try bytes(store.journalPath) == journal)
        #expect(!FileManager.default.fileExists(atPath: store.snapshotPath))
    }

    @Test func aSnapshotOfAnOlderGlossWithoutTheOffsetOpensAndGainsIt() throws {
        let (folder, store) = try learner(30)
        let text = try String(contentsOfFile: store.snapshotPath, encoding: .utf8)
        let stripped = text.split(separator: "\n").filter { !$0.contains("lastLineOffset") }.joined(separator: "\n")
        try Data(stripped.utf8).write(to: URL(fileURLWithPath: store.snapshotPath))
        let reopened = try ProgressStore(folder: folder, learner: "ann")
        #expect(reopened.state.lastSeq == 30)
        try reopened.checkpoint()
        try reopened.close()
        #expect(try String(contentsOfFile: store.snapshotPath, encoding: .utf8).contains("\"lastLineOffset\" : "))
        _ = try ProgressStore(folder: folder, learner: "ann")
    }
}
