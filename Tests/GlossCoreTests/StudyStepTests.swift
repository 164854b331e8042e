import Foundation
import Testing

@testable import GlossCore

@Suite struct StudyStepTests {
    let now = Date(timeIntervalSince1970: 1_767_258_000)
    let card = CardKey(deck: "d", entry: "a", facet: .recall)
    var review: CardState {
        CardState(phase: .review, stability: 12, difficulty: 5, due: now, lastReview: now - 12 * 86_400, reps: 3)
    }

    func step(_ outcome: AnswerOutcome, _ format: QuestionFormat, policy: GradingPolicy) -> StudyStep {
        var settings = LearnerSettings()
        settings.grading = policy
        return StudyStep(
            question: Question(card: card, format: format, prompt: ""), outcome: outcome, hintsUsed: 0, responseSeconds: 4,
            state: review, settings: settings, scheduler: FSRSScheduler(), at: now)
    }

    @Test func anotherPairsMistakeIsPracticeOfThatEntryNotAConfusionOfTheAskedCard() {
        let outcome = AnswerOutcome.partlyRight(
            right: 2, of: 4,
            confusions: [MatchingConfusion(asked: "b", picked: "a"), MatchingConfusion(asked: "a2", picked: "b")])
        let s = step(outcome, .matching, policy: .plain)
        #expect(s.rating == .good)
        #expect(s.confusedWith == nil)
        #expect(s.otherMistakes.map(\.asked) == ["b", "a2"])
        #expect(s.after.phase == .review)
    }

    @Test func cappedPolicyKeepsRecognitionIntervalsAtTheThreshold() {
        let capped = step(.right(slip: false), .choiceTerm, policy: .capped)
        #expect(capped.rating == .good)
        let threshold = LearnerSettings().typedRecallThreshold * 86_400
        #expect(capped.after.due == now + threshold)
        let plain = step(.right(slip: false), .choiceTerm, policy: .plain)
        #expect((plain.after.due ?? now) > now + threshold)
        let typed = step(.right(slip: false), .typed, policy: .capped)
        #expect(typed.after.due == plain.after.due)
    }

    @Test func aRightPickInLearningMovesTheStepsOnUnderTheProductionPolicy() {
        var settings = LearnerSettings()
        settings.grading = .production
        let learning = CardState(phase: .learning, step: 1, stability: 2, difficulty: 5, due: now, lastReview: now - 600, reps: 1)
        let s = StudyStep(
            question: Question(card: card, format: .choiceDefinition, prompt: ""), outcome: .right(slip: false), hintsUsed: 0,
            responseSeconds: 4, state: learning, settings: settings, scheduler: FSRSScheduler(), at: now)
        #expect(s.rating == .hard)
        #expect(s.after.phase == .review)  // graduated, as a right answer does
        let hard = FSRSScheduler().review(learning, rating: .hard, at: now, fuzzSeed: 0)
        #expect(s.after.stability == hard.stability)
    }
}
