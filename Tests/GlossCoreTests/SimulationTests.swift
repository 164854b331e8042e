import Foundation
import Testing

@testable import GlossCore

@Suite struct SimulationTests {
    let deck = SimulationDeck.make(entries: 30)
    let now = Date(timeIntervalSince1970: 1_767_258_000)

    func card(_ i: Int, _ facet: Facet) -> CardKey { CardKey(deck: deck.id, entry: EntryID("e\(i)"), facet: facet) }

    func choice(_ i: Int) throws -> Question {
        var rng = SplitMix64(seed: 3)
        return try QuestionGenerator(index: QuestionIndex(deck: deck)).question(
            for: card(i, .recognize), format: .choiceTerm, using: &rng)
    }

    @Test func aNeverSeenCardIsGuessedWithChanceOneInOptions() throws {
        var rng = SplitMix64(seed: 11)
        var right = 0
        let trials = 4000
        let questions = try (0..<20).map(choice)
        let matcher = AnswerMatcher(index: QuestionIndex(deck: deck))
        for trial in 0..<trials {
            let question = questions[trial % 20]
            var learner = SimulatedLearner(model: LearnerModel())
            let answer = learner.answer(question, term: "", at: now, using: &rng)
            if matcher.match(answer.input, to: question).isRight { right += 1 }
            #expect(!answer.produced)
        }
        let rate = Double(right) / Double(trials)
        #expect(abs(rate - 0.25) < 0.03, "guessed right \(rate)")
    }

    @Test func recognitionIsEasierThanRecallAndBothFade() {
        var learner = SimulatedLearner(model: LearnerModel())
        let key = card(1, .recall)
        #expect(learner.productionRecall(of: key, at: now) == 0)
        learner.saw(key, at: now)
        let later = now.addingTimeInterval(3 * 86_400)
        let produce = learner.productionRecall(of: key, at: later)
        let recognise = learner.recognitionRecall(of: key, at: later)
        #expect(produce > 0 && produce < 1)
        #expect(recognise > produce)
        #expect(learner.productionRecall(of: key, at: later.addingTimeInterval(86_400)) < produce)
    }

    @Test func answerTimesFollowTheFormatMedian() throws {
        var rng = SplitMix64(seed: 5)
        let question = try choice(2)
        let times = (0..<2001).map { _ in
            var learner = SimulatedLearner(model: LearnerModel())
            return learner.answer(question, term: "", at: now, using: &rng).seconds
        }.sorted()
        // Never seen: the learner does not know it, so the median is 1.5 × the format's median.
        #expect(abs(times[1000] - 1.5 * LearnerModel().medianSeconds(for: .choiceTerm)) < 1)
    }

    @Test func theClockMovesAndSessionsDriftAroundNine() {
        var reviews: [SimulatedReview] = []
        let simulation = StudySimulation(deck: deck, days: 10, seed: 2)
        let report = simulation.run { reviews.append($0) }
        #expect(report.answers == reviews.count)
        #expect(zip(reviews, reviews.dropFirst()).allSatisfy { $0.time < $1.time })
        let starts = Dictionary(grouping: reviews) { Int($0.time.timeIntervalSince(simulation.start) / 86_400) }
            .mapValues {
                $0.map { $0.time.timeIntervalSince(simulation.start).truncatingRemainder(dividingBy: 86_400) }.min() ?? 0
            }
        #expect(starts.count == 10)
        #expect(starts.values.allSatisfy { $0 > 8.5 * 3600 && $0 < 9.6 * 3600 })
        #expect(Set(starts.values.map { Int($0 / 60) }).count > 5, "sessions start at different minutes")
    }

    @Test func theSameSeedGivesTheSameReport() {
        let a = StudySimulation(deck: deck, days: 15, seed: 9).run()
        let b = StudySimulation(deck: deck, days: 15, seed: 9).run()
        #expect(a == b)
        #expect(a.answers > 0 && a.productionRecall > 0.5)
    }
}

@Suite struct FirstExposureTests {
    let index = QuestionIndex(deck: SimulationDeck.make(entries: 10))
    let now = Date(timeIntervalSince1970: 1_767_258_000)
    let fsrs = FSRSScheduler()

    func step(_ outcome: AnswerOutcome, presented: Bool) throws -> StudyStep {
        var rng = SplitMix64(seed: 1)
        let key = CardKey(deck: index.deck.id, entry: "e1", facet: .recognize)
        let question = try QuestionGenerator(index: index).question(for: key, format: .choiceTerm, using: &rng)
        var settings = LearnerSettings()
        settings.grading = .plain  // a right pick is Good unless it follows the presentation
        return StudyStep(
            question: question, outcome: outcome, hintsUsed: 0, responseSeconds: 5, state: .new, settings: settings,
            scheduler: fsrs, at: now, presented: presented)
    }

    @Test func aRightFirstAnswerAfterThePresentationIsNotRecall() throws {
        let presented = try step(.right(slip: false), presented: true)
        let w = LearnerSettings.defaultFSRSParameters
        #expect(presented.rating == .hard)
        #expect(presented.after.difficulty == FSRS.initialDifficulty(.hard, w: w))
        #expect(presented.after.stability == FSRS.initialStability(.hard, w: w))
        // The presentation was the first learning step and this answer the second: it graduates,
        // with the interval of the Hard memory (1 day), where Hard would repeat a step.
        #expect(presented.after.phase == .review)
        #expect(presented.after.due == now.addingTimeInterval(86_400))
        let unpresented = try step(.right(slip: false), presented: false)
        #expect(unpresented.rating == .good)
        #expect((unpresented.after.difficulty ?? 0) < (presented.after.difficulty ?? 0))
    }

    @Test func aWrongFirstAnswerIsAgainEitherWay() throws {
        let wrong = try step(.wrong, presented: true)
        #expect(wrong.rating == .again)
        #expect(wrong.after.difficulty == FSRS.initialDifficulty(.again, w: LearnerSettings.defaultFSRSParameters))
    }

    @Test func thePresentationShowsTheWholeEntry() {
        let entry = index.deck.entries[1]
        let lines = Presentation.lines(for: entry, index: index)
        #expect(lines[0] == "New: \(entry.term)")
        #expect(lines[1] == entry.definition)
        #expect(lines.last?.hasPrefix("Related: ") == true)
    }
}
