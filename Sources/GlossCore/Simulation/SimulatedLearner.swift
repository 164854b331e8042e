import Foundation

/// A learner made of ``LearnerModel``: answers real questions from a ground-truth memory.
///
/// ```swift
/// var learner = SimulatedLearner(model: LearnerModel())
/// let answer = learner.answer(question, term: "Deepfake", at: now, using: &rng)
/// answer.input     // "2", "Deepfake", "1c 2a 3d 4b" or "" (does not know)
/// ```
public struct SimulatedLearner: Sendable {
    public let model: LearnerModel
    let constants: FSRSConstants
    /// The true memory of every card the learner has seen.
    public private(set) var memory: [CardKey: TrueMemory] = [:]

    /// What the learner typed and how long it took.
    public struct Answer: Hashable, Sendable {
        public var input: String
        public var seconds: Double
        /// Whether the learner really produced (not recognised or guessed) the asked answer.
        public var produced: Bool
    }

    public init(model: LearnerModel) {
        self.model = model
        self.constants = FSRSConstants(w: model.parameters, desiredRetention: 0.9)
    }

    /// Probability of producing `key`'s answer at `now` (0 for a card never seen).
    public func productionRecall(of key: CardKey, at now: Date) -> Double {
        memory[key]?.recall(at: now, constants) ?? 0
    }

    /// Probability of recognising `key`'s answer among options at `now`.
    public func recognitionRecall(of key: CardKey, at now: Date) -> Double {
        memory[key]?.recall(at: now, constants, stabilityFactor: model.recognitionStabilityFactor) ?? 0
    }

    /// The learner sees `key`'s content without being asked (a sibling's text, a presentation).
    public mutating func saw(_ key: CardKey, at now: Date) {
        expose(key, .hard, at: now)
    }

    /// Answers `question` at `now`; the memory of every card it practises is updated.
    public mutating func answer(
        _ question: Question, term: String, at now: Date, using rng: inout some RandomNumberGenerator
    ) -> Answer {
        let key = question.card
        switch question.format {
        case .typed, .cloze, .nameRelated, .flashcard:
            let produced = Double.random(in: 0..<1, using: &rng) < productionRecall(of: key, at: now)
            expose(key, produced ? .good : .again, at: now)
            let answer = question.format == .typed ? term : question.accepted.first ?? term
            let input = question.format == .flashcard ? "" : (produced ? answer : "")
            return Answer(input: input, seconds: seconds(question.format, knew: produced, &rng), produced: produced)
        case .choiceTerm, .choiceDefinition, .relatedChoice, .oddOneOut:
            let (rating, knows) = retrieve(key, at: now, &rng)
            expose(key, rating, at: now)
            let right = question.correct.first ?? 0
            let pick = knows ? right : Int.random(in: 0..<max(1, question.options.count), using: &rng)
            return Answer(
                input: String(pick + 1), seconds: seconds(question.format, knew: knows, &rng), produced: rating == .good)
        case .matching:
            var letters = Array(repeating: -1, count: question.terms.count)
            var producedAsked = false
            var knewAsked = false
            for (t, entry) in question.termEntries.enumerated() {
                let pair = CardKey(deck: key.deck, entry: entry, facet: .recall)
                let (rating, knows) = retrieve(pair, at: now, &rng)
                expose(pair, rating, at: now)
                if knows, question.correct.indices.contains(t) { letters[t] = question.correct[t] }
                if entry == key.entry {
                    producedAsked = rating == .good
                    knewAsked = knows
                }
            }
            var free = Array(Set(0..<question.options.count).subtracting(letters)).sorted()
            free.shuffle(using: &rng)
            for t in letters.indices where letters[t] < 0 { letters[t] = free.popLast() ?? 0 }
            let input = letters.enumerated().map { "\($0.offset + 1)\(Question.letter($0.element))" }.joined(separator: " ")
            return Answer(input: input, seconds: seconds(.matching, knew: knewAsked, &rng), produced: producedAsked)
        }
    }

    /// Produced (good), only recognised (hard) or neither (again, the learner guesses).
    private func retrieve(_ key: CardKey, at now: Date, _ rng: inout some RandomNumberGenerator) -> (Rating, Bool) {
        let u = Double.random(in: 0..<1, using: &rng)
        if u < productionRecall(of: key, at: now) { return (.good, true) }
        if u < recognitionRecall(of: key, at: now) { return (.hard, true) }
        return (.again, false)
    }

    private mutating func expose(_ key: CardKey, _ rating: Rating, at now: Date) {
        memory[key] = memory[key]?.exposed(rating, at: now, constants) ?? TrueMemory.first(rating, at: now, constants)
    }

    private func seconds(_ format: QuestionFormat, knew: Bool, _ rng: inout some RandomNumberGenerator) -> Double {
        let normal = Self.standardNormal(&rng)
        return model.medianSeconds(for: format) * exp(model.answerTimeSpread * normal) * (knew ? 1 : 1.5)
    }

    /// A standard normal draw (Box–Muller).
    static func standardNormal(_ rng: inout some RandomNumberGenerator) -> Double {
        let u1 = Double.random(in: Double.leastNonzeroMagnitude..<1, using: &rng)
        let u2 = Double.random(in: 0..<1, using: &rng)
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }
}
