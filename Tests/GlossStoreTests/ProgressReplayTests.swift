import Foundation
import GlossCore
import Testing

@testable import GlossStore

/// The journal keeps the answers; the store derives the states (issue 17, item 2): what a
/// session sees is what any later replay of the journal gives, under the rules recorded in it.
@Suite struct ProgressReplayTests {
    let zone = TimeZone(identifier: "Asia/Tokyo")

    /// A derived answer, as a study session appends it: rating and evidence, no states.
    func answer(_ card: CardKey, at minutes: Double, _ rating: Rating, evidence: AnswerEvidence = .none) -> ReviewRecord {
        ReviewRecord(
            seq: 0, time: progressEpoch.addingTimeInterval(minutes * 60), card: card, format: .choiceTerm, answer: "x",
            correct: rating != .again, rating: rating, responseMs: 1500, evidence: evidence)
    }

    func lines(_ store: ProgressStore) throws -> [String] {
        try String(contentsOfFile: store.journalPath, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    @Test func answerLinesCarryNoStatesAndTheRulesOnceUntilTheyChange() throws {
        let folder = try makeProgressFolder()
        let store = try ProgressStore(folder: folder, learner: "ada")
        store.timeZone = zone
        let a = key("d", "a"), b = key("d", "b")
        let first = try store.append(answer(a, at: 0, .good))
        try store.append(answer(b, at: 1, .again))
        #expect(first.before == .new)
        #expect(store.card(a) == first.after)
        var settings = store.settings
        settings.desiredRetention = 0.8
        try store.updateSettings(settings)
        try store.append(answer(a, at: 11, .good, evidence: AnswerEvidence(capDays: 3)))
        try store.close()
        let text = try lines(store)
        #expect(text.count == 3)
        #expect(text.allSatisfy { !$0.contains("\"before\"") && !$0.contains("\"after\"") })
        #expect(text.map { $0.contains("\"rules\":{") } == [true, false, true])
        #expect(text[0].contains("\"timeZone\":\"Asia/Tokyo\""))
        #expect(text[2].contains("\"desiredRetention\":0.8") && text[2].contains("\"cap\":3"))
        // The live states are what a replay of the journal alone gives, today or with other settings.
        let replayed = try replayJournal(folder, "ada")
        let reopened = try ProgressStore(folder: folder, learner: "ada", forReading: true)
        #expect(replayed == reopened.state)
        #expect(replayed.rules == ScheduleRules(settings: settings, timeZone: zone))
        let due = try #require(reopened.card(a).due)
        #expect(due <= progressEpoch.addingTimeInterval(11 * 60 + 3 * 86_400))
    }

    @Test func rebuildFromTheJournalAloneGivesTheSessionsStates() throws {
        let folder = try makeProgressFolder()
        let store = try ProgressStore(folder: folder, learner: "ada")
        store.timeZone = zone
        var rng = SplitMix64(seed: 3)
        let cards = (0..<6).map { key("d", "e\($0)") }
        for i in 0..<80 {
            let rating = Rating.allCases[Int.random(in: 0..<4, using: &rng)]
            try store.append(answer(cards[Int.random(in: 0..<6, using: &rng)], at: Double(i) * 700, rating))
            if i == 40 {
                var settings = store.settings
                settings.algorithm = .sm2
                try store.updateSettings(settings)
            }
        }
        let live = store.state
        try store.close()
        try FileManager.default.removeItem(atPath: store.snapshotPath)
        let report = try ProgressStore.rebuild(folder: folder, learner: "ada")
        #expect(report.records == 80 && report.droppedCards == 0)
        let rebuilt = try ProgressStore(folder: folder, learner: "ada", forReading: true)
        #expect(rebuilt.state == live)
        #expect(rebuilt.state.rules.algorithm == .sm2)
    }

    @Test func undoOfAnEarlierSessionsAnswerRestoresTheReplayedState() throws {
        let folder = try makeProgressFolder()
        let a = key("d", "a")
        var first = try ProgressStore(folder: folder, learner: "ada")
        let one = try first.append(answer(a, at: 0, .good))
        let two = try first.append(answer(a, at: 10, .good))
        try first.close()
        first = try ProgressStore(folder: folder, learner: "ada")
        let undone = try #require(try first.undo())
        #expect(undone.seq == two.seq && undone.before == one.after && undone.after == two.after)
        #expect(first.card(a) == one.after)
        try first.close()
        #expect(try replayJournal(folder, "ada").cards[a] == one.after)
    }

    @Test func statsFromTheSavedTallyAndStatesCountAsAFullReplayDoes() throws {
        let folder = try makeProgressFolder()
        let store = try ProgressStore(folder: folder, learner: "ada")
        let clock = DayClock(timeZone: TimeZone(identifier: "UTC") ?? .current)
        let cards = (0..<5).map { key("d", "e\($0)") }
        for i in 0..<30 { try store.append(answer(cards[i % 5], at: Double(i) * 900, i % 4 == 0 ? .again : .good)) }
        _ = try store.statsTally(clock: clock)  // saves the tally and the states it ends at
        #expect(FileManager.default.fileExists(atPath: ProgressStore.statsStatePath(folder, "ada")))
        for i in 30..<50 { try store.append(answer(cards[i % 5], at: Double(i) * 900, i % 3 == 0 ? .again : .good)) }
        let warm = try store.statsTally(clock: clock).settled()
        for path in [store.statsCachePath, ProgressStore.statsStatePath(folder, "ada")] {
            try FileManager.default.removeItem(atPath: path)
        }
        let cold = try store.statsTally(clock: clock).settled()
        #expect(warm.days == cold.days)
        #expect(warm.breakdown == cold.breakdown)
        #expect(warm.lastSeq == 50)
        // States of another answer than the tally's: counted again, the same.
        _ = try store.statsTally(clock: clock)
        try store.append(answer(cards[0], at: 60 * 900, .good))
        let stale = ProgressSnapshot(learner: "ada", state: ProgressState(lastSeq: 3), settings: LearnerSettings())
        try SnapshotFile.write(stale, to: ProgressStore.statsStatePath(folder, "ada"))
        let recounted = try store.statsTally(clock: clock).settled()
        #expect(recounted.lastSeq == 51)
        try store.close()
    }
}
