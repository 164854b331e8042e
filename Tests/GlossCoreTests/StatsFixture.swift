import Foundation

@testable import GlossCore

/// A hand-built deck, card states and journal with known answers, for the stats tests.
enum StatsFixture {
    static let ny = TimeZone(identifier: "America/New_York")!
    static let tokyo = TimeZone(identifier: "Asia/Tokyo")!

    static func utc(_ text: String) -> Date {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)!
    }

    static let deck = Deck(
        id: "d", title: "Safety",
        entries: [
            Entry(id: "a", term: "Mesa-Optimization", definition: "A learned optimizer.", related: ["b"]),
            Entry(id: "b", term: "Inner Alignment", definition: "Aligning the mesa-objective."),
            Entry(id: "c", term: "Reward <Hacking>, \"quoted\"", definition: "Gaming the reward."),
        ])

    static func key(_ entry: EntryID, _ facet: Facet) -> CardKey { CardKey(deck: "d", entry: entry, facet: facet) }

    static func reviewState(stability: Double, lastReview: String) -> CardState {
        CardState(phase: .review, stability: stability, difficulty: 5, lastReview: utc(lastReview), reps: 3)
    }

    /// Study days in New York with rollover 4: Jan 3, 4, 5, 6, (gap 7), 8, 9, 10.
    /// An answer undone today (seq 12 revokes it, as `undo` writes it).
    static let undone = ReviewRecord(
        seq: 11, time: utc("2024-01-10T14:03:00Z"), card: key("b", .recall), correct: false, rating: .again,
        responseMs: 9000, confusedWith: "c", before: reviewState(stability: 3, lastReview: "2024-01-01T00:00:00Z"))

    static let records: [ReviewRecord] = [
        ReviewRecord(
            seq: 1, time: utc("2024-01-03T20:00:00Z"), card: key("a", .recognize), correct: true, rating: .good,
            before: .new),
        // 03:00 local on Jan 5: before the rollover, so study day Jan 4.
        ReviewRecord(
            seq: 2, time: utc("2024-01-05T08:00:00Z"), card: key("a", .recall), correct: true, rating: .good,
            before: .new),
        ReviewRecord(seq: 3, time: utc("2024-01-05T10:00:00Z"), card: key("a", .recognize), correct: true, rating: .good),
        ReviewRecord(seq: 4, time: utc("2024-01-06T15:00:00Z"), card: key("a", .recall), correct: true, rating: .good),
        // Retention: right after 5 days (bucket 1-6d).
        ReviewRecord(
            seq: 5, time: utc("2024-01-08T15:00:00Z"), card: key("a", .recognize), correct: true, rating: .good,
            before: reviewState(stability: 5, lastReview: "2024-01-03T15:00:00Z")),
        // 03:30 local on Jan 9, so study day Jan 8; wrong after 10 days (bucket 7-20d).
        ReviewRecord(
            seq: 6, time: utc("2024-01-09T08:30:00Z"), card: key("a", .recall), correct: false, rating: .again,
            before: reviewState(stability: 9, lastReview: "2023-12-30T08:30:00Z")),
        ReviewRecord(
            seq: 7, kind: .practice, time: utc("2024-01-09T20:00:00Z"), card: key("a", .recognize),
            correct: false, rating: .again, confusedWith: "b"),
        // Today (Jan 10): a first answer, a review right after 30 days, a practice confusion, a revoked one.
        ReviewRecord(
            seq: 8, time: utc("2024-01-10T14:00:00Z"), card: key("c", .recognize), correct: true, rating: .good,
            responseMs: 1500),
        ReviewRecord(
            seq: 9, time: utc("2024-01-10T14:01:00Z"), card: key("a", .recognize), correct: true, rating: .easy,
            responseMs: 4000, before: reviewState(stability: 20, lastReview: "2023-12-11T14:01:00Z")),
        ReviewRecord(
            seq: 10, kind: .practice, time: utc("2024-01-10T14:02:00Z"), card: key("a", .recognize),
            correct: false, rating: .again, responseMs: 2000, confusedWith: "b"),
        undone,
        undone.revocation(seq: 12),
        // Another deck: ignored when only `deck` is reported.
        ReviewRecord(
            seq: 13, time: utc("2024-01-02T14:00:00Z"), card: CardKey(deck: "other", entry: "x", facet: .recall),
            correct: true, rating: .good),
    ]

    static let states: [CardKey: CardState] = [
        key("a", .recognize): CardState(
            phase: .review, stability: 30, difficulty: 4, due: utc("2024-01-12T15:00:00Z"),
            lastReview: utc("2024-01-10T14:01:00Z"), reps: 4),
        key("a", .recall): CardState(
            phase: .review, stability: 5, difficulty: 7, due: utc("2024-01-09T15:00:00Z"),
            lastReview: utc("2024-01-09T08:30:00Z"), reps: 3, lapses: 2),
        key("c", .recognize): CardState(
            phase: .learning, step: 1, stability: 1, difficulty: 6,
            due: utc("2024-01-10T23:00:00Z"), lastReview: utc("2024-01-10T14:00:00Z"), reps: 1),
    ]

    /// A stand-in for the scheduler's retrievability: fixed by stability.
    static func retrievability(_ state: CardState, _ at: Date) -> Double {
        switch state.stability {
        case 30: 0.95
        case 5: 0.7
        default: 0.5
        }
    }

    static func summary(
        now: String, timeZone: TimeZone = ny, rollover: Int = 4, records: [ReviewRecord] = records,
        states: [CardKey: CardState] = states
    ) -> StatsSummary {
        StatsSummary(
            records: records, states: states, decks: [deck], now: utc(now), timeZone: timeZone,
            rolloverHour: rollover, desiredRetention: 0.9, retrievability: retrievability)
    }
}
