import Foundation

/// The all-time half of a `StatsTally`: answers split by what Anki's statistics screen splits
/// them by (the card's age, the hour of day, the question format), and each card's lapse days.
///
/// Counted one record at a time like the days, and taken back by a revocation.
public struct AnswerBreakdown: Hashable, Sendable {
    /// Scheduled answers by the card's age before the answer (`CardAge`) and the rating given:
    /// `ratings[age.rawValue][rating.rawValue - 1]`.
    public var ratings = [[Int]](repeating: [0, 0, 0, 0], count: CardAge.allCases.count)
    /// True-retention answers (scheduled reviews of cards in the review phase) by local hour, 0–23.
    public var byHour = [RateFigure](repeating: RateFigure(), count: 24)
    /// True-retention answers by the card's age (`young` and `mature` only count).
    public var byAge = [RateFigure](repeating: RateFigure(), count: CardAge.allCases.count)
    /// Every answer (reviews and practice) by question format, in `QuestionFormat.allCases`
    /// order; answers without a recorded format are left out.
    public var byFormat = [RateFigure](repeating: RateFigure(), count: QuestionFormat.allCases.count)
    /// Per card, its lapses (scheduled reviews of a card in the review phase answered wrong)
    /// per study day. A part of a journal may hold a negative count: an undo of an earlier part's lapse.
    public var lapseDays: [CardKey: [Int: Int]] = [:]

    public init() {}

    /// `QuestionFormat.allCases` once (it is made anew on every call).
    static let formats = QuestionFormat.allCases

    mutating func count(_ record: ReviewRecord, kind: ReviewRecord.Kind, before: CardState?, day: Int, hour: Int, times: Int) {
        if let format = record.format, let i = Self.formats.firstIndex(of: format) {
            byFormat[i].add(record.correct, times: times)
        }
        guard kind == .review else { return }
        let age = CardAge(before, at: record.time)
        ratings[age.rawValue][record.rating.rawValue - 1] += times
        guard before?.phase == .review else { return }
        byHour[min(max(hour, 0), 23)].add(record.correct, times: times)
        byAge[age.rawValue].add(record.correct, times: times)
        guard !record.correct else { return }
        lapseDays[record.card, default: [:]][day, default: 0] += times
        if lapseDays[record.card]?[day] == 0 { lapseDays[record.card]?[day] = nil }
        if lapseDays[record.card]?.isEmpty == true { lapseDays[record.card] = nil }
    }

    /// Back to zero, keeping the storage.
    mutating func clear() {
        for a in ratings.indices { for r in ratings[a].indices { ratings[a][r] = 0 } }
        for h in byHour.indices { byHour[h] = RateFigure() }
        for a in byAge.indices { byAge[a] = RateFigure() }
        for f in byFormat.indices { byFormat[f] = RateFigure() }
        lapseDays.removeAll(keepingCapacity: true)
    }

    mutating func add(_ other: AnswerBreakdown) {
        for a in ratings.indices { for r in ratings[a].indices { ratings[a][r] += other.ratings[a][r] } }
        for h in byHour.indices { byHour[h].add(other.byHour[h]) }
        for a in byAge.indices { byAge[a].add(other.byAge[a]) }
        for f in byFormat.indices { byFormat[f].add(other.byFormat[f]) }
        // Into an empty breakdown (a summary's first deck) the other's lapses come whole, when
        // none of them needs dropping: no copy of each card's days.
        if lapseDays.isEmpty, !other.lapseDays.values.contains(where: { $0.isEmpty || $0.values.contains(0) }) {
            lapseDays = other.lapseDays
            return
        }
        for (card, days) in other.lapseDays {
            var merged = lapseDays[card] ?? [:]
            merged.merge(days) { $0 + $1 }
            merged = merged.filter { $0.value != 0 }
            lapseDays[card] = merged.isEmpty ? nil : merged
        }
    }
}

/// How far along a card was when it was answered, as Anki's "answer buttons" chart groups it.
public enum CardAge: Int, CaseIterable, Sendable {
    /// Its first answer.
    case new
    /// In learning or relearning steps.
    case learning
    /// In review, resting less than `StatsSummary.matureDays` since its previous review.
    case young
    /// In review, resting `StatsSummary.matureDays` or more.
    case mature

    /// The age of a card answered at `time` in state `before`. A review card's interval is
    /// SM-2's, or from its last review to its due date, or (a record without one) its rest until `time`.
    init(_ before: CardState?, at time: Date) {
        guard let before else {
            self = .new
            return
        }
        switch before.phase {
        case .new: self = .new
        case .learning, .relearning: self = .learning
        case .review:
            let scheduled =
                before.intervalDays ?? before.lastReview.map { last in (before.due ?? time).timeIntervalSince(last) / 86_400 }
            self = (scheduled ?? 0) >= StatsSummary.matureDays ? .mature : .young
        }
    }

    public var label: String {
        switch self {
        case .new: "new"
        case .learning: "learning"
        case .young: "young"
        case .mature: "mature"
        }
    }
}
