import Foundation
import GlossCore
import Testing

@testable import GlossStore

@Suite struct ProgressDoctorTests {
    @Test func reportsATornLineWithoutTouchingIt() throws {
        let folder = try makeProgressFolder()
        do {
            let store = try ProgressStore(folder: folder, learner: "ada")
            for i in 0..<3 { try store.append(answer(store, key("d", "e\(i)"), at: Double(i))) }
            try store.close()
        }
        let path = ProgressStore.journalPath(folder, "ada")
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"seq":4,"kind":"rev"#.utf8))
        try handle.close()
        let before = try bytes(path)
        let report = try ProgressDoctor.examine(folder: folder, learner: "ada", deckCards: [])
        #expect(report.tornLine)
        #expect(report.journalRecords == 3)
        #expect(report.recordsAfterSnapshot == 0)
        #expect(report.orphanedCards.count == 3)
        #expect(!report.isHealthy)
        #expect(
            report.lines == [
                "lock: free",
                "journal: 3 answers, 0 after the last snapshot",
                "snapshot: agrees with a replay of the journal",
                "notice: the journal ends in an incomplete answer (a crash mid-write); it will be dropped at the next start",
                "orphaned: 3 cards have progress but no entry in the current decks (d/e0/recall, d/e1/recall, d/e2/recall); their progress is kept and comes back if the entries return",
            ])
        #expect(try bytes(path) == before)
    }

    @Test func reportsAnUnreadableSnapshotInWords() throws {
        let folder = try makeProgressFolder()
        let path = ProgressStore.snapshotPath(folder, "ada")
        try Data("not json".utf8).write(to: URL(fileURLWithPath: path))
        let report = try ProgressDoctor.examine(folder: folder, learner: "ada")
        let problem = try #require(report.unreadable)
        #expect(problem.hasPrefix("\(path):1: not valid JSON"))
        #expect(report.lines == ["problem: \(problem)"])
        #expect(try bytes(path) == Array("not json".utf8))
        #expect(throws: StoreError.progress(.invalidLearnerName("../x"))) {
            try ProgressDoctor.examine(folder: folder, learner: "../x")
        }
    }
}
