/// The one rule for counting confusions, used by the progress state, the parts of a journal
/// replayed side by side, and the stats tally: an answer that confused two entries adds one,
/// its undo takes one back (never below zero), and a re-rating, which replaces an answer
/// counted already, changes nothing.
///
/// ```swift
/// var counts = ConfusionCounts()
/// for record in records { counts.add(record) }
/// var later = ConfusionCounts()            // the records after, counted on their own
/// counts.merge(later)                      // == counting all of them in order
/// let confusions = counts.applied(to: Confusions())
/// ```
/// Because a count never goes below zero, a run of records is kept, per pair, as the function
/// it applies to the count before it (`Change`), so runs counted apart combine exactly.
public struct ConfusionCounts: Hashable, Sendable {
    public struct Pair: Hashable, Sendable {
        public var deck: DeckID
        public var asked: EntryID
        public var picked: EntryID

        public init(deck: DeckID, asked: EntryID, picked: EntryID) {
            self.deck = deck
            self.asked = asked
            self.picked = picked
        }
    }

    /// `x -> max(x + add, floor)`, for counts x >= 0.
    public struct Change: Hashable, Sendable {
        public var add = 0
        public var floor = 0

        public init(add: Int = 0, floor: Int = 0) {
            self.add = add
            self.floor = floor
        }

        /// This change followed by adding `times` (and dropping below zero to zero).
        public mutating func then(_ times: Int) {
            add += times
            floor = max(floor + times, 0)
        }

        /// This change followed by `later`.
        public mutating func then(_ later: Change) {
            add += later.add
            floor = max(floor + later.add, later.floor)
        }

        public func applied(to count: Int) -> Int { max(count + add, floor) }
    }

    public private(set) var changes: [Pair: Change] = [:]

    public init() {}

    /// Counts from saved counts (a stats cache): each pair starts at its count.
    public init(_ confusions: Confusions) {
        for pair in confusions.pairs {
            changes[Pair(deck: pair.deck, asked: pair.asked, picked: pair.picked)] = Change(add: pair.count, floor: pair.count)
        }
    }

    /// How a record moves its confusion's count: +1 for an answer, -1 for an undo, 0 for a
    /// re-rating (an answer that revokes the one it replaces, counted already).
    public static func times(of record: ReviewRecord) -> Int {
        switch record.kind {
        case .revoke: -1
        case .review, .practice: record.revokes == nil ? 1 : 0
        case .suspend, .unsuspend: 0
        }
    }

    /// Counts one record (nothing when it confused no two entries).
    public mutating func add(_ record: ReviewRecord) {
        guard let picked = record.confusion else { return }
        changes[Pair(deck: record.card.deck, asked: record.card.entry, picked: picked), default: Change()].then(
            Self.times(of: record))
    }

    /// Adds the counts of the records that follow these.
    public mutating func merge(_ later: ConfusionCounts) {
        for (pair, change) in later.changes { changes[pair, default: Change()].then(change) }
    }

    /// Each pair's count starting from nothing (pairs at zero left out).
    public var counts: [Pair: Int] {
        changes.reduce(into: [:]) { counts, entry in
            let count = entry.value.applied(to: 0)
            if count > 0 { counts[entry.key] = count }
        }
    }

    /// `confusions` with these records counted after it.
    public func applied(to confusions: Confusions) -> Confusions {
        var result = confusions
        for (pair, change) in changes {
            let before = result.count(deck: pair.deck, asked: pair.asked, picked: pair.picked)
            let after = change.applied(to: before)
            if after != before { result.record(deck: pair.deck, asked: pair.asked, picked: pair.picked, times: after - before) }
        }
        return result
    }
}

extension Confusions {
    /// Counts one journal record by the one rule (`ConfusionCounts.times(of:)`).
    public mutating func count(_ answer: ReviewRecord) {
        guard let picked = answer.confusion else { return }
        record(
            deck: answer.card.deck, asked: answer.card.entry, picked: picked, times: ConfusionCounts.times(of: answer))
    }
}
