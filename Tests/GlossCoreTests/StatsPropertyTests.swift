import Foundation
import PropertyBased
import Testing

@testable import GlossCore

@Suite struct StatsPropertyTests {
    @Test func civilDayAgreesWithFoundationsCalendar() async {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        await propertyCheck(input: Gen.int(in: -90_000...160_000)) { number in
            let date = Date(timeIntervalSince1970: Double(number) * 86_400)
            let parts = calendar.dateComponents([.year, .month, .day, .weekday], from: date)
            let day = CivilDay(number)
            #expect(day.year == parts.year && day.month == parts.month && day.day == parts.day)
            #expect(day.weekday == ((parts.weekday ?? 0) + 5) % 7)
        }
    }

    /// A random journal of up to 400 records over ~2 years before `now`, from `seed`.
    static func journal(seed: Int) -> [ReviewRecord] {
        var rng = SplitMix64(seed: UInt64(bitPattern: Int64(seed)))
        let cards = DeckCards.of(StatsFixture.deck).map(\.key)
        let now = StatsFixture.utc("2024-01-10T17:00:00Z")
        var records: [ReviewRecord] = []
        var undoable: [ReviewRecord] = []  // answers not yet undone, latest last (as `undo` finds them)
        for seq in 1...Int.random(in: 1...400, using: &rng) {
            if !undoable.isEmpty && Int.random(in: 0..<10, using: &rng) == 0 {
                records.append(undoable.removeLast().revocation(seq: seq))
                continue
            }
            let time = now.addingTimeInterval(-Double.random(in: 0...(700 * 86_400), using: &rng))
            let correct = Bool.random(using: &rng)
            let kind: ReviewRecord.Kind = Bool.random(using: &rng) ? .review : .practice
            let record = ReviewRecord(
                seq: seq, kind: kind, time: time, card: cards[Int.random(in: 0..<cards.count, using: &rng)], correct: correct,
                rating: correct ? .good : .again, responseMs: 1000, confusedWith: correct ? nil : "b",
                before: CardState(
                    phase: Bool.random(using: &rng) ? .review : .learning,
                    lastReview: time.addingTimeInterval(-Double.random(in: 0...(200 * 86_400), using: &rng))),
                after: kind == .review ? CardState(phase: .review, stability: 3, lastReview: time) : nil)
            records.append(record)
            undoable.append(record)
        }
        return records
    }

    @Test func figuresAreConsistentAndIndependentOfRecordOrder() async {
        await propertyCheck(count: 60, input: Gen.int(in: 0...1_000_000)) { seed in
            let records = Self.journal(seed: seed)
            let s = StatsFixture.summary(now: "2024-01-10T17:00:00Z", records: records)
            var rng = SplitMix64(seed: UInt64(seed) &+ 1)
            // Every figure but the confusion counts: those never go below zero in journal order
            // (an undo of a confusion already undone takes nothing), so order matters to them.
            var shuffled = StatsFixture.summary(now: "2024-01-10T17:00:00Z", records: records.shuffled(using: &rng))
            var inOrder = s
            shuffled.confusedPairs = []
            inOrder.confusedPairs = []
            #expect(shuffled == inOrder)
            var state = ProgressState()
            for record in records { state.apply(record) }
            #expect(
                s.confusedPairs.allSatisfy {
                    $0.count == state.confusions.count(deck: $0.deck, asked: $0.asked, picked: $0.picked)
                })

            #expect(s.streaks.current <= s.streaks.longest && s.streaks.longest <= s.studyDays)
            #expect(s.heatmap.map(\.count).reduce(0, +) <= s.totalAnswers)
            #expect(Array(s.heatmap.suffix(30)) == s.answersPerDay)
            #expect(s.retention7.reviews <= s.retention30.reviews && s.retention30.reviews <= s.retention365.reviews)
            #expect(s.retentionByInterval.map(\.figure.reviews).reduce(0, +) >= s.retention365.reviews)
            #expect(s.retentionByWeek.map(\.figure.reviews).reduce(0, +) <= s.retention365.reviews)
            for figure in [s.retention7, s.retention30, s.retention365, s.today.answers] {
                #expect(figure.correct <= figure.reviews)
                #expect(figure.rate.map { $0 >= 0 && $0 <= 1 } ?? (figure.reviews == 0))
            }
            let revoked = Set(records.compactMap(\.revokes))
            #expect(s.totalAnswers == records.filter { $0.kind != .revoke && !revoked.contains($0.seq) }.count)
        }
    }

    /// An undone answer counts as if it had never been given: the revocation subtracts exactly
    /// what the answer added.
    @Test func anUndoneAnswerCountsAsNeverGiven() async {
        await propertyCheck(count: 60, input: Gen.int(in: 0...1_000_000)) { seed in
            let records = Self.journal(seed: seed)
            let revoked = Set(records.compactMap(\.revokes))
            let kept = records.filter { $0.kind != .revoke && !revoked.contains($0.seq) }
            #expect(
                StatsFixture.summary(now: "2024-01-10T17:00:00Z", records: records)
                    == StatsFixture.summary(now: "2024-01-10T17:00:00Z", records: kept))
        }
    }

    /// Tallies of consecutive parts of a journal, merged, give the figures of the whole.
    @Test func talliesOfPartsMergeIntoTheWhole() async {
        await propertyCheck(count: 60, input: Gen.int(in: 0...1_000_000)) { seed in
            let records = Self.journal(seed: seed)
            var rng = SplitMix64(seed: UInt64(seed) &+ 7)
            let cuts = (0..<3).map { _ in Int.random(in: 0...records.count, using: &rng) }.sorted()
            let bounds = [0] + cuts + [records.count]
            let now = StatsFixture.utc("2024-01-10T17:00:00Z")
            let clock = DayClock(timeZone: StatsFixture.ny, rolloverHour: 4)
            var merged = StatsTally(clock: clock)
            for (start, end) in zip(bounds, bounds.dropFirst()) {
                var part = StatsTally(clock: clock)
                for record in records[start..<end] { part.add(record) }
                merged.merge(part)
            }
            let whole = StatsFixture.summary(now: "2024-01-10T17:00:00Z", records: records)
            let fromParts = StatsSummary(
                tally: merged, states: StatsFixture.states, decks: [StatsFixture.deck], now: now,
                desiredRetention: whole.desiredRetention, retrievability: StatsFixture.retrievability)
            #expect(fromParts == whole)
        }
    }
}
