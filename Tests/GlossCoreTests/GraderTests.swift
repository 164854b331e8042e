import Testing

@testable import GlossCore

@Suite struct GraderTests {
    let grader = Grader(policy: .plain)

    @Test(
        "ratings",
        arguments: [
            // outcome, format, hints, seconds, stability before → rating (plain policy, no history)
            (AnswerOutcome.right(slip: false), QuestionFormat.choiceTerm, 0, 5.0, nil as Double?, Rating?.some(.good)),
            (.right(slip: false), .choiceTerm, 0, 20.0, nil, .good),  // 20 s is not over 20 s
            (.right(slip: false), .choiceTerm, 0, 20.5, nil, .hard),  // slow choice
            (.right(slip: false), .typed, 0, 25.0, 3.0, .good),  // typed gets 30 s
            (.right(slip: false), .typed, 0, 31.0, 3.0, .hard),
            (.right(slip: false), .matching, 0, 59.0, nil, .good),
            (.right(slip: false), .matching, 0, 61.0, nil, .hard),
            (.right(slip: true), .typed, 0, 3.0, 30.0, .hard),  // slip
            (.right(slip: false), .choiceTerm, 1, 3.0, nil, .hard),  // hint
            (.right(slip: false), .typed, 0, 2.0, 30.0, .good),  // fast and stable: still never easy
            (.right(slip: false), .choiceTerm, 0, 2.0, 30.0, .good),
            (.wrong, .typed, 0, 2.0, 30.0, .again),
            (.confused(with: "x"), .choiceTerm, 0, 2.0, nil, .again),
            (.partlyRight(right: 2, of: 4, confusions: []), .matching, 0, 10.0, nil, .again),
            (.gaveUp, .typed, 0, 2.0, nil, .again),
            (.empty, .typed, 0, 2.0, nil, .again),
            (.hintRequested, .typed, 0, 2.0, nil, nil),
            (.unreadable("x"), .choiceTerm, 0, 2.0, nil, nil),
            (.right(slip: false), .flashcard, 0, 2.0, nil, nil),  // self-rated
        ])
    func rating(
        outcome: AnswerOutcome, format: QuestionFormat, hints: Int, seconds: Double, stability: Double?, expected: Rating?
    ) {
        #expect(
            grader.rating(for: outcome, format: format, hintsUsed: hints, responseSeconds: seconds, stabilityBefore: stability)
                == expected)
    }

    @Test func underTheProductionPolicyOnlyProducedAnswersAreGood() {
        let production = Grader(policy: .production)
        for format in QuestionFormat.allCases where format != .flashcard {
            let rating = production.rating(
                for: .right(slip: false), format: format, hintsUsed: 0, responseSeconds: 3, stabilityBefore: 10)
            #expect(rating == (format.isProduction ? .good : .hard), "\(format)")
        }
    }

    @Test func slowIsJudgedAgainstTheLearnersOwnMedian() {
        var times = ResponseTimes()
        for seconds in [3.0, 4, 4, 5, 5, 5, 6, 6, 7, 8] { times.add(seconds, format: .choiceTerm) }
        #expect(times.median(for: .choiceTerm) == 5)
        #expect(times.slowSeconds(for: .choiceTerm) == 10)
        #expect(times.median(for: .typed) == nil)
        #expect(times.slowSeconds(for: .typed) == 30)  // too few typed answers: the fixed bound
        let grader = Grader(policy: .plain, times: times)
        #expect(
            grader.rating(for: .right(slip: false), format: .choiceTerm, hintsUsed: 0, responseSeconds: 11, stabilityBefore: 3)
                == .hard)
        #expect(
            grader.rating(for: .right(slip: false), format: .choiceTerm, hintsUsed: 0, responseSeconds: 9, stabilityBefore: 3)
                == .good)
        // A quick reader is not slow under the floor.
        var quick = ResponseTimes()
        for _ in 0..<10 { quick.add(1, format: .typed) }
        #expect(quick.slowSeconds(for: .typed) == ResponseTimes.slowFloor)
    }

    @Test func matchingGradesTheAskedCardOnItsOwnPair() {
        let card = CardKey(deck: "d", entry: "a", facet: .recall)
        let others = AnswerOutcome.partlyRight(
            right: 2, of: 4, confusions: [MatchingConfusion(asked: "b", picked: "c"), MatchingConfusion(asked: "c", picked: "b")])
        #expect(StudyStep.askedOutcome(others, card: card) == .right(slip: false))
        let own = AnswerOutcome.partlyRight(
            right: 2, of: 4, confusions: [MatchingConfusion(asked: "a", picked: "b"), MatchingConfusion(asked: "b", picked: "a")])
        #expect(StudyStep.askedOutcome(own, card: card) == .confused(with: "b"))
    }

    @Test(
        "override keys",
        arguments: [
            ("1", Rating?.some(.again)), ("2", .hard), ("3", .good), ("4", .easy),
            ("a", .again), ("H", .hard), ("g", .good), ("e", .easy), ("5", nil), ("", nil), ("x", nil),
        ])
    func overrideKey(key: String, expected: Rating?) {
        #expect(Grader.rating(forKey: key) == expected)
    }
}
