import Testing

@testable import GlossCore

@Suite struct GraderTests {
    let grader = Grader(typedRecallThreshold: 7)

    @Test(
        "ratings",
        arguments: [
            // outcome, format, hints, seconds, stability before → rating
            (AnswerOutcome.right(slip: false), QuestionFormat.choiceTerm, 0, 5.0, nil as Double?, Rating?.some(.good)),
            (.right(slip: false), .choiceTerm, 0, 20.0, nil, .good),  // 20 s is not over 20 s
            (.right(slip: false), .choiceTerm, 0, 20.5, nil, .hard),  // slow choice
            (.right(slip: false), .typed, 0, 25.0, 3.0, .good),  // typed gets 30 s
            (.right(slip: false), .typed, 0, 31.0, 3.0, .hard),
            (.right(slip: false), .matching, 0, 59.0, nil, .good),
            (.right(slip: false), .matching, 0, 61.0, nil, .hard),
            (.right(slip: true), .typed, 0, 3.0, 30.0, .hard),  // slip
            (.right(slip: false), .choiceTerm, 1, 3.0, nil, .hard),  // hint
            (.right(slip: false), .typed, 0, 5.0, 7.0, .easy),  // typed, fast, stable
            (.right(slip: false), .typed, 0, 8.0, 30.0, .good),  // not under 8 s
            (.right(slip: false), .typed, 0, 5.0, 6.9, .good),  // not yet stable
            (.right(slip: false), .typed, 0, 5.0, nil, .good),  // new card
            (.right(slip: false), .choiceTerm, 0, 2.0, 30.0, .good),  // choices are never easy
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

    @Test func thresholdComesFromSettings() {
        var settings = LearnerSettings()
        settings.typedRecallThreshold = 21
        let strict = Grader(typedRecallThreshold: settings.typedRecallThreshold)
        #expect(
            strict.rating(for: .right(slip: false), format: .typed, hintsUsed: 0, responseSeconds: 3, stabilityBefore: 10)
                == .good)
        #expect(
            strict.rating(for: .right(slip: false), format: .typed, hintsUsed: 0, responseSeconds: 3, stabilityBefore: 21)
                == .easy)
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
