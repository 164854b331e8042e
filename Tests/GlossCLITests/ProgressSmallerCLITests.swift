import Foundation
import GlossCore
import GlossStore
import Testing

/// Issue 16's last smaller items as a user meets them: a deck with lint errors skipped at
/// load, `doctor` on the stats cache, start-up on a line duplicated before the snapshot point.
@Suite struct ProgressSmallerCLITests {
    static let mini =
        "---\ntitle: Mini\nid: mini\n---\n\n## Alpha\n\nThe first letter.\n\n## Beta\n\nThe second letter.\n\n## Gamma\n\nThe third letter.\n\n## Delta\n\nThe fourth letter.\n"

    private func workspace(_ decks: [String: String] = ["mini.md": mini]) throws -> URL {
        let folder = try BinaryRunner.temporaryFolder()
        let url = folder.appendingPathComponent("Decks")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, text) in decks { try Data(text.utf8).write(to: url.appendingPathComponent(name)) }
        return folder
    }

    /// `ann` with `count` answers on the mini deck, and a snapshot of them.
    private func learner(_ folder: URL, _ count: Int) throws -> ProgressStore {
        let store = try ProgressStore(folder: folder.appendingPathComponent("Progress"), learner: "ann")
        let entries = ["alpha", "beta", "gamma", "delta"]
        for i in 0..<count {
            try store.append(
                ReviewRecord(
                    seq: 0, time: Date(timeIntervalSince1970: 1_790_000_000 + Double(i) * 600),
                    card: CardKey(deck: "mini", entry: EntryID(entries[i % 4]), facet: .recall), correct: true,
                    rating: .good, before: .new, after: CardState(phase: .review, reps: 1)))
        }
        try store.close()
        return store
    }

    @Test func aDeckWithALintErrorIsSkippedByDecksAndStillLinted() throws {
        let broken = "---\ntitle: Broken\nid: broken\n---\n\n## One\nrelated: Nope\n\nThe first.\n\n## Two\n\nThe second.\n"
        let folder = try workspace(["mini.md": Self.mini, "broken.md": broken])
        let decks = try BinaryRunner.run(["decks"], in: folder)
        #expect(decks.status == 0, "\(decks.stderr)")
        #expect(decks.stdout.contains("mini"))
        #expect(
            decks.stdout.contains(
                "  skipped: broken.md:7: related term 'Nope' matches no entry; the deck is not loaded until it is fixed (`gloss lint` lists every problem)"
            ))
        let lint = try BinaryRunner.run(["lint"], in: folder)
        #expect(lint.status == 2)
        #expect(lint.stdout.contains("broken.md:7: error: related term 'Nope' matches no entry"))
    }

    @Test func doctorSaysAStatsCacheOfAnotherVersionIsRecountedAndStaysHealthy() throws {
        let folder = try workspace()
        let store = try learner(folder, 6)
        let stats = try BinaryRunner.run(["stats", "--learner", "ann", "--now", "2026-09-22T12:00:00Z"], in: folder)
        #expect(stats.status == 0, "\(stats.stderr)")
        let cache = try String(contentsOfFile: store.statsCachePath, encoding: .utf8)
        #expect(cache.contains("\"version\":5"))
        let current = try BinaryRunner.run(["doctor", "--learner", "ann"], in: folder)
        #expect(current.status == 0, "\(current.stdout)")
        #expect(current.stdout.contains("stats cache: counted from this log up to answer 6"))
        try Data(cache.replacingOccurrences(of: "\"version\":5", with: "\"version\":1").utf8)
            .write(to: URL(fileURLWithPath: store.statsCachePath))
        let doctor = try BinaryRunner.run(["doctor", "--learner", "ann"], in: folder)
        #expect(doctor.status == 0, "\(doctor.stdout)")
        #expect(
            doctor.stdout.contains(
                "notice: the stats cache \(store.statsCachePath) is version 1, this gloss counts version 5; it is derived from the log and will be recounted at the next `gloss stats` (no answer is affected)"
            ))
        #expect(!doctor.stdout.contains("problem:"))
    }

    @Test func aLineDuplicatedBeforeTheSnapshotStopsStudyWithOneLineAndNoWrite() throws {
        let folder = try workspace()
        let store = try learner(folder, 60)
        var lines = try String(contentsOfFile: store.journalPath, encoding: .utf8).split(separator: "\n")
        lines.insert(lines[2], at: 3)
        let journal = Data((lines.joined(separator: "\n") + "\n").utf8)
        try journal.write(to: URL(fileURLWithPath: store.journalPath))
        let snapshot = try Data(contentsOf: URL(fileURLWithPath: store.snapshotPath))
        let study = try BinaryRunner.run(
            ["study", "--learner", "ann", "--now", "2026-09-22T12:00:00Z", "--seed", "1"], input: "a\n", in: folder)
        #expect(study.status != 0)
        let said = study.stderr.split(separator: "\n")
        #expect(said.count == 1, "\(study.stderr)")
        #expect(
            said.first?.contains(
                "\(store.journalPath):4: answer number 3 follows 3; numbers must go up by one; the file was left untouched")
                == true, "\(study.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: store.journalPath)) == journal)
        #expect(try Data(contentsOf: URL(fileURLWithPath: store.snapshotPath)) == snapshot)
    }
}
