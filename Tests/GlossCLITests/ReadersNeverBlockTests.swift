import Foundation
import GlossCore
import GlossStore
import Testing

/// Readers open the progress without the writer's lock: `stats`, `export`, `evaluate` and
/// `optimize` (not saving) work while a study session holds it, see every answer saved so far,
/// and change no file; a command that writes is still refused with the lock's name.
@Suite struct ReadersNeverBlockTests {
    func answer(_ seq: Int, _ entry: String, at time: Date) -> ReviewRecord {
        ReviewRecord(
            seq: seq, time: time, card: CardKey(deck: DeckID("ai-safety"), entry: EntryID(entry), facet: .recognize),
            format: .choiceTerm, answer: "x", correct: true, rating: .good, responseMs: 4000,
            before: .new, after: CardState(phase: .learning, step: 1, due: time.addingTimeInterval(600), reps: 1))
    }

    @Test func statsExportAndEvaluateRunWhileAStudySessionHoldsTheLock() throws {
        let folder = try BinaryRunner.shippedDeckWorkspace()
        let progress = folder.appendingPathComponent("Progress")
        let store = try ProgressStore(folder: progress, learner: "ann")
        defer { try? store.close() }
        let start = try #require(ISO8601DateFormatter().date(from: "2026-01-01T08:00:00Z"))
        for (n, entry) in ["ai-alignment", "ai-safety", "mesa-optimization"].enumerated() {
            try store.append(answer(0, entry, at: start.addingTimeInterval(Double(n) * 30)))
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: progress.path).sorted()
        let journal = try Data(contentsOf: URL(fileURLWithPath: store.journalPath))

        let stats = try BinaryRunner.run(["stats", "--learner", "ann"], in: folder)
        #expect(stats.status == 0, "\(stats.stderr)")
        #expect(stats.stdout.contains("3 answers") || stats.stdout.contains("Answers"), "\(stats.stdout)")
        let export = try BinaryRunner.run(
            ["export", "--learner", "ann", "--what", "reviews", "--format", "csv", "--output", "-"], in: folder)
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stdout.split(separator: "\n").count == 4, "\(export.stdout)")
        let evaluate = try BinaryRunner.run(["evaluate", "--learner", "ann"], in: folder)
        #expect(evaluate.status != 3, "\(evaluate.stderr)")
        #expect(!evaluate.stderr.contains("ann.lock"))

        // Nothing written beside the session: the same files, the same journal bytes.
        try store.append(answer(0, "red-teaming", at: start.addingTimeInterval(120)))
        let after = try BinaryRunner.run(["stats", "--learner", "ann"], in: folder)
        #expect(after.status == 0)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: progress.path).sorted().filter {
                !$0.hasSuffix(".cache") && !$0.hasSuffix(".stats.state")
            }
                == files.filter { !$0.hasSuffix(".cache") })
        #expect(try Data(contentsOf: URL(fileURLWithPath: store.journalPath)).prefix(journal.count) == journal)

        let undo = try BinaryRunner.run(["undo", "--learner", "ann"], in: folder)
        #expect(undo.status == 3)
        #expect(undo.stderr.contains("ann.lock"))
    }
}
