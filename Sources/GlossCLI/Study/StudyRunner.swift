import Foundation
import GlossCore
import GlossStore

/// Asks questions one after another and records each answer before the next is shown.
///
/// The same loop serves `study` (answers move the schedule) and `quiz` (practice: logged,
/// counted in stats and confusions, schedule untouched).
final class StudyRunner {
    enum Mode: Equatable { case study, quiz }

    /// Why a session ended.
    enum Ending: Equatable { case finished, quit, endOfInput, interrupted, failed }

    private enum AskResult { case answered, skipped, undone(CardKey?), ended(Ending) }

    let session: Session
    let store: ProgressStore
    let reader: LineReader
    let mode: Mode
    private let scheduler: any Scheduler
    private let indexes: [DeckID: QuestionIndex]
    /// One answer matcher per deck: building one reads the deck's words.
    private let matchers: [DeckID: AnswerMatcher]
    private var rng: SplitMix64
    private(set) var summary: SessionSummary
    /// The last answer recorded in this session: for `u`, `e` and `show`.
    private var last: (record: ReviewRecord, term: String, wasNew: Bool)?
    private let startedClock = DispatchTime.now()
    /// When Ctrl-C last abandoned a question: a second one within a second ends the session.
    private var lastInterrupt: DispatchTime?
    /// The learner's recent answer times per format, for judging a slow answer.
    private var times = ResponseTimes()
    /// Every card's due date by study day, for the load balancer (made at the first answer;
    /// an undo or a re-rating makes it again).
    private var load: DueLoad?

    /// Ask every question in this format when the card allows it (quiz --format).
    private let forcedFormat: QuestionFormat?

    /// Classic flashcards for this session only (`study --flip`), whatever the setting says.
    private let flip: Bool

    init(
        session: Session, store: ProgressStore, reader: LineReader, decks: [Deck], mode: Mode,
        format: QuestionFormat? = nil, flip: Bool = false
    ) throws {
        self.forcedFormat = format
        self.flip = flip
        self.session = session
        self.store = store
        self.reader = reader
        self.mode = mode
        // The store derives each answer's state by the rules of this scheduler (its study days
        // in the session's time zone): what the session shows is what replay gives.
        store.timeZone = session.dayClock(store.settings).timeZone
        self.scheduler = try store.makeScheduler()
        let built = session.library.questionIndexes
        self.indexes = Dictionary(decks.map { ($0.id, built.index(for: $0)) }, uniquingKeysWith: { a, _ in a })
        self.matchers = indexes.mapValues(AnswerMatcher.init(index:))
        self.rng = SplitMix64(seed: session.seed)
        self.summary = SessionSummary(started: session.now())
        let recent = (try? store.records(since: session.now().addingTimeInterval(-14 * 86_400))) ?? []
        for record in recent {
            if let format = record.format { times.add(Double(record.responseMs) / 1000, format: format) }
        }
    }

    var console: Console { session.console }
    /// Time spent in the session: real time, or none under a fixed `--now` (reproducible runs).
    var elapsed: TimeInterval {
        session.isClockFixed ? 0 : Double(DispatchTime.now().uptimeNanoseconds - startedClock.uptimeNanoseconds) / 1e9
    }

    /// Asks cards from `plan` until it is empty or the learner stops.
    func run<Plan: StudyPlan>(plan: inout Plan, status: (Plan) -> String) -> Ending {
        // Answers are not commands: keep them out of history and completion.
        let (history, completion) = (reader.recordsHistory, reader.completes)
        reader.recordsHistory = false
        reader.completes = false
        defer { (reader.recordsHistory, reader.completes) = (history, completion) }
        while let key = plan.next(at: session.now()) {
            let line = status(plan)
            switch ask(key, status: line) {
            case .answered:
                plan.answered(key, state: store.card(key), at: session.now())
            case .skipped:
                plan.postpone(key)
            case .undone(let undoneKey):
                plan.putFirst(key)
                if let undoneKey {
                    // Its state is back to what it was: drop it from learning, ask it next.
                    plan.answered(undoneKey, state: store.card(undoneKey), at: session.now())
                    plan.putFirst(undoneKey)
                }
            case .ended(let ending):
                return ending
            }
        }
        return .finished
    }

    private func ask(_ key: CardKey, status: String) -> AskResult {
        guard let index = indexes[key.deck], let entry = index.deck.entry(key.entry) else { return .skipped }
        let state = store.card(key)
        var settings = store.settings
        if flip { settings.flip = true }
        let generator = QuestionGenerator(index: index, confusions: store.state.confusions)
        let question: Question
        do {
            if let forcedFormat, generator.canAsk(key, as: forcedFormat) {
                question = try generator.question(for: key, format: forcedFormat, using: &rng)
            } else {
                question = try generator.question(for: key, state: state, settings: settings, using: &rng)
            }
        } catch {
            console.warning("cannot ask '\(entry.term)': \(error)")
            return .skipped
        }
        let presenter = QuestionPresenter(console: console)
        console.line()
        let presented = mode == .study && question.format != .flashcard && settings.presentNew && Presentation.presents(state)
        if presented {
            if !status.isEmpty { console.line(console.paint(status, .dim)) }
            for (number, line) in Presentation.lines(for: entry, index: index).enumerated() {
                if number == 0 { console.line(console.paint(line, .emphasis)) } else { console.wrapped(line, indent: "  ") }
            }
            console.line()
        }
        presenter.present(question, status: presented ? "" : status)
        let shownAt = session.monotonicNanoseconds()
        var hints = 0
        var revealed = false
        while true {
            let prompt =
                question.format == .flashcard && revealed
                ? "rate 1 again · 2 hard · 3 good · 4 easy> " : presenter.answerPrompt(for: question)
            let input: String
            switch reader.readLine(prompt: prompt) {
            case .interrupted:
                let now = DispatchTime.now()
                if let last = lastInterrupt, now.uptimeNanoseconds - last.uptimeNanoseconds < 1_000_000_000 {
                    return .ended(.interrupted)
                }
                lastInterrupt = now
                console.line("Question abandoned; nothing was recorded for it. Ctrl-C again at once ends the session.")
                return .skipped
            case .endOfInput:
                return .ended(.endOfInput)
            case .line(let line):
                input = line
            }
            if question.format == .flashcard {
                if !revealed {
                    if let key = StudyKey(input), key != .show, let result = handle(key) { return result }
                    revealed = true
                    console.wrapped(question.reveal, indent: "  ")
                    continue
                }
                guard let rating = Grader.rating(forKey: input.trimmingCharacters(in: .whitespaces)) else {
                    console.line("Rate with 1 (again), 2 (hard), 3 (good) or 4 (easy).")
                    continue
                }
                let outcome: AnswerOutcome = rating == .again ? .wrong : .right(slip: false)
                let step = StudyStep(
                    rated: rating, question: question, outcome: outcome, state: state, scheduler: scheduler,
                    at: session.now())
                return finish(question, entry: entry, state: state, input: input, outcome: outcome, step: step, shownAt: shownAt)
            }
            if let key = StudyKey(input) {
                if key == .show, last?.record.card.entry == entry.id {
                    console.line("'show' would give this answer away; it works after you answer.")
                    continue
                }
                if let result = handle(key) { return result }
                continue
            }
            let outcome = (matchers[key.deck] ?? AnswerMatcher(index: index)).match(input, to: question)
            switch outcome {
            case .hintRequested:
                hints += 1
                let text =
                    question.hint.isEmpty
                    ? "No hint for this question." : hints > 1 ? "No further hint: \(question.hint)" : "Hint: \(question.hint)"
                console.line(console.paint(text, .hint))
                continue
            case .unreadable(let message):
                console.line(message.prefix(1).uppercased() + message.dropFirst() + ".")
                continue
            case .empty:
                // A bare Enter is not an answer: show the options again.
                presenter.present(question, status: "")
                continue
            default:
                let seconds = Double(session.monotonicNanoseconds() - shownAt) / 1e9
                let step = StudyStep(
                    question: question, outcome: outcome, hintsUsed: hints, responseSeconds: seconds, state: state,
                    settings: settings, scheduler: scheduler, at: session.now(), presented: presented, times: times,
                    sibling: SiblingEvidence.prior(for: key) { store.card($0) })
                times.add(seconds, format: question.format)
                return finish(question, entry: entry, state: state, input: input, outcome: outcome, step: step, shownAt: shownAt)
            }
        }
    }

    /// Acts on a study key; nil means "keep reading answers for this question".
    private func handle(_ key: StudyKey) -> AskResult? {
        switch key {
        case .skip:
            console.line("Skipped; it comes back later.")
            return .skipped
        case .quit:
            return .ended(.quit)
        case .help:
            console.line(StudyKey.helpText)
            return nil
        case .show:
            if let last, let deck = indexes[last.record.card.deck]?.deck, let entry = deck.entry(last.record.card.entry) {
                ShowCommand().render(entry, in: deck, console: console)
            } else {
                console.line("Nothing answered yet in this session.")
            }
            return nil
        case .undo:
            return undo()
        case .editRating(let value):
            editRating(value)
            return nil
        }
    }

    private func finish(
        _ question: Question, entry: Entry, state: CardState, input: String, outcome: AnswerOutcome,
        step: StudyStep, shownAt: UInt64
    ) -> AskResult {
        let now = session.now()
        let rating = step.rating
        let milliseconds = Int((session.monotonicNanoseconds() - shownAt) / 1_000_000)
        let practice = mode == .quiz
        let step = practice ? step : balanced(step, card: question.card, state: state, at: now)
        let records = AnswerRecords.records(
            for: step, question: question, answer: input, state: state, practice: practice, at: now,
            responseMs: milliseconds)
        var stored = records[records.count - 1]
        do {
            for record in records { stored = try store.append(record) }
        } catch {
            console.error(
                "your answer was not saved: \(describe(error)) — the session stops here; everything answered before is safe")
            return .ended(.failed)
        }
        if !practice, let after = stored.after { load?.moved(from: state, to: after, clock: session.dayClock(store.settings)) }
        let wasNew =
            !practice && DayFigures.learnsNewCard(before: state, after: stored.after, correct: step.asked.isRight)
        summary.count(term: entry.term, right: step.asked.isRight, wasNew: wasNew)
        last = (stored, entry.term, wasNew)
        let index = indexes[question.card.deck]
        let lines = index.map { Feedback.lines(for: question, outcome: outcome, input: input, index: $0) } ?? []
        for (number, line) in lines.enumerated() {
            // A term→definition answer line already shows the definition: print it once.
            if number == 2, lines[1].hasSuffix(entry.definition) { continue }
            if number == 0 {
                console.line(console.paint(line, outcome.isRight ? .right : .wrong))
            } else {
                console.wrapped(line, indent: "  ")
            }
        }
        if !practice {
            let next = formatUntil(stored.after?.due ?? now, from: now)
            console.line(console.paint("rated \(rating) · next \(next) · e to change the rating", .dim))
            if let after = stored.after,
                Leeches.becameLeech(before: state, after: after, threshold: store.settings.leechThreshold),
                let deck = session.library.deck(question.card.deck),
                let leech = Leeches.leech(question.card, state: after, deck: deck, confusions: store.state.confusions)
            {
                for line in LeechText.notice(leech) { console.wrapped(line, indent: "  ") }
                if store.settings.leechAction == .suspend { suspend(question.card, term: entry.term, at: now) }
            }
        }
        return .answered
    }

    private func undo() -> AskResult? {
        guard last != nil else {
            console.line("Nothing to undo in this session.")
            return nil
        }
        do {
            guard let undone = try store.undo() else {
                console.line("Nothing to undo.")
                return nil
            }
            if let last, last.record.seq == undone.seq {
                summary.uncount(term: last.term, right: last.record.correct, wasNew: last.wasNew)
            }
            last = nil
            load = nil
            let term = indexes[undone.card.deck]?.deck.entry(undone.card.entry)?.term ?? undone.card.entry.rawValue
            console.line("Undid your answer to '\(term)'; it will be asked again.")
            return .undone(undone.card)
        } catch {
            console.error("undo failed: \(describe(error))")
            return nil
        }
    }

    private func editRating(_ value: String?) {
        guard let last else {
            console.line("No answer to re-rate yet in this session.")
            return
        }
        var text = value
        if text == nil {
            if case .line(let line) = reader.readLine(prompt: "new rating (1 again · 2 hard · 3 good · 4 easy)> ") { text = line }
        }
        guard let text, let rating = Grader.rating(forKey: text.trimmingCharacters(in: .whitespaces)) ?? ratingWord(text) else {
            console.line("Rating unchanged: give 1–4 or again/hard/good/easy.")
            return
        }
        guard rating != last.record.rating else {
            console.line("Already rated \(rating).")
            return
        }
        do {
            let record = AnswerRecords.rerated(last.record, as: rating)
            // One record that replaces the answer: a crash keeps the old rating or the new one.
            let stored = try store.rerate(last.record, as: record)
            self.last = (stored, last.term, last.wasNew)
            load = nil
            console.line("Rating of '\(last.term)' changed to \(rating).")
        } catch {
            console.error("could not change the rating: \(describe(error))")
        }
    }

    private func ratingWord(_ text: String) -> Rating? {
        Rating.allCases.first { $0.description == text.lowercased().trimmingCharacters(in: .whitespaces) }
    }

    /// `step` with the interval the load balancer picks (`LoadBalancer`), kept in its evidence
    /// so replay sets the same due date; the due load of every card is counted once a session.
    private func balanced(_ step: StudyStep, card: CardKey, state: CardState, at now: Date) -> StudyStep {
        let clock = session.dayClock(store.settings)
        let load = self.load ?? DueLoad(states: store.state.cards.values, clock: clock)
        self.load = load
        guard
            let days = LoadBalancer.interval(
                for: step.after, before: state, rating: step.rating, card: card, at: now, scheduler: scheduler,
                load: load, settings: store.settings, clock: clock)
        else { return step }
        var step = step
        step.evidence.balancedDays = days
        step.after = step.after.due(inDays: days, at: now)
        return step
    }

    /// Takes a card that became a leech out of study (`leech-action suspend`).
    private func suspend(_ card: CardKey, term: String, at now: Date) {
        do {
            try store.append(ReviewRecord(seq: 0, kind: .suspend, time: now, card: card, correct: false, rating: .again))
            console.wrapped(
                "Suspended: it leaves your reviews until `unsuspend \(term)` (leech-action suspend).", indent: "  ")
        } catch {
            console.error("could not suspend '\(term)': \(describe(error)); it stays in your reviews")
        }
    }
}
