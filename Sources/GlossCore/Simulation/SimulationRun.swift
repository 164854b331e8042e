import Foundation

/// The state of a ``StudySimulation`` between sessions: card states, the learner, counters.
struct SimulationRun {
    let simulation: StudySimulation
    let index: QuestionIndex
    let matcher: AnswerMatcher
    let scheduler: FSRSScheduler
    let clock: DayClock
    let keys: [CardKey]
    var states: [CardKey: CardState] = [:]
    var confusions = Confusions()
    var times = ResponseTimes()
    var learner: SimulatedLearner
    var answers = 0
    var reviewAnswers = 0
    var sameDaySiblings = 0
    var nextDayShortTerm = 0
    /// Review cards due per study day, for the load balancer.
    var load = DueLoad()
    var daily: [SimulatedDay] = []

    init(_ simulation: StudySimulation) {
        self.simulation = simulation
        index = QuestionIndex(deck: simulation.deck)
        matcher = AnswerMatcher(index: index)
        clock = DayClock(timeZone: simulation.timeZone, rolloverHour: simulation.settings.rolloverHour)
        scheduler = (try? FSRSScheduler(settings: simulation.settings, dayClock: clock)) ?? FSRSScheduler(dayClock: clock)
        keys = DeckCards.of(simulation.deck).map(\.key)
        learner = SimulatedLearner(model: simulation.model)
    }

    /// One session from `begin` until the queue is empty.
    mutating func session(at begin: Date, using rng: inout some RandomNumberGenerator, log: ((SimulatedReview) -> Void)?) {
        let settings = simulation.settings
        var now = begin
        var queue = StudyQueue(
            states: states, deckCards: keys, now: now, settings: settings, clock: clock, scheduler: scheduler)
        var answeredToday: [EntryID: Set<Facet>] = [:]
        var guardCount = 0
        var day = SimulatedDay()
        day.waitingReviews = queue.waitingReviews
        day.newPaused = queue.newPaused
        day.reviewLimit = queue.dailyReviewLimit
        day.usualLoad = queue.usualLoad
        day.weekday = clock.weekday(ofDay: clock.day(of: begin))
        defer { daily.append(day) }
        while let (key, kind) = queue.nextItem(at: now), guardCount < 10_000 {
            guardCount += 1
            guard let entry = index.deck.entry(key.entry) else { continue }
            let state = states[key] ?? .new
            let generator = QuestionGenerator(index: index, confusions: confusions)
            guard let question = try? generator.question(for: key, state: state, settings: settings, using: &rng) else {
                continue
            }
            let presented = settings.presentNew && Presentation.presents(state)
            if presented {
                let shown = Presentation.lines(for: entry, index: index)
                for card in keys where card.entry == key.entry && card.deck == key.deck {
                    if card.facet != .relate || shown.contains(where: { $0.hasPrefix("Related") }) { learner.saw(card, at: now) }
                }
                now = now.addingTimeInterval(simulation.model.presentationSeconds)
            }
            let answer = learner.answer(question, term: entry.term, at: now, using: &rng)
            now = now.addingTimeInterval(answer.seconds)
            let outcome = matcher.match(answer.input, to: question)
            let step = StudyStep(
                question: question, outcome: outcome, hintsUsed: 0, responseSeconds: answer.seconds, state: state,
                settings: settings, scheduler: scheduler, at: now, presented: presented, times: times,
                sibling: SiblingEvidence.prior(for: key) { states[$0] })
            times.add(answer.seconds, format: question.format)
            count(key, state: state, at: now, answeredToday: &answeredToday)
            day.answers += 1
            if kind == .review { day.reviews += 1 }
            // The same Core call the live study makes after its step.
            let after = LoadBalancer.balanced(
                step.after, before: state, rating: step.rating, card: key, at: now, scheduler: scheduler, load: load,
                settings: settings, clock: clock)
            load.moved(from: state, to: after, clock: clock)
            states[key] = after
            if let picked = step.confusedWith { confusions.record(deck: key.deck, asked: key.entry, picked: picked) }
            for mistake in step.otherMistakes { confusions.record(deck: key.deck, asked: mistake.asked, picked: mistake.picked) }
            log?(
                SimulatedReview(
                    time: now, card: key, format: question.format, rating: step.rating, before: state, after: after,
                    correct: step.asked.isRight, seconds: answer.seconds))
            let lines = Feedback.lines(for: question, outcome: outcome, input: answer.input, index: index)
            for sibling in shownSiblings(of: key, question: question, feedback: lines, entry: entry) {
                learner.saw(sibling, at: now)
            }
            now = now.addingTimeInterval(simulation.model.feedbackSeconds)
            queue.answered(key, state: after, at: now)
        }
    }

    private mutating func count(_ key: CardKey, state: CardState, at now: Date, answeredToday: inout [EntryID: Set<Facet>]) {
        answers += 1
        let facets = answeredToday[key.entry, default: []]
        if !facets.subtracting([key.facet]).isEmpty { sameDaySiblings += 1 }
        answeredToday[key.entry, default: []].insert(key.facet)
        if state.phase == .review, let last = state.lastReview {
            reviewAnswers += 1
            if clock.days(from: last, to: now) >= 1, scheduler.elapsedDays(from: last, to: now) < 1 {
                nextDayShortTerm += 1
            }
        }
    }

    /// The asked card's siblings whose content the question or its feedback showed:
    /// term and definition together teach both directions, related terms teach `relate`.
    private func shownSiblings(of key: CardKey, question: Question, feedback: [String], entry: Entry) -> [CardKey] {
        let text = ([question.prompt] + question.options + feedback).joined(separator: "\n")
        let termAndDefinition = text.contains(entry.term) && text.contains(entry.definition)
        let relatedShown = key.facet == .relate || feedback.contains { $0.hasPrefix("Related") }
        return keys.filter { other in
            guard other.entry == key.entry, other.deck == key.deck, other.facet != key.facet else { return false }
            switch other.facet {
            case .recognize, .recall: return termAndDefinition
            case .relate: return relatedShown
            }
        }
    }

    func report(policy: String, at when: Date) -> EfficiencyReport {
        var byEntry: [EntryID: [Double]] = [:]
        for key in keys { byEntry[key.entry, default: []].append(learner.productionRecall(of: key, at: when)) }
        let perEntry = simulation.deck.entries.map { entry -> Double in
            let values = byEntry[entry.id] ?? []
            return values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
        }
        let recall = perEntry.isEmpty ? 0 : perEntry.reduce(0, +) / Double(perEntry.count)
        return EfficiencyReport(
            policy: policy, days: simulation.days, entries: simulation.deck.entries.count, answers: answers,
            productionRecall: recall, sameDaySiblings: sameDaySiblings, nextDayShortTerm: nextDayShortTerm,
            reviewAnswers: reviewAnswers, daily: daily)
    }
}
