import Foundation
import GlossCore
import GlossStore
import Testing

/// `evaluate` per question format and `optimize`'s per-format offsets, on learners written
/// through `ProgressStore` as `study` writes them.
@Suite struct FormatCalibrationEndToEndTests {
    /// 300 cards answered every two or three days for 90 days; a card's answers alternate
    /// multiple choice and typed. `choiceRight` and `typedRight` (in 100) are how often each is right.
    static func learner(in folder: URL, name: String, choiceRight: UInt64, typedRight: UInt64) throws {
        let store = try ProgressStore(folder: folder.appendingPathComponent("Progress"), learner: name)
        defer { try? store.close() }
        let scheduler = try store.settings.makeScheduler()
        var rng = SplitMix64(seed: 21)
        let start = Date(timeIntervalSince1970: 1_772_409_600)  // 2026-03-02T00:00:00Z
        var records: [ReviewRecord] = []
        var states: [CardKey: CardState] = [:]
        var answers: [(Date, CardKey, Int)] = []
        for c in 0..<300 {
            var day = Double(c % 3)
            var n = 0
            while day < 90 {
                answers.append(
                    (
                        start.addingTimeInterval(day * 86_400 + 9 * 3600 + Double(c) * 7),
                        CardKey(deck: "d", entry: EntryID("e\(c)"), facet: .recognize), n
                    ))
                day += Double(2 + Int(rng.next() % 2))
                n += 1
            }
        }
        answers.sort { $0.0 < $1.0 }
        for (time, key, n) in answers {
            let format: QuestionFormat = n % 2 == 0 ? .choiceTerm : .typed
            let right = rng.next() % 100 < (format == .typed ? typedRight : choiceRight)
            let state = states[key] ?? .new
            let after = scheduler.review(state, rating: right ? .good : .again, at: time, card: key)
            states[key] = after
            records.append(
                ReviewRecord(
                    seq: 0, time: time, card: key, format: format, correct: right, rating: right ? .good : .again,
                    responseMs: 4000, before: state, after: after))
        }
        _ = try store.appendAll(records)
    }

    func lines(_ output: String) -> [String] { output.split(separator: "\n").map(String.init) }

    @Test func evaluateReportsEachFormatAndOptimizeKeepsOffsetsThatHelp() throws {
        let folder = try BinaryRunner.projectFolder()
        try Self.learner(in: folder, name: "ann", choiceRight: 97, typedRight: 55)
        let evaluated = try BinaryRunner.run(["evaluate", "--learner", "ann"], in: folder)
        #expect(evaluated.status == 0, "\(evaluated.stderr)")
        let out = lines(evaluated.stdout)
        let header = try #require(out.firstIndex(of: "by question format (in-sample):"))
        #expect(out[header + 1] == "  format             answers  log loss  RMSE(bins)  predicted  recalled")
        let choice = out[header + 2].split(separator: " ").map(String.init)
        let typed = out[header + 3].split(separator: " ").map(String.init)
        #expect(choice.first == "choice-term" && typed.first == "typed")
        #expect(out.count == header + 4)  // no offsets yet
        // Typed is recalled far less often than choice, whatever FSRS predicted.
        let recalled = { (row: [String]) in Double(row[5]) ?? -1 }
        #expect(recalled(choice) > 0.9 && recalled(typed) < 0.65)
        let items = out.first { $0.hasPrefix("ann's history: ") }.flatMap { $0.split(separator: " ").dropLast().last }
        #expect((Int(choice[1]) ?? 0) + (Int(typed[1]) ?? 0) == items.flatMap { Int($0) })

        let optimized = try BinaryRunner.run(["optimize", "--learner", "ann", "--apply"], in: folder)
        #expect(optimized.status == 0, "\(optimized.stderr)")
        let offsetLine = try #require(lines(optimized.stdout).first { $0.hasPrefix("per-format offsets ") })
        #expect(offsetLine.hasPrefix("per-format offsets lower log loss "))
        #expect(offsetLine.hasSuffix(" (out of sample): kept"))
        let figures = offsetLine.split(separator: " ").compactMap { Double($0) }
        #expect(figures.count == 2 && figures[1] < figures[0])
        let snapshot =
            try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("Progress/ann.json")))
            as? [String: Any]
        let offsets = (snapshot?["settings"] as? [String: Any])?["formatOffsets"] as? [String: Double]
        #expect(offsets.map { Set($0.keys) } == ["choice-term", "typed"])
        #expect((offsets?["choice-term"] ?? 0) > (offsets?["typed"] ?? 0))

        let again = try BinaryRunner.run(["evaluate", "--learner", "ann"], in: folder)
        #expect(again.stdout.contains("\n  with your per-format offsets  log loss "))
    }

    @Test func offsetsThatDoNotHelpAreNotKept() throws {
        let folder = try BinaryRunner.projectFolder()
        // Every format alike: any offset fitted on the past is noise for the future.
        try Self.learner(in: folder, name: "bo", choiceRight: 90, typedRight: 90)
        let optimized = try BinaryRunner.run(["optimize", "--learner", "bo", "--apply"], in: folder)
        #expect(optimized.status == 0, "\(optimized.stderr)")
        let offsetLine = lines(optimized.stdout).first { $0.hasPrefix("per-format offsets ") }
        #expect(offsetLine?.hasSuffix(": not kept") == true, "\(optimized.stdout)")
        let snapshot =
            try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("Progress/bo.json")))
            as? [String: Any]
        let offsets = (snapshot?["settings"] as? [String: Any])?["formatOffsets"] as? [String: Double]
        #expect(offsets == nil || offsets == [:])
    }
}
