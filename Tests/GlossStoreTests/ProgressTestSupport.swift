import Foundation
import GlossCore
import Testing

@testable import GlossStore

/// A fresh temporary progress folder for one test.
func makeProgressFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("gloss-progress-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Whether `error` refuses a progress file (any `StoreError.progress`), not a deck or an export.
func isProgressProblem(_ error: any Error) -> Bool {
    if case .progress = error as? StoreError { return true }
    return false
}

let progressEpoch = Date(timeIntervalSince1970: 1_790_000_000.123)

func key(_ deck: String, _ entry: String, _ facet: Facet = .recall) -> CardKey {
    CardKey(deck: DeckID(deck), entry: EntryID(entry), facet: facet)
}

/// A review answer for `card` that moves it from its state in `store` to a made-up next state.
func answer(
    _ store: ProgressStore, _ card: CardKey, at minutes: Double, rating: Rating = .good,
    kind: ReviewRecord.Kind = .review, confusedWith: EntryID? = nil
) -> ReviewRecord {
    let before = store.card(card)
    let time = progressEpoch.addingTimeInterval(minutes * 60)
    var after = before
    after.phase = rating == .again ? .relearning : .review
    after.reps += 1
    after.lapses += rating == .again ? 1 : 0
    after.stability = (before.stability ?? 1) * (rating == .again ? 0.5 : 2.5)
    after.difficulty = 5.0 + Double(rating.rawValue) / 3
    after.lastReview = time
    after.due = time.addingTimeInterval(86400 * (after.stability ?? 1))
    return ReviewRecord(
        seq: 0, kind: kind, time: time, card: card, format: .choiceTerm, answer: "pick \(card.entry)",
        correct: rating != .again, rating: rating, responseMs: 1234, confusedWith: confusedWith,
        before: before, after: kind == .review ? after : nil)
}

/// The state a replay of the whole journal gives.
func replayJournal(_ folder: URL, _ learner: String) throws -> ProgressState {
    var state = ProgressState()
    guard let journal = try Journal.open(ProgressStore.journalPath(folder, learner)) else { return state }
    defer { journal.close() }
    for record in try journal.scan().records { state.apply(record) }
    return state
}

func bytes(_ path: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
}

func fixtureURL(_ name: String) throws -> URL {
    try #require(Bundle.module.url(forResource: "Fixtures/progress/\(name)", withExtension: nil))
}

/// The first executable called `name` in a `PATH` folder, or nil (a test that needs it is
/// skipped with `.enabled(if:, "reason")`).
func toolOnPath(_ name: String) -> String? {
    (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { "\($0)/\(name)" }
        .first { FileManager.default.isExecutableFile(atPath: $0) }
}
