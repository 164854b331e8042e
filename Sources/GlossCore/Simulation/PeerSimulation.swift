import Foundation

/// The same learner under a plain py-fsrs policy: one card per entry (term → definition,
/// answered from memory and rated honestly Again or Good), each shown only once due at its
/// time, default FSRS-6 parameters and steps, the same new cards per day.
///
/// ```swift
/// let peer = PeerSimulation(StudySimulation(deck: SimulationDeck.make(entries: 100))).run()
/// ```
public struct PeerSimulation: Sendable {
    public var simulation: StudySimulation
    /// A learning card due within this long is waited for at the end of a session (Anki's learn-ahead).
    public var learnAhead: TimeInterval = 1200

    public init(_ simulation: StudySimulation) { self.simulation = simulation }

    public func run() -> EfficiencyReport {
        var settings = simulation.settings
        // py-fsrs's own steps, whatever gloss's defaults (gloss has no relearning steps).
        settings.learningSteps = Replay.pyFSRSLearningSteps
        settings.relearningSteps = Replay.pyFSRSRelearningSteps
        let scheduler = (try? FSRSScheduler(settings: settings)) ?? FSRSScheduler()
        let clock = DayClock(timeZone: simulation.timeZone, rolloverHour: settings.rolloverHour)
        let keys = simulation.deck.entries.map { CardKey(deck: simulation.deck.id, entry: $0.id, facet: .recall) }
        var learner = SimulatedLearner(model: simulation.model)
        var states: [CardKey: CardState] = [:]
        var nextNew = 0
        var answers = 0
        var reviewAnswers = 0
        var shortTerm = 0
        var rng = SplitMix64(seed: simulation.seed)
        for day in 0..<simulation.days {
            var now = simulation.sessionStart(day: day, using: &rng)
            var newLeft = settings.newPerDay
            while true {
                let due = keys.compactMap { key in states[key].flatMap(\.due).map { (key, $0) } }
                    .filter { $0.1 <= now }.min { $0.1 < $1.1 }
                let key: CardKey
                if let due {
                    key = due.0
                } else if newLeft > 0, nextNew < keys.count {
                    key = keys[nextNew]
                    nextNew += 1
                    newLeft -= 1
                } else if let soon = keys.compactMap({ k in states[k].flatMap { s in s.phase == .review ? nil : s.due } })
                    .filter({ $0 <= now.addingTimeInterval(learnAhead) }).min()
                {
                    now = max(now, soon)
                    continue
                } else {
                    break
                }
                let state = states[key] ?? .new
                let question = Question(card: key, format: .flashcard, prompt: "")
                let answer = learner.answer(question, term: "", at: now, using: &rng)
                now = now.addingTimeInterval(answer.seconds)
                answers += 1
                if state.phase == .review, let last = state.lastReview {
                    reviewAnswers += 1
                    if clock.days(from: last, to: now) >= 1, scheduler.elapsedDays(from: last, to: now) < 1 { shortTerm += 1 }
                }
                states[key] = scheduler.review(state, rating: answer.produced ? .good : .again, at: now, card: key)
                now = now.addingTimeInterval(simulation.model.feedbackSeconds)
            }
        }
        let when = simulation.measuredAt
        let recall = keys.map { learner.productionRecall(of: $0, at: when) }.reduce(0, +) / Double(max(1, keys.count))
        return EfficiencyReport(
            policy: "py-fsrs plain (peer)", days: simulation.days, entries: keys.count, answers: answers,
            productionRecall: recall, sameDaySiblings: 0, nextDayShortTerm: shortTerm, reviewAnswers: reviewAnswers)
    }
}
