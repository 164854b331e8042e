import Foundation

/// A learner's progress in memory: card states, confusions, the scheduling rules in force
/// and the last journal record folded in. Replaying the journal from an empty state
/// rebuilds it exactly: the answers are the source of truth, every state is derived.
public struct ProgressState: Sendable {
    public var cards: [CardKey: CardState]
    public var confusions: Confusions
    public var lastSeq: Int
    /// Cards taken out of study (`suspend` records), until an `unsuspend` brings them back.
    public var suspended: Set<CardKey> = []
    /// The rules a device's answers are scheduled by, by device: each device records its
    /// own (`ReviewRecord.rules`), so answers of two devices with other settings, merged,
    /// each replay under their own device's.
    private var rulesByDevice: [String: ScheduleRules] = [:]
    /// The rules of a device that has recorded none yet (this device's, from a snapshot).
    private var startRules: ScheduleRules
    /// The schedulers of `rulesByDevice` and `startRules`, made once each.
    private var schedulers: [String: SchedulerBox] = [:]
    private var startScheduler: SchedulerBox
    /// `scheduler(for:)`'s last answer.
    private var lastScheduler: (device: String, box: SchedulerBox)?

    /// A scheduler kept by reference: handing it on is one retain, not a copy of an existential.
    private final class SchedulerBox: Sendable {
        let scheduler: any Scheduler
        init(_ scheduler: any Scheduler) { self.scheduler = scheduler }
    }

    public init(
        cards: [CardKey: CardState] = [:], confusions: Confusions = Confusions(), lastSeq: Int = 0,
        rules: ScheduleRules = .defaults
    ) {
        self.cards = cards
        self.confusions = confusions
        self.lastSeq = lastSeq
        self.startRules = rules
        self.startScheduler = SchedulerBox(Self.scheduler(for: rules))
    }

    /// The rules the answers of `device` are scheduled by now.
    public func rules(for device: String?) -> ScheduleRules { rulesByDevice[device ?? ""] ?? startRules }

    /// Folds one journal record in and returns it with its card's states filled in: `before`,
    /// the card's state as the record found it, and `after`, the state it leaves.
    ///
    /// - A `review` moves the card from `before` (the card's state; a re-rating's own, kept
    ///   in the record) by `Scheduler.after` of its rating and evidence, under the rules its
    ///   device recorded last (its own, when it carries them). A review that carries `after` (imported, or written by an
    ///   older gloss) sets the card to it.
    /// - A `practice` leaves the schedule alone.
    /// - A `revoke` (written by undo) carries the undone record's `before` as its own `after`
    ///   (nil for a practice answer) and takes back its confusion.
    /// - Both answers count their confusion. An answer with `revokes` set is a re-rating: it
    ///   replaces that answer (same card, time and confusion, a new rating) in one record.
    /// - An answer to a card whose key can't be stored (`CardKey.isStorable`) only moves
    ///   `lastSeq`.
    @discardableResult
    public mutating func apply(_ record: ReviewRecord) -> ReviewRecord {
        var record = record
        fold(&record)
        return record
    }

    /// `apply`, filling `record`'s `before` and `after` in place: what a replay of a whole
    /// journal calls, without a copy of each record.
    public mutating func fold(_ record: inout ReviewRecord) {
        lastSeq = max(lastSeq, record.seq)
        let device = record.device ?? ""
        if let given = record.rules, given != rules(for: device) {
            rulesByDevice[device] = given
            schedulers[device] = SchedulerBox(Self.scheduler(for: given))
            lastScheduler = nil
        }
        guard record.card.isStorable else { return }
        switch record.kind {
        case .review:
            // One hash of the key for a card already known (most answers).
            let index = cards.index(forKey: record.card)
            let before = record.before ?? index.map { cards.values[$0] } ?? .new
            let after =
                record.after
                ?? scheduler(for: device).scheduler.after(
                    before, rating: record.rating, evidence: record.evidence, at: record.time, card: record.card)
            record.before = before
            record.after = after
            if let index {
                cards.values[index] = after
            } else {
                cards[record.card] = after
            }
        case .practice: break
        case .revoke:
            if let after = record.after { cards[record.card] = after == CardState.new ? nil : after }
        case .suspend: suspended.insert(record.card)
        case .unsuspend: suspended.remove(record.card)
        }
        confusions.count(record)
    }

    /// The scheduler `device`'s answers are scheduled by; the last one asked for is kept, as
    /// the answers of one device come in runs.
    private mutating func scheduler(for device: String) -> SchedulerBox {
        if let last = lastScheduler, last.device == device { return last.box }
        let box = schedulers[device] ?? startScheduler
        lastScheduler = (device, box)
        return box
    }

    /// The scheduler of rules that were valid when written (the codec checks them when it
    /// reads them); default rules for any that are not.
    private static func scheduler(for rules: ScheduleRules) -> any Scheduler {
        (try? rules.makeScheduler()) ?? FSRSScheduler()
    }
}

/// Two states are equal when their cards, confusions and last answer are: the rules are how
/// they were reached, compared with `rules(for:)`.
extension ProgressState: Equatable {
    public static func == (a: ProgressState, b: ProgressState) -> Bool {
        a.cards == b.cards && a.confusions == b.confusions && a.lastSeq == b.lastSeq && a.suspended == b.suspended
    }
}
