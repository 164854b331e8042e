import Foundation
import GlossCore
import Testing

@testable import GlossStore

/// The saved stats tally (`<learner>.stats.cache`) plus the answers after it gives what a
/// full count of the log gives; a cache that does not fit is ignored and rewritten.
@Suite struct ProgressStatsCacheTests {
    let paris = DayClock(timeZone: TimeZone(identifier: "Europe/Paris") ?? .current, rolloverHour: 4)
    let deck = Deck(id: "d", title: "D", entries: [])

    func summary(_ tally: StatsTally, _ store: ProgressStore) -> StatsSummary {
        StatsSummary(
            tally: tally, states: store.state.cards, decks: [deck], now: progressEpoch.addingTimeInterval(40 * 86_400),
            desiredRetention: 0.9, retrievability: { _, _ in 0.8 })
    }

    /// What a count of the whole log gives, without any cache.
    func fullCount(_ store: ProgressStore, clock: DayClock) throws -> StatsSummary {
        try? FileManager.default.removeItem(atPath: store.statsCachePath)
        defer { try? FileManager.default.removeItem(atPath: store.statsCachePath) }
        return summary(try store.statsTally(clock: clock), store)
    }

    func answerSome(_ store: ProgressStore, from start: Int, count: Int) throws {
        for i in start..<(start + count) {
            let card = key("d", "e\(i % 7)", Facet.allCases[i % 3])
            try store.append(
                answer(
                    store, card, at: Double(i) * 900, rating: i % 4 == 0 ? .again : .good,
                    kind: i % 5 == 0 ? .practice : .review, confusedWith: i % 4 == 0 ? "e9" : nil))
        }
    }

    /// Issue 16: a cache copied from another learner's log of the same length is not trusted.
    @Test func aCacheCountedFromAnotherLogOfTheSameLengthIsCountedAgain() throws {
        let folder = try makeProgressFolder()
        let ann = try ProgressStore(folder: folder, learner: "ann")
        try answerSome(ann, from: 0, count: 40)
        let bob = try ProgressStore(folder: folder, learner: "bob")
        try answerSome(bob, from: 100, count: 40)
        _ = try bob.statsTally(clock: paris)
        try FileManager.default.copyItem(atPath: bob.statsCachePath, toPath: ann.statsCachePath)
        let copied = summary(try ann.statsTally(clock: paris), ann)
        #expect(copied == (try fullCount(ann, clock: paris)))
        #expect(copied != summary(try bob.statsTally(clock: paris), bob))
    }

    @Test func theCachePlusLaterAnswersGivesTheFullCount() throws {
        let folder = try makeProgressFolder()
        let store = try ProgressStore(folder: folder, learner: "ann")
        try answerSome(store, from: 0, count: 120)
        let first = summary(try store.statsTally(clock: paris), store)
        #expect(FileManager.default.fileExists(atPath: store.statsCachePath))
        #expect(first == (try fullCount(store, clock: paris)))
        _ = summary(try store.statsTally(clock: paris), store)  // writes the cache again

        try answerSome(store, from: 120, count: 60)
        try store.undo()
        try store.undo()
        let cached = summary(try store.statsTally(clock: paris), store)
        let full = try fullCount(store, clock: paris)
        #expect(cached == full)
        #expect(cached.totalAnswers == 178 && cached.studyDays > 1 && !cached.confusedPairs.isEmpty)
        try store.close()
    }

    /// The all-time breakdown (ratings by age, hours, formats, lapse days) survives the cache.
    @Test func theBreakdownComesBackFromTheCache() throws {
        let folder = try makeProgressFolder()
        let store = try ProgressStore(folder: folder, learner: "ann")
        try answerSome(store, from: 0, count: 150)
        _ = try store.statsTally(clock: paris)  // writes the cache
        try answerSome(store, from: 150, count: 40)
        try store.undo()
        let cached = try store.statsTally(clock: paris)
        try? FileManager.default.removeItem(atPath: store.statsCachePath)
        let full = try store.statsTally(clock: paris)
        #expect(cached.breakdown == full.breakdown)
        let part = try #require(full.breakdown["d"])
        #expect(part.ratings.flatMap { $0 }.reduce(0, +) > 0)
        #expect(part.byHour.map(\.reviews).reduce(0, +) > 0)
        #expect(!part.lapseDays.isEmpty)
        try store.close()
    }

    @Test func aCacheCountedInOtherStudyDaysIsIgnoredAndRewritten() throws {
        let folder = try makeProgressFolder()
        let store = try ProgressStore(folder: folder, learner: "ann")
        try answerSome(store, from: 0, count: 100)
        _ = try store.statsTally(clock: paris)
        let tokyo = DayClock(timeZone: TimeZone(identifier: "Asia/Tokyo") ?? .current, rolloverHour: 4)
        let moved = summary(try store.statsTally(clock: tokyo), store)
        #expect(moved == (try fullCount(store, clock: tokyo)))
        #expect(moved != summary(try store.statsTally(clock: paris), store))
        let late = DayClock(timeZone: paris.timeZone, rolloverHour: 9)
        let lateSummary = summary(try store.statsTally(clock: late), store)
        #expect(try String(contentsOfFile: store.statsCachePath, encoding: .utf8).contains("\"rolloverHour\":9"))
        #expect(lateSummary == (try fullCount(store, clock: late)))
    }

    @Test(arguments: [
        "garbage{", "{\"version\":99}", "",
        "{\"version\":1,\"timeZone\":\"Europe/Paris\",\"rolloverHour\":4,\"lastSeq\":5,\"decks\":{\"d\":[[1,2]]}}",
    ])
    func anUnreadableCacheIsIgnoredAndRewritten(text: String) throws {
        let folder = try makeProgressFolder()
        let store = try ProgressStore(folder: folder, learner: "ann")
        try answerSome(store, from: 0, count: 50)
        let expected = try fullCount(store, clock: paris)
        try Data(text.utf8).write(to: URL(fileURLWithPath: store.statsCachePath))
        #expect(summary(try store.statsTally(clock: paris), store) == expected)
        #expect(try String(contentsOfFile: store.statsCachePath, encoding: .utf8).contains("\"lastSeq\":50"))
    }

    @Test func aCacheAheadOfTheLogIsIgnored() throws {
        let folder = try makeProgressFolder()
        let store = try ProgressStore(folder: folder, learner: "ann")
        try answerSome(store, from: 0, count: 30)
        var ahead = try store.statsTally(clock: paris)
        try answerSome(store, from: 30, count: 5)
        ahead = try store.statsTally(clock: paris)
        #expect(ahead.lastSeq == 35)
        // A journal put back to an older copy (30 answers): the cache counts 35.
        let journal = URL(fileURLWithPath: store.journalPath)
        let lines = try String(contentsOf: journal, encoding: .utf8).split(separator: "\n").prefix(30)
        try store.close()
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: journal)
        try? FileManager.default.removeItem(atPath: ProgressStore.snapshotPath(folder, "ann"))
        let reopened = try ProgressStore(folder: folder, learner: "ann")
        let tally = try reopened.statsTally(clock: paris)
        #expect(tally.lastSeq == 30)
        #expect(summary(tally, reopened) == (try fullCount(reopened, clock: paris)))
        #expect(summary(tally, reopened).totalAnswers == 30)
    }

    @Test func rebuildCountsTheStatsInTheSameRead() throws {
        let folder = try makeProgressFolder()
        var store = try ProgressStore(folder: folder, learner: "ann")
        try answerSome(store, from: 0, count: 90)
        try store.undo()
        try store.close()
        let cachePath = ProgressStore.statsCachePath(folder, "ann")
        try? FileManager.default.removeItem(atPath: cachePath)
        _ = try ProgressStore.rebuild(folder: folder, learner: "ann", timeZone: paris.timeZone)
        let saved = try String(contentsOfFile: cachePath, encoding: .utf8)
        #expect(saved.contains("\"lastSeq\":91") && saved.contains("\"timeZone\":\"Europe/Paris\""))
        store = try ProgressStore(folder: folder, learner: "ann")
        let fromRebuild = summary(try store.statsTally(clock: paris), store)
        #expect(try String(contentsOfFile: cachePath, encoding: .utf8) == saved)  // nothing after it to add
        #expect(fromRebuild == (try fullCount(store, clock: paris)))
        #expect(fromRebuild.totalAnswers == 89)
    }
}
