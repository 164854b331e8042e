import Foundation
import GlossCore
import GlossStore
import Testing

/// Issue 16's holes as a user meets them: through the `gloss` binary.
@Suite struct ProgressHoleCLITests {
    private func workspace() throws -> URL {
        let folder = try BinaryRunner.temporaryFolder()
        let decks = folder.appendingPathComponent("Decks")
        try FileManager.default.createDirectory(at: decks, withIntermediateDirectories: true)
        try Data(
            "---\ntitle: Mini\nid: mini\n---\n\n## Alpha\n\nThe first letter.\n\n## Beta\n\nThe second letter.\n\n## Gamma\n\nThe third letter.\n\n## Delta\n\nThe fourth letter.\n"
                .utf8
        ).write(to: decks.appendingPathComponent("mini.md"))
        return folder
    }

    private func runShell(_ script: String, input: String = "", in folder: URL) throws -> BinaryRunner.Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(ExternalTool.bash))
        process.arguments = ["-c", script, BinaryRunner.binary.path]
        process.currentDirectoryURL = folder
        process.environment = ["NO_COLOR": "1", "USER": "tester", "PATH": ExternalTool.searchPath]
        return try BinaryRunner.run(process, input: input)
    }

    /// A learner `ann` with one answer and a torn last line (so opening warns).
    private func tornLearner(_ folder: URL) throws -> String {
        let progress = folder.appendingPathComponent("Progress")
        let store = try ProgressStore(folder: progress, learner: "ann")
        let card = CardKey(deck: "mini", entry: "alpha", facet: .recall)
        try store.append(
            ReviewRecord(seq: 0, time: Date(timeIntervalSince1970: 1_790_000_000), card: card, correct: true, rating: .good))
        try store.close()
        let journal = progress.appendingPathComponent("ann.reviews.jsonl").path
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: journal))
        handle.seekToEndOfFile()
        handle.write(Data("{\"seq\":2,\"ki".utf8))
        try handle.close()
        return journal
    }

    // Hole 2: closed standard descriptors.
    @Test(.enabled(if: ExternalTool.bash != nil, "needs bash on PATH"))
    func aClosedStandardErrorDoesNotSendTheWarningIntoTheJournal() throws {
        let folder = try workspace()
        let journal = try tornLearner(folder)
        let run = try runShell("\"$0\" undo --learner ann 2>&-", in: folder)
        #expect(run.status == 0)
        let text = try String(contentsOfFile: journal, encoding: .utf8)
        #expect(!text.contains("dropped"))
        #expect(try Data(contentsOf: folder.appendingPathComponent("Progress/ann.lock")).isEmpty)
        #expect(
            try ProgressStore(folder: folder.appendingPathComponent("Progress"), learner: "ann").state.lastSeq == 2)
    }

    @Test(.enabled(if: ExternalTool.bash != nil, "needs bash on PATH"))
    func aClosedStandardOutputOrInputTouchesNoProgressFile() throws {
        let folder = try workspace()
        _ = try tornLearner(folder)
        let lock = folder.appendingPathComponent("Progress/ann.lock").path
        let journal = folder.appendingPathComponent("Progress/ann.reviews.jsonl").path
        let out = try runShell("\"$0\" stats --learner ann >&-", in: folder)
        #expect(out.status == 0 || out.status == 1)
        #expect(try Data(contentsOf: URL(fileURLWithPath: lock)).isEmpty)
        let before = try String(contentsOfFile: journal, encoding: .utf8)
        let study = try runShell(
            "\"$0\" study --learner ann --now 2026-01-01T09:00:00Z --seed 3 <&-", in: folder)
        #expect(study.status == 0)
        #expect(try String(contentsOfFile: journal, encoding: .utf8).hasPrefix(before.prefix(before.count - 12)))
        #expect(try Data(contentsOf: URL(fileURLWithPath: lock)).isEmpty)
    }

    // Smaller: a non-ASCII $USER is a learner without --learner.
    @Test func aNonASCIIUserNameBecomesItsASCIISlug() throws {
        let folder = try workspace()
        let run = try BinaryRunner.run(
            ["study", "--now", "2026-01-01T09:00:00Z", "--seed", "3"], input: "a\nquit\n", in: folder,
            environment: ["USER": "José Müller"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("Progress/jose-muller.reviews.jsonl").path))
    }

    // Smaller: a folder that can't be written still shows stats (chattr +i, root only).
    @Test(.enabled(if: ExternalTool.canMakeImmutable, "needs chattr +i to work here (root, a file system that keeps the flag)"))
    func statsReadAnImmutableProgressFolder() throws {
        let folder = try workspace()
        let study = try BinaryRunner.run(
            ["study", "--learner", "ann", "--now", "2026-01-01T09:00:00Z", "--seed", "3"], input: "a\nb\nquit\n", in: folder)
        #expect(study.status == 0)
        let progress = folder.appendingPathComponent("Progress")
        try FileManager.default.removeItem(at: progress.appendingPathComponent("ann.lock"))
        let before = try FileManager.default.contentsOfDirectory(atPath: progress.path).sorted()
        let chattr = try #require(ExternalTool.chattr)
        #expect(ExternalTool.run(chattr, ["+i", progress.path]) == 0)
        defer { ExternalTool.run(chattr, ["-i", progress.path]) }
        guard !FileManager.default.createFile(atPath: progress.appendingPathComponent("probe").path, contents: nil) else {
            Issue.record("chattr +i did not make \(progress.path) immutable here")
            return
        }
        let stats = try BinaryRunner.run(["stats", "--learner", "ann", "--now", "2026-01-01T10:00:00Z"], in: folder)
        #expect(stats.status == 0, "\(stats.stderr)")
        #expect(stats.stdout.contains("answered 2,"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: progress.path).sorted() == before)
        let again = try BinaryRunner.run(
            ["study", "--learner", "ann", "--now", "2026-01-01T09:00:00Z", "--seed", "3"], input: "a\n", in: folder)
        #expect(again.status == 3)  // progress refused
    }

    // Hole 10: rebuild asks (and, with no terminal to ask on, refuses) before dropping cards.
    @Test func rebuildRefusesToDropCardsWithoutYesAndKeepsABackup() throws {
        let folder = try workspace()
        let progress = folder.appendingPathComponent("Progress")
        let store = try ProgressStore(folder: progress, learner: "ann")
        for entry in ["alpha", "beta"] {
            try store.append(
                ReviewRecord(
                    seq: 0, time: Date(timeIntervalSince1970: 1_790_000_000),
                    card: CardKey(deck: "mini", entry: EntryID(entry), facet: .recall),
                    correct: true, rating: .good, before: .new, after: CardState(phase: .review, reps: 1)))
        }
        try store.close()
        let snapshot = progress.appendingPathComponent("ann.json")
        let original = try Data(contentsOf: snapshot)
        try FileManager.default.removeItem(at: progress.appendingPathComponent("ann.reviews.jsonl"))
        let refused = try BinaryRunner.run(["rebuild", "--learner", "ann"], in: folder)
        #expect(refused.status == 3)  // progress refused
        #expect(refused.stderr.contains("would drop 2 card(s)"))
        #expect(try Data(contentsOf: snapshot) == original)
        let forced = try BinaryRunner.run(["rebuild", "--learner", "ann", "--yes"], in: folder)
        #expect(forced.status == 0)
        #expect(try Data(contentsOf: progress.appendingPathComponent("ann.json.before-rebuild")) == original)
    }
}
