import Foundation
import GlossCore
import Testing

@testable import GlossStore

/// A store opened for the journal alone (`cardStates: false`, the reviews exports) reads no
/// card state and replays nothing, yet has the learner's settings, reads the same review
/// table, and refuses what the full open refuses.
@Suite struct ProgressJournalOnlyTests {
    /// A learner with settings, answers after the last checkpoint and an undo.
    func learner() throws -> URL {
        let folder = try makeProgressFolder()
        let store = try ProgressStore(folder: folder, learner: "ada")
        var settings = LearnerSettings()
        settings.newPerDay = 13
        settings.rolloverHour = 2
        try store.updateSettings(settings)
        store.checkpointEvery = 4
        for i in 0..<11 { try store.append(answer(store, key("d", "e\(i % 4)"), at: Double(i))) }
        _ = try store.undo()
        try store.append(answer(store, key("d", "e9"), at: 20))
        try store.checkpoint()
        try store.append(answer(store, key("d", "e1"), at: 21, rating: .again))
        // No close: the snapshot ends before the last answer, as after a crash.
        return folder
    }

    @Test func itHasTheSettingsAndTheReviewTableButNoCardStates() throws {
        let folder = try learner()
        let full = try ProgressStore(folder: folder, learner: "ada", forReading: true)
        let journal = try ProgressStore(folder: folder, learner: "ada", forReading: true, cardStates: false)
        #expect(full.hasCardStates && !journal.hasCardStates)
        #expect(full.state.cards.count == 5 && journal.state.cards.isEmpty)
        #expect(journal.state.lastSeq == full.state.lastSeq && journal.state.lastSeq == 14)
        #expect(journal.settings == full.settings && journal.settings.newPerDay == 13)
        let a = try full.reviewTable(), b = try journal.reviewTable()
        #expect(a.parts.map(\.cards) == b.parts.map(\.cards))
        #expect(a.parts.map(\.blocks) == b.parts.map(\.blocks) && a.revoked == b.revoked && !a.revoked.isEmpty)
        // A writer always reads the states.
        let writer = try ProgressStore(folder: folder, learner: "ada", cardStates: false)
        #expect(writer.hasCardStates && writer.state == full.state)
        try writer.close()
    }

    @Test func withoutASnapshotNothingIsReplayed() throws {
        let folder = try learner()
        try FileManager.default.removeItem(at: folder.appendingPathComponent("ada.json"))
        let journal = try ProgressStore(folder: folder, learner: "ada", forReading: true, cardStates: false)
        #expect(journal.state.cards.isEmpty && journal.state.lastSeq == 14)
        #expect(journal.settings == LearnerSettings())
        #expect(try journal.reviewTable().parts.map { $0.blocks.joined().count }.reduce(0, +) == 13)
    }

    /// A snapshot ahead of its journal, or one that is not JSON, is refused as the full open
    /// refuses it, naming the file; nothing is written.
    @Test(arguments: ["behind", "garbled"]) func whatTheFullOpenRefusesItRefuses(damage: String) throws {
        let folder = try learner()
        let path = folder.appendingPathComponent(damage == "behind" ? "ada.reviews.jsonl" : "ada.json").path
        if damage == "behind" {
            try Data().write(to: URL(fileURLWithPath: path))
        } else {
            try Data("{\"version\":".utf8).write(to: URL(fileURLWithPath: path))
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        func refusal(_ open: () throws -> ProgressStore) -> String? {
            do {
                _ = try open()
                return nil
            } catch {
                return "\(error)"
            }
        }
        let full = refusal { try ProgressStore(folder: folder, learner: "ada", forReading: true) }
        let journal = refusal { try ProgressStore(folder: folder, learner: "ada", forReading: true, cardStates: false) }
        #expect(full != nil && journal == full)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }
}
