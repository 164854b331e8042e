import Foundation
import GlossStore
import Testing

/// Several devices, no server (issue 18): two progress folders stand for two machines, `cp`
/// (or git) for the sync tool. Each device writes only its own journal; every reader merges
/// all of them by answer time, so both devices show the same states and count every answer once.
@Suite struct TwoDeviceTests {
    let learner = ["--learner", "ann"]

    func device(_ name: String) throws -> URL {
        let folder = try BinaryRunner.shippedDeckWorkspace()
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("Progress"), withIntermediateDirectories: true)
        return folder
    }

    func gloss(_ folder: URL, _ name: String, _ arguments: [String], input: String = "", at now: String) throws
        -> BinaryRunner.Output
    {
        try BinaryRunner.run(learner + ["--device", name, "--now", now, "--seed", "3"] + arguments, input: input, in: folder)
    }

    /// Copies every journal of one folder's `Progress` into another's (what Syncthing does).
    func sync(_ from: URL, to: URL) throws {
        let source = from.appendingPathComponent("Progress")
        for name in try FileManager.default.contentsOfDirectory(atPath: source.path) where name.hasSuffix(".jsonl") {
            let target = to.appendingPathComponent("Progress/\(name)")
            try? FileManager.default.removeItem(at: target)
            try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: target)
        }
    }

    /// What a device shows: every card's state and the stats' answer counts.
    func view(_ folder: URL, _ name: String) throws -> (progress: String, stats: String) {
        let progress = try gloss(
            folder, name, ["export", "--format", "csv", "--what", "terms", "-o", "-"], at: "2026-01-03T12:00:00Z")
        let stats = try gloss(folder, name, ["stats"], at: "2026-01-03T12:00:00Z")
        #expect(progress.status == 0 && stats.status == 0, "\(progress.stderr)\(stats.stderr)")
        return (progress.stdout, stats.stdout)
    }

    func files(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("Progress").path).sorted()
    }

    @Test func studyOnBothSyncBothWaysAndBothShowTheSameStatesCountedOnce() throws {
        let a = try device("laptop"), b = try device("desktop")
        #expect(try gloss(a, "laptop", ["study"], input: "a\nb\nc\n", at: "2026-01-01T09:00:00Z").status == 0)
        try sync(a, to: b)
        // Apart: B studies the same first cards an hour later, A studies again.
        let onB = try gloss(b, "desktop", ["study"], input: "a\nb\n", at: "2026-01-01T10:00:00Z")
        #expect(onB.status == 0, "\(onB.stderr)")
        #expect(try gloss(a, "laptop", ["study"], input: "a\n", at: "2026-01-02T09:00:00Z").status == 0)
        // Each device wrote only its own journal.
        #expect(try files(a).filter { $0.hasSuffix(".jsonl") } == ["ann.reviews.jsonl"])
        #expect(try files(b).filter { $0.hasSuffix(".jsonl") } == ["ann.reviews.jsonl", "ann@desktop.reviews.jsonl"])
        try sync(a, to: b)
        try sync(b, to: a)
        let onA = try view(a, "laptop"), onBoth = try view(b, "desktop")
        #expect(onA.progress == onBoth.progress)
        #expect(onA.stats == onBoth.stats)
        let answers = try Self.answerCount(a) + Self.answerCount(b, file: "ann@desktop.reviews.jsonl")
        #expect(onA.stats.contains("answered") && answers == 6)
        // doctor reads every device's journal.
        let doctor = try gloss(a, "laptop", ["doctor"], at: "2026-01-03T12:00:00Z")
        #expect(doctor.status == 0, "\(doctor.stdout)")
        #expect(
            doctor.stdout.contains(
                "device journal \(a.path)/Progress/ann@desktop.reviews.jsonl: 2 answers\nsnapshot: other devices' answers came since; all journals are replayed at the next start\n"
            ))
        let devices = try gloss(a, "laptop", ["devices"], at: "2026-01-03T12:00:00Z")
        #expect(devices.status == 0)
        #expect(
            devices.stdout
                == "laptop (this device): 4 answers, last answer 1 day ago — ann.reviews.jsonl\ndesktop: 2 answers, last answer 2 days ago — ann@desktop.reviews.jsonl\n"
        )
    }

    static func answerCount(_ folder: URL, file: String = "ann.reviews.jsonl") throws -> Int {
        try String(contentsOf: folder.appendingPathComponent("Progress/\(file)"), encoding: .utf8)
            .split(separator: "\n").count
    }

    @Test func conflictedCopiesTornTailsAndAJournalThatWentBackwards() throws {
        let a = try device("laptop"), b = try device("desktop")
        #expect(try gloss(a, "laptop", ["study"], input: "a\nb\nc\n", at: "2026-01-01T09:00:00Z").status == 0)
        try sync(a, to: b)
        #expect(try gloss(b, "desktop", ["study"], input: "a\nb\n", at: "2026-01-01T10:00:00Z").status == 0)
        try sync(b, to: a)
        let before = try view(a, "laptop")
        let progress = a.appendingPathComponent("Progress")
        // Dropbox and Syncthing leave copies of the other device's journal: merged by identity.
        let desktop = progress.appendingPathComponent("ann@desktop.reviews.jsonl")
        try FileManager.default.copyItem(
            at: desktop, to: progress.appendingPathComponent("ann@desktop.reviews (desktop's conflicted copy 2026-01-01).jsonl"))
        try FileManager.default.copyItem(
            at: desktop, to: progress.appendingPathComponent("ann@desktop.reviews.sync-conflict-20260101-100000-ABC1234.jsonl"))
        let withCopies = try view(a, "laptop")
        #expect(withCopies.progress == before.progress)
        #expect(withCopies.stats == before.stats)
        // Today's answers (the daily limits) count the copies' answers once too.
        let store = try ProgressStore(folder: progress, learner: "ann", forReading: true, device: "laptop")
        #expect(try store.records(since: .distantPast).count == 5)
        // A last line still arriving: read up to the last whole line, no warning, nothing written to it.
        let whole = try Data(contentsOf: desktop)
        let arriving = Data("{\"v\":3,\"dev\":\"desktop\",\"seq\":3,\"ki".utf8)
        try (whole + arriving).write(to: desktop)
        let torn = try gloss(a, "laptop", ["stats"], at: "2026-01-03T12:00:00Z")
        #expect(torn.status == 0 && torn.stderr == "")
        #expect(torn.stdout == before.stats)
        #expect(try Data(contentsOf: desktop) == whole + arriving)
        let doctor = try gloss(a, "laptop", ["doctor"], at: "2026-01-03T12:00:00Z")
        #expect(doctor.status == 0)
        #expect(
            doctor.stdout.contains(
                "ann@desktop.reviews.jsonl: 2 answers; its last line is still incomplete (being synced?), read without it\n"))
        // The other device's journal went backwards (a sync restored an older copy): replayed,
        // not trusted (the copies, which still hold its last answer, gone first).
        for name in try files(a) where name.contains("conflict") {
            try FileManager.default.removeItem(at: progress.appendingPathComponent(name))
        }
        let lines = whole.split(separator: 10)
        try Data((lines.dropLast().joined(separator: [10]) + [10])).write(to: desktop)
        let shorter = try view(a, "laptop")
        #expect(shorter.progress != before.progress)
        let fresh = try device("laptop")
        for name in ["ann.reviews.jsonl", "ann@desktop.reviews.jsonl"] {
            try FileManager.default.copyItem(
                at: progress.appendingPathComponent(name), to: fresh.appendingPathComponent("Progress/\(name)"))
        }
        #expect(try view(fresh, "laptop").progress == shorter.progress)
    }

    @Test(.enabled(if: ExternalTool.find("git") != nil, "needs git on PATH"))
    func aGitRepositoryAsTheSyncToolNeverConflicts() throws {
        let root = try BinaryRunner.temporaryFolder()
        let git = try #require(ExternalTool.find("git"))
        func run(_ folder: URL, _ arguments: [String]) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: git)
            process.arguments = ["-c", "user.name=t", "-c", "user.email=t@t", "-c", "init.defaultBranch=main"] + arguments
            process.currentDirectoryURL = folder
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "git \(arguments.joined(separator: " "))")
        }
        let origin = root.appendingPathComponent("origin.git")
        try run(root, ["init", "--bare", origin.path])
        let a = try device("laptop"), b = try device("desktop")
        for folder in [a, b] {
            try run(folder.appendingPathComponent("Progress"), ["init"])
            try run(folder.appendingPathComponent("Progress"), ["remote", "add", "origin", origin.path])
        }
        func commitAndPush(_ folder: URL, pull: Bool = true) throws {
            let progress = folder.appendingPathComponent("Progress")
            try run(progress, ["add", "--", "*.jsonl"])
            try run(progress, ["commit", "-m", "answers"])
            if pull { try run(progress, ["pull", "--no-rebase", "--no-edit", "origin", "main"]) }
            try run(progress, ["push", "origin", "HEAD:main"])
        }
        #expect(try gloss(a, "laptop", ["study"], input: "a\nb\n", at: "2026-01-01T09:00:00Z").status == 0)
        try commitAndPush(a, pull: false)
        try run(b.appendingPathComponent("Progress"), ["pull", "origin", "main"])
        #expect(try gloss(b, "desktop", ["study"], input: "a\n", at: "2026-01-01T10:00:00Z").status == 0)
        #expect(try gloss(a, "laptop", ["study"], input: "b\n", at: "2026-01-01T11:00:00Z").status == 0)
        try commitAndPush(b)
        try commitAndPush(a)  // merges b's new file: each file has one writer, so no conflict
        try run(b.appendingPathComponent("Progress"), ["pull", "origin", "main"])
        #expect(try view(a, "laptop") == view(b, "desktop"))
    }
}
