import Foundation
import Testing

@testable import GlossCore

@Suite struct AnswerMatcherTests {
    let index = QuestionIndex(deck: QuestionTestDecks.small)
    var matcher: AnswerMatcher { AnswerMatcher(index: index) }

    func question(_ entry: EntryID, _ facet: Facet, _ format: QuestionFormat) throws -> Question {
        var rng = SplitMix64(seed: 7)
        return try QuestionGenerator(index: index).question(
            for: CardKey(deck: "safety", entry: entry, facet: facet), format: format, using: &rng)
    }

    @Test(
        "typed answers",
        arguments: [
            ("Mesa-Optimization", AnswerOutcome.right(slip: false)),
            ("  mesa   OPTIMIZATION ", .right(slip: false)),
            ("mesa optimisation", .right(slip: false)),  // alias
            ("Mésa-Optimizatión", .right(slip: false)),  // diacritics
            ("mesa optimiztion", .right(slip: true)),  // one deletion
            ("mesa optimziation", .right(slip: true)),  // transposition
            ("mesaoptimization", .right(slip: true)),  // missing space
            ("mesa", .wrong),
            ("Inner Alignment", .confused(with: "inner-alignment")),
            ("reward gaming", .confused(with: "reward-hacking")),  // another entry's alias
            ("Iner Alignment", .confused(with: "inner-alignment")),  // typo of another entry
            ("", .empty),
            ("?", .hintRequested),
            (" ! ", .gaveUp),
            ("zzz", .wrong),
        ])
    func typed(input: String, expected: AnswerOutcome) throws {
        #expect(matcher.match(input, to: try question("mesa-optimization", .recognize, .typed)) == expected)
    }

    @Test func acronymAndFullNameBothAccepted() throws {
        let q = try question("rlhf", .recognize, .typed)
        #expect(matcher.match("RLHF", to: q) == .right(slip: false))
        #expect(matcher.match("reinforcement learning from human feedback", to: q) == .right(slip: false))
        #expect(matcher.match("RLFH", to: q) == .wrong)  // no slip in a word of four letters
        #expect(matcher.match("RLXY", to: q) == .wrong)
    }

    @Test(
        "choice answers: options are b) Mesa-Optimization, a) Deceptive Alignment",
        arguments: [
            ("2", AnswerOutcome.right(slip: false)),
            ("b", .right(slip: false)),
            ("B)", .right(slip: false)),
            ("mesa-optimization", .right(slip: false)),
            ("Mesa Optimizaton", .right(slip: false)),
            ("1", .confused(with: "deceptive-alignment")),
            ("a", .confused(with: "deceptive-alignment")),
            ("reward hacking", .confused(with: "reward-hacking")),
            ("5", .unreadable("answer with 1–4, a–d or the text of an option")),
            ("e", .unreadable("answer with 1–4, a–d or the text of an option")),
            ("?", .hintRequested),
            ("!", .gaveUp),
            ("", .empty),
        ])
    func choice(input: String, expected: AnswerOutcome) throws {
        #expect(matcher.match(input, to: try question("mesa-optimization", .recognize, .choiceTerm)) == expected)
    }

    @Test func oddOneOutWrongPickIsNotAConfusion() throws {
        let q = try question("reward-hacking", .relate, .oddOneOut)
        #expect(matcher.match("d", to: q) == .right(slip: false))
        #expect(matcher.match("a", to: q) == .wrong)
    }

    /// Issue 20: "picked RLHF for Overfitting 30 times" came from related-term questions.
    @Test func relatedTermWrongPickIsNotAConfusion() throws {
        let q = try question("mesa-optimization", .relate, .relatedChoice)
        let wrong = try #require(q.options.indices.first { !q.correct.contains($0) })
        #expect(q.optionEntries.indices.contains(wrong))
        #expect(matcher.match(String(wrong + 1), to: q) == .wrong)
        // A term-to-definition pick of another entry's definition still is one.
        let d = try #require(
            QuestionTestDecks.small.entries.lazy.compactMap { try? self.question($0.id, .recall, .choiceDefinition) }.first)
        let other = try #require(d.options.indices.first { !d.correct.contains($0) })
        #expect(matcher.match(String(other + 1), to: d) == .confused(with: d.optionEntries[other]))
    }

    @Test(
        "only entry-name questions count a journal's confusion",
        arguments: [
            (QuestionFormat.choiceTerm, true), (.choiceDefinition, true), (.typed, true), (.matching, true),
            (.relatedChoice, false), (.oddOneOut, false), (.nameRelated, false), (.cloze, false),
        ])
    func recordedConfusionsCountByFormat(format: QuestionFormat, counts: Bool) {
        let record = ReviewRecord(
            seq: 1, time: Date(timeIntervalSince1970: 0), card: CardKey(deck: "d", entry: "a", facet: .relate),
            format: format, correct: false, rating: .again, confusedWith: "b")
        #expect(record.confusion == (counts ? "b" : nil))
        var tally = StatsTally(clock: DayClock(timeZone: TimeZone(identifier: "UTC") ?? .current))
        tally.add(record)
        #expect(tally.confusions.counts.values.reduce(0, +) == (counts ? 1 : 0))
    }

    @Test(
        "matching answers: right is 1b 2a 3c 4d",
        arguments: [
            ("1b 2a 3c 4d", AnswerOutcome.right(slip: false)),
            ("4d 3c 2a 1b", .right(slip: false)),
            ("1B,2A, 3c 4-d", .right(slip: false)),
            ("bacd", .right(slip: false)),
            (
                "1a 2b 3c 4d",
                .partlyRight(
                    right: 2, of: 4,
                    confusions: [
                        MatchingConfusion(asked: "deceptive-alignment", picked: "mesa-optimization"),
                        MatchingConfusion(asked: "mesa-optimization", picked: "deceptive-alignment"),
                    ])
            ),
            ("1b 2b 3c 4d", .unreadable("pair each term 1–4 with a definition a–d, e.g. 1b 2c 3d 4a")),
            ("1b 2a 3c", .unreadable("pair each term 1–4 with a definition a–d, e.g. 1b 2c 3d 4a")),
            ("1e 2a 3c 4d", .unreadable("pair each term 1–4 with a definition a–d, e.g. 1b 2c 3d 4a")),
        ])
    func matching(input: String, expected: AnswerOutcome) throws {
        #expect(matcher.match(input, to: try question("mesa-optimization", .recall, .matching)) == expected)
    }

    @Test("typo bound scales with length", arguments: [(3, 0), (4, 1), (7, 1), (8, 2), (14, 2), (15, 3)])
    func bound(length: Int, slips: Int) {
        #expect(DamerauLevenshtein.allowedSlips(forLength: length) == slips)
    }

    @Test(
        "Damerau–Levenshtein distance",
        arguments: [
            ("", "abc", 3), ("abc", "abc", 0), ("abc", "acb", 1), ("kitten", "sitting", 3), ("ca", "abc", 3), ("é", "e", 1),
        ])
    func distance(a: String, b: String, expected: Int) {
        #expect(DamerauLevenshtein.distance(a, b) == expected)
        #expect(DamerauLevenshtein.distance(b, a) == expected)
    }
}
