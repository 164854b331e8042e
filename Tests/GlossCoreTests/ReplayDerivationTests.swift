import Foundation
import Testing

@testable import GlossCore

/// The answers are the source of truth: replaying a session's records (`ProgressState.apply`)
/// gives every state the session computed (`StudyStep.after`), whatever the grading policy,
/// presentation, sibling evidence, learning steps, algorithm or time zone.
@Suite struct ReplayDerivationTests {
    let start = Date(timeIntervalSince1970: 1_767_258_000)

    /// A random study history of a few cards, answered through `StudyStep` as the study loop
    /// does, each record folded into a replay; `check` sees the session's state and the
    /// replay's after every answer.
    func history(seed: UInt64, settings: LearnerSettings, timeZone: TimeZone?, answers: Int) throws -> (
        session: [CardKey: CardState], replay: ProgressState, records: [ReviewRecord], mismatches: Int, balanced: Int
    ) {
        var rng = SplitMix64(seed: seed)
        let rules = ScheduleRules(settings: settings, timeZone: timeZone)
        let scheduler = try rules.makeScheduler()
        let cards = (0..<4).flatMap { e in
            Facet.allCases.map { CardKey(deck: "d", entry: EntryID("e\(e)"), facet: $0) }
        }
        var session: [CardKey: CardState] = [:]
        var replay = ProgressState()
        var records: [ReviewRecord] = []
        var mismatches = 0
        var balanced = 0
        var now = start
        for seq in 1...answers {
            now += Double(Int.random(in: 0..<4, using: &rng)) * [60, 600, 86_400, 7 * 86_400][Int.random(in: 0..<4, using: &rng)]
            let card = cards[Int.random(in: 0..<cards.count, using: &rng)]
            let format = QuestionFormat.allCases[Int.random(in: 0..<QuestionFormat.allCases.count, using: &rng)]
            let outcomes: [AnswerOutcome] = [.right(slip: false), .right(slip: true), .wrong, .gaveUp, .confused(with: "e9")]
            let outcome = outcomes[Int.random(in: 0..<outcomes.count, using: &rng)]
            let state = session[card] ?? .new
            let sibling = cards.lazy.filter { $0.entry == card.entry && $0 != card }.compactMap { session[$0] }
                .first { $0.phase == .review }
            var step = StudyStep(
                question: Question(card: card, format: format, prompt: ""), outcome: outcome,
                hintsUsed: Int.random(in: 0..<3, using: &rng) == 0 ? 1 : 0,
                responseSeconds: Double.random(in: 1..<30, using: &rng), state: state, settings: settings,
                scheduler: scheduler, at: now, presented: Bool.random(using: &rng), sibling: sibling)
            // The load balancer's pick, as the study session makes it: kept in the evidence.
            let clock = DayClock(timeZone: timeZone ?? TimeZone(identifier: "UTC") ?? .current)
            if let days = LoadBalancer.interval(
                for: step.after, before: state, rating: step.rating, card: card, at: now, scheduler: scheduler,
                load: DueLoad(states: session.values, clock: clock), settings: settings, clock: clock)
            {
                step.evidence.balancedDays = days
                step.after = step.after.due(inDays: days, at: now)
                balanced += 1
            }
            session[card] = step.after
            var record = try #require(
                AnswerRecords.records(
                    for: step, question: Question(card: card, format: format, prompt: ""), answer: "x", state: state,
                    practice: false, at: now, responseMs: 4000
                ).last)
            record.seq = seq
            if seq == 1 { record.rules = rules }
            #expect(record.before == nil && record.after == nil)  // the answer, not its states
            records.append(record)
            let filled = replay.apply(record)
            if filled.after != step.after || filled.before != state { mismatches += 1 }
        }
        return (session, replay, records, mismatches, balanced)
    }

    @Test(arguments: [GradingPolicy.capped, .production, .plain])
    func replayGivesTheSessionsStates(policy: GradingPolicy) throws {
        var balanced = 0
        for seed in UInt64(1)...12 {
            var settings = LearnerSettings()
            settings.grading = policy
            settings.fuzz = seed % 2 == 0
            settings.algorithm = seed % 3 == 0 ? .sm2 : .fsrs
            let zone =
                seed % 4 == 0 ? nil : TimeZone(identifier: ["Europe/Paris", "America/New_York", "Asia/Tokyo"][Int(seed % 3)])
            let run = try history(seed: seed, settings: settings, timeZone: zone, answers: 150)
            #expect(run.mismatches == 0, "seed \(seed)")
            #expect(run.replay.cards == run.session)
            #expect(run.replay.rules(for: nil) == ScheduleRules(settings: settings, timeZone: zone))
            balanced += run.balanced
        }
        #expect(balanced > 5)  // the load balancer's picks were replayed too
    }

    @Test func theEvidenceMatters() throws {
        // Without their evidence the same answers give other states: replay uses it.
        var settings = LearnerSettings()
        settings.grading = .capped
        let run = try history(seed: 5, settings: settings, timeZone: TimeZone(identifier: "UTC"), answers: 150)
        #expect(run.records.contains { !$0.evidence.isEmpty })
        var bare = ProgressState()
        for var record in run.records {
            record.evidence = .none
            bare.apply(record)
        }
        #expect(bare.cards != run.session)
    }

    @Test func recordedRulesDecideTheReplayNotTodaysSettings() throws {
        var settings = LearnerSettings()
        settings.desiredRetention = 0.8
        settings.maximumIntervalDays = 30
        let run = try history(seed: 9, settings: settings, timeZone: TimeZone(identifier: "Asia/Tokyo"), answers: 120)
        var again = ProgressState()  // default rules until the first record says otherwise
        for record in run.records { again.apply(record) }
        #expect(again.cards == run.session)
        var withoutRules = ProgressState()
        for var record in run.records {
            record.rules = nil
            withoutRules.apply(record)
        }
        #expect(withoutRules.cards != run.session)
    }

    @Test func aReRatingMovesFromItsOwnBeforeAndARevocationRestores() {
        let card = CardKey(deck: "d", entry: "a", facet: .recall)
        var state = ProgressState()
        let first = state.apply(
            ReviewRecord(seq: 1, time: start, card: card, correct: true, rating: .good, rules: .defaults))
        let second = state.apply(
            ReviewRecord(seq: 2, time: start + 600, card: card, correct: true, rating: .good))
        #expect(second.before == first.after)
        // Re-rate the second as again: from its own before, not from the card's state now.
        var rerated = AnswerRecords.rerated(second, as: .again)
        rerated.seq = 3
        rerated.revokes = 2
        #expect(rerated.after == nil && rerated.before == first.after)
        let replaced = state.apply(rerated)
        #expect(replaced.after == FSRSScheduler().review(first.after ?? .new, rating: .again, at: start + 600, card: card))
        #expect(state.cards[card] == replaced.after)
        // Undo it: the revocation carries the state to restore.
        state.apply(replaced.revocation(seq: 4))
        #expect(state.cards[card] == first.after)
    }
}
