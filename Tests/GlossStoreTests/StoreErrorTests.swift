import Foundation
import GlossCore
import Testing

@testable import GlossStore

/// GlossStore throws one error type: a deck file, a progress file, a review log, an export
/// and an import option all fail as `StoreError`, caught as `any Error` as the CLI catches them,
/// with their messages as before.
@Suite struct StoreErrorTests {
    @Test func everyConcernThrowsStoreErrorWithItsMessage() throws {
        let folder = try makeProgressFolder()
        let existing = folder.appendingPathComponent("out.csv").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: existing))
        let cases: [(error: (any Error)?, expected: StoreError, message: String)] = [
            (
                #expect(throws: (any Error).self) {
                    _ = try JSONDeckCoder.parse(Data("{\n  \"entries\": ]\n}\n".utf8), file: "s.json")
                },
                .deckSyntax(file: "s.json", line: 2, message: "not a gloss JSON deck: invalid value around character 15"),
                "s.json:2: not a gloss JSON deck: invalid value around character 15"
            ),
            (
                #expect(throws: (any Error).self) { _ = try ProgressStore(folder: folder, learner: "../x") },
                .progress(.invalidLearnerName("../x")),
                "invalid learner name \"../x\": use letters, digits, '-', '_' and '.', not empty, no '/' or '..'"
            ),
            (
                #expect(throws: (any Error).self) { _ = try ReviewLogCSV.parse("card_id,review_rating\n1,3\n", file: "log.csv") },
                .reviewLog(.missingColumn(file: "log.csv", column: "review_time")),
                "log.csv:1: missing column 'review_time' (need card_id,review_rating,review_time[,review_duration])"
            ),
            (
                #expect(throws: (any Error).self) { try ExportFile.write(Data("new".utf8), to: existing, force: false) },
                .export(.fileExists(path: existing)),
                "\(existing): already exists; pass --force to overwrite it"
            ),
            (
                #expect(throws: (any Error).self) { _ = try ImportColumn.parseList("term,colour").get() },
                .unknownColumn("colour"),
                "unknown column 'colour' in --columns (use term, definition, explanation, related, aliases, tags or -)"
            ),
        ]
        for (error, expected, message) in cases {
            #expect(error as? StoreError == expected)
            #expect(error.map { String(describing: $0) } == message)
        }
    }

    /// A review-log row that can't be read is listed, not thrown, as a plain value.
    @Test func aReviewLogRowProblemIsAValueWithItsLine() throws {
        let log = try ReviewLogCSV.parse("card_id,review_rating,review_time\n1,7,2024-03-29T20:32:32Z\n", file: "log.csv")
        #expect(log.problems == [.unknownRating(file: "log.csv", line: 2, value: "7")])
        #expect(log.problems.map(\.description) == ["log.csv:2: unknown rating '7' (expected 1, 2, 3 or 4)"])
    }

    /// A deck file's syntax error keeps its line for `lint`; the other cases are their whole message.
    @Test func reasonDropsOnlyADeckFilesPlace() {
        #expect(StoreError.deckSyntax(file: "a.md", line: 3, message: "no title").reason == "no title")
        #expect(StoreError.unreadable(file: "a.md", reason: "no such file").reason == "cannot read: no such file")
        let locked = StoreError.progress(.locked(file: "P/ann.lock"))
        #expect(locked.reason == locked.description)
    }
}

/// A record that can't be a journal line fails as `StoreError` naming the journal and the
/// answer, and nothing of it reaches the file.
@Suite struct UnwritableRecordTests {
    @Test func aNonFiniteNumberIsRefusedNamingTheJournalAndNothingIsWritten() throws {
        let folder = try makeProgressFolder()
        let store = try ProgressStore(folder: folder, learner: "ann", device: "laptop")
        _ = try store.append(answer(store, key("d", "a"), at: 0))
        let size = try bytes(store.journalPath).count
        var bad = answer(store, key("d", "b"), at: 1)
        bad.evidence.stabilityFloor = .infinity
        let error = #expect(throws: StoreError.self) { _ = try store.append(bad) }
        guard case .progress(.unwritable(let file, let seq, _)) = error else {
            Issue.record("not unwritable: \(String(describing: error))")
            return
        }
        #expect(file == store.journalPath)
        #expect(seq == 2)
        #expect(error?.description.hasPrefix("\(store.journalPath): answer 2 can't be written as a journal line (") == true)
        #expect(try bytes(store.journalPath).count == size)
        #expect(throws: StoreError.self) { _ = try store.appendAll([answer(store, key("d", "c"), at: 2), bad]) }
        #expect(try bytes(store.journalPath).count == size)
        try store.close()
    }
}
