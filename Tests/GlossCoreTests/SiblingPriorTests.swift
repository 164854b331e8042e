import Foundation
import Testing

@testable import GlossCore

/// A new facet whose content a sibling in review already holds starts from that sibling's
/// memory; a lapse's feedback is its relearning step (docs/SCHEDULING.md).
@Suite struct SiblingPriorTests {
    let now = Date(timeIntervalSince1970: 1_767_258_000)
    let recall = CardKey(deck: "d", entry: "a", facet: .recall)

    func key(_ facet: Facet) -> CardKey { CardKey(deck: "d", entry: "a", facet: facet) }

    func review(stability: Double) -> CardState {
        CardState(phase: .review, stability: stability, difficulty: 5, due: now, lastReview: now - 86_400, reps: 2)
    }

    /// The first (presented) answer on the new recall card, right by choice.
    func firstAnswer(sibling: CardState?) -> StudyStep {
        StudyStep(
            question: Question(card: recall, format: .choiceDefinition, prompt: ""), outcome: .right(slip: false),
            hintsUsed: 0, responseSeconds: 4, state: .new, settings: LearnerSettings(), scheduler: FSRSScheduler(), at: now,
            presented: true, sibling: sibling)
    }

    @Test func aNewFacetStartsFromItsSiblingsStabilityAndInterval() throws {
        let step = firstAnswer(sibling: review(stability: 9))
        #expect(step.rating == .hard)
        #expect(step.after.phase == .review)
        #expect(step.after.stability == 9)
        let days = Double(FSRSScheduler().interval(stability: 9))
        #expect(days > 1)
        #expect(step.after.due == now + days * 86_400)
        // Its difficulty is its own: Hard's initial one, not the sibling's.
        #expect(step.after.difficulty == FSRS.initialDifficulty(.hard, w: LearnerSettings.defaultFSRSParameters))
    }

    @Test func withoutAStrongerSiblingTheFirstSightPriorStands() {
        let alone = firstAnswer(sibling: nil)
        #expect(alone.after.stability == FSRS.initialStability(.hard, w: LearnerSettings.defaultFSRSParameters))
        let weak = firstAnswer(sibling: review(stability: 0.5))
        #expect(weak.after.stability == alone.after.stability)
        #expect(weak.after.due == alone.after.due)
    }

    @Test func aWrongFirstAnswerTakesNoPrior() {
        let step = StudyStep(
            question: Question(card: recall, format: .choiceDefinition, prompt: ""), outcome: .wrong, hintsUsed: 0,
            responseSeconds: 4, state: .new, settings: LearnerSettings(), scheduler: FSRSScheduler(), at: now,
            presented: true, sibling: review(stability: 9))
        #expect(step.rating == .again)
        #expect(step.after.stability == FSRS.initialStability(.again, w: LearnerSettings.defaultFSRSParameters))
    }

    @Test func onlyContentSharingSiblingsInReviewGiveAPrior() {
        var states: [CardKey: CardState] = [key(.recognize): review(stability: 6), key(.relate): review(stability: 30)]
        #expect(SiblingEvidence.prior(for: key(.recall)) { states[$0] }?.stability == 6)
        // relate shares no content with recognize or recall: it neither gives nor takes a prior.
        #expect(SiblingEvidence.prior(for: key(.relate)) { states[$0] } == nil)
        states[key(.recall)] = review(stability: 20)
        #expect(SiblingEvidence.prior(for: key(.recognize)) { states[$0] }?.stability == 20)
        // A sibling still in its learning steps is no evidence yet.
        states[key(.recognize)] = CardState(phase: .learning, step: 0, stability: 3, difficulty: 5, due: now)
        #expect(SiblingEvidence.prior(for: key(.recall)) { states[$0] } == nil)
    }

    @Test func aLapseComesBackOnTheNextStudyDayWithoutRelearningSteps() throws {
        let settings = LearnerSettings()
        #expect(settings.relearningSteps.isEmpty)
        let scheduler = try FSRSScheduler(settings: settings)
        let step = StudyStep(
            question: Question(card: recall, format: .cloze, prompt: ""), outcome: .wrong, hintsUsed: 0, responseSeconds: 4,
            state: review(stability: 20), settings: settings, scheduler: scheduler, at: now)
        #expect(step.rating == .again)
        #expect(step.after.phase == .review)
        #expect(step.after.lapses == 1)
        #expect((step.after.due ?? now) >= now + 86_400)
        #expect((step.after.stability ?? 20) < 20)
    }
}
