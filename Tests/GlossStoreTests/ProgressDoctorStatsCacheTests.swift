import Foundation
import GlossCore
import Testing

@testable import GlossStore

/// Issue 16: `doctor` checks the stats cache as `stats` would use it, and says a cache it
/// would not use is recounted, never that the learner's answers are at fault.
@Suite struct ProgressDoctorStatsCacheTests {
    let paris = TimeZone(identifier: "Europe/Paris") ?? .current

    /// A learner `ann` with `count` answers and a stats cache counted in Paris.
    func learner(_ count: Int = 30) throws -> (URL, ProgressStore) {
        let folder = try makeProgressFolder()
        let store = try ProgressStore(folder: folder, learner: "ann")
        for i in 0..<count {
            try store.append(answer(store, key("d", "e\(i % 5)"), at: Double(i) * 3_600))
        }
        _ = try store.statsTally(clock: DayClock(timeZone: paris, rolloverHour: store.settings.rolloverHour))
        try store.close()
        return (folder, store)
    }

    func examine(_ folder: URL, _ zone: TimeZone? = nil) throws -> DoctorReport {
        try ProgressDoctor.examine(folder: folder, learner: "ann", timeZone: zone ?? paris)
    }

    func reason(_ report: DoctorReport) -> String? {
        guard case .recount(_, let reason) = report.statsCache else { return nil }
        return reason
    }

    /// Rewrites the cache's JSON object with `change`.
    func edit(_ store: ProgressStore, _ change: (inout [String: Any]) -> Void) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: store.statsCachePath))
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        change(&object)
        try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: store.statsCachePath))
    }

    @Test func aCurrentCacheIsSaidAndHealthy() throws {
        let (folder, _) = try learner()
        let report = try examine(folder)
        #expect(report.statsCache == .current(lastSeq: 30))
        #expect(report.isHealthy)
        #expect(report.lines.contains("stats cache: counted from this log up to answer 30"))
    }

    @Test func noCacheSaysNothing() throws {
        let (folder, store) = try learner()
        try FileManager.default.removeItem(atPath: store.statsCachePath)
        let report = try examine(folder)
        #expect(report.statsCache == nil)
        #expect(!report.lines.contains { $0.contains("stats cache") })
    }

    @Test func anUnreadableCacheIsRecountedNotAProblem() throws {
        let (folder, store) = try learner()
        try Data("{\"version\": 2, \"decks\": ".utf8).write(to: URL(fileURLWithPath: store.statsCachePath))
        let report = try examine(folder)
        #expect(reason(report)?.hasPrefix("cannot be read") == true)
        #expect(report.isHealthy)
        let line = try #require(report.lines.first { $0.contains("stats cache") })
        #expect(line.hasPrefix("notice: the stats cache \(store.statsCachePath) cannot be read"))
        #expect(line.hasSuffix("will be recounted at the next `gloss stats` (no answer is affected)"))
        #expect(!report.lines.contains { $0.hasPrefix("problem:") })
    }

    @Test func aCacheOfAnotherVersionIsRecounted() throws {
        let (folder, store) = try learner()
        try edit(store) { $0["version"] = 1 }
        #expect(reason(try examine(folder)) == "is version 1, this gloss counts version 5")
    }

    @Test func aCacheCountedInAnotherTimeZoneOrRolloverIsRecounted() throws {
        let (folder, store) = try learner()
        let tokyo = try #require(TimeZone(identifier: "Asia/Tokyo"))
        #expect(reason(try examine(folder, tokyo)) == "was counted in time zone Europe/Paris, not Asia/Tokyo")
        try edit(store) { $0["rolloverHour"] = 9 }
        #expect(
            reason(try examine(folder))
                == "was counted with study days starting at 9:00, not 4:00 (the rollover hour)")
    }

    @Test func aCacheAheadOfTheLogIsRecounted() throws {
        let (folder, store) = try learner()
        // The log loses its last five answers (restored from an older backup, say).
        let journal = store.journalPath
        let lines = try String(contentsOfFile: journal, encoding: .utf8).split(separator: "\n")
        try (lines.prefix(25).joined(separator: "\n") + "\n").write(toFile: journal, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: store.snapshotPath)
        #expect(reason(try examine(folder)) == "counts answers up to number 30, but the log ends at answer 25")
    }

    @Test func aCacheFromAnotherLogOfTheSameLengthIsRecounted() throws {
        let (folder, store) = try learner()
        let bob = try ProgressStore(folder: folder, learner: "bob")
        for i in 0..<30 { try bob.append(answer(bob, key("d", "b\(i % 3)"), at: Double(i) * 60)) }
        _ = try bob.statsTally(clock: DayClock(timeZone: paris, rolloverHour: 4))
        try bob.close()
        try FileManager.default.removeItem(atPath: store.statsCachePath)
        try FileManager.default.copyItem(atPath: bob.statsCachePath, toPath: store.statsCachePath)
        let report = try examine(folder)
        #expect(reason(report) == "ends at answer 30, but not at this log's answer 30 (counted from another log?)")
        #expect(report.isHealthy)
    }
}
