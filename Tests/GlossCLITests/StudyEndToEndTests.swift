import Foundation
import Testing

/// End-to-end runs of `study` and `quiz` on the built binary, with piped answers, a fixed
/// seed and a fixed `--now`.
@Suite struct StudyEndToEndTests {
    func workspace() throws -> URL { try BinaryRunner.shippedDeckWorkspace() }

    func journal(_ folder: URL, learner: String = "ann") throws -> [[String: Any]] {
        let text = try String(contentsOf: folder.appendingPathComponent("Progress/\(learner).reviews.jsonl"), encoding: .utf8)
        return try text.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:]
        }
    }

    func cards(_ folder: URL, learner: String = "ann") throws -> NSDictionary {
        let data = try Data(contentsOf: folder.appendingPathComponent("Progress/\(learner).json"))
        let snapshot = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        return (snapshot?["cards"] as? NSDictionary) ?? [:]
    }

    @Test func aFirstSessionOnTheShippedDeckHasTheExactTranscript() throws {
        let folder = try workspace()
        let run = try BinaryRunner.run(
            ["--now", "2026-01-01T09:00:00Z", "--seed", "7", "--learner", "ann"],
            input: "study\na\nb\nzz\n!\n", in: folder)
        let expected = try String(
            contentsOf: #require(Bundle.module.url(forResource: "Fixtures/first-session", withExtension: "txt")), encoding: .utf8)
        #expect(run.status == 0)
        #expect(run.stderr == "")
        #expect(run.stdout == expected)
        let records = try journal(folder)
        #expect(records.count == 3)
        #expect(records.map { $0["correct"] as? Bool } == [false, true, false])
        #expect(records.map { $0["kind"] as? String } == ["review", "review", "review"])
    }

    @Test func theNextDayAsksTheCardsThatAreDue() throws {
        let folder = try workspace()
        _ = try BinaryRunner.run(
            ["--now", "2026-01-01T09:00:00Z", "--seed", "7", "--learner", "ann"],
            input: "study\na\nb\n!\n", in: folder)
        let next = try BinaryRunner.run(
            ["study", "--now", "2026-01-02T09:00:00Z", "--seed", "8", "--learner", "ann"],
            input: "b\n", in: folder)
        #expect(next.status == 0)
        // Of the three cards answered yesterday, two missed are in learning and the one right after its
        // presentation is a review due today; a new day brings ten new cards (of other entries).
        #expect(next.stdout.hasPrefix("Studying ai-safety: 13 cards (10 new · 2 learning · 1 review)."))
        #expect(next.stdout.contains("\n13 left · 2 learning · 10 new · ai-safety\n"))
        let records = try journal(folder)
        #expect(records.count == 4)
        let asked = (records[3]["card"] as? [String])?[1]
        #expect(["mesa-optimization", "artificial-general-intelligence"].contains(asked))
    }

    @Test func aQuizLeavesTheScheduleUntouched() throws {
        let folder = try workspace()
        _ = try BinaryRunner.run(
            ["--now", "2026-01-01T09:00:00Z", "--seed", "7", "--learner", "ann"],
            input: "study\na\nb\n!\n", in: folder)
        let before = try cards(folder)
        let quiz = try BinaryRunner.run(
            ["quiz", "3", "--seed", "3", "--now", "2026-01-01T10:00:00Z", "--learner", "ann"],
            input: "a\nb\nc\n", in: folder)
        #expect(quiz.status == 0)
        #expect(quiz.stdout.hasPrefix("Quiz: 3 questions on ai-safety. Practice only: your schedule does not change."))
        #expect(quiz.stdout.contains("\nScore: "))
        #expect(try cards(folder) == before)
        let records = try journal(folder)
        #expect(records.count == 6)
        #expect(records.suffix(3).map { $0["kind"] as? String } == ["practice", "practice", "practice"])
    }

    @Test func endOfInputMidSessionKeepsEveryAnsweredCard() throws {
        let folder = try workspace()
        let run = try BinaryRunner.run(
            ["study", "--now", "2026-01-01T09:00:00Z", "--seed", "7", "--learner", "ann"],
            input: "a\nb\n", in: folder)
        #expect(run.status == 0)
        #expect(run.stdout.contains("Session saved. 2 answered, 1 right (50%) in 0s."))
        #expect(try journal(folder).count == 2)
        #expect(try cards(folder).count == 2)
        // A second gloss on the same learner sees them.
        let again = try BinaryRunner.run(
            ["study", "--now", "2026-01-01T09:00:05Z", "--seed", "7", "--learner", "ann"],
            input: "", in: folder)
        // Later the same day: the learning card (the wrong answer; the right one graduated after
        // its presentation) and what is left of today's ten new cards.
        #expect(again.stdout.hasPrefix("Studying ai-safety: 9 cards (8 new · 1 learning · 0 reviews)."))
    }

    @Test func keysUndoHintAndRerateWork() throws {
        let folder = try workspace()
        let run = try BinaryRunner.run(
            ["study", "--now", "2026-01-01T09:00:00Z", "--seed", "7", "--learner", "ann"],
            input: "b\n?\nu\nb\ne 2\ne 3\ns\nquit\n", in: folder)
        #expect(run.status == 0)
        #expect(run.stdout.contains("Undid your answer to 'Mesa-Optimization'; it will be asked again."))
        // A right first answer is recorded as Hard (it may be a guess): 'e 2' changes nothing.
        #expect(run.stdout.contains("Already rated hard."))
        #expect(run.stdout.contains("Rating of 'Mesa-Optimization' changed to good."))
        #expect(run.stdout.contains("Skipped; it comes back later."))
        let records = try journal(folder)
        // answer, its revocation, the answer again, and its re-rating: one answer that revokes it.
        #expect(records.map { $0["kind"] as? String } == ["review", "revoke", "review", "review"])
        #expect(records.last?["rating"] as? Int == 3)
        #expect(records.last?["revokes"] as? Int == 3)
    }
}
