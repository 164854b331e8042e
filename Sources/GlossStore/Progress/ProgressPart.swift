import GlossCore

/// What one part of a journal does to a `ProgressState`, folded without the state before
/// it, so the parts of a long journal can be replayed side by side and then applied in order.
///
/// A card's state is whatever the part's last record for it said. A confusion count is
/// never below zero (an undo of a confusion already gone leaves 0), so a part keeps, per
/// pair, the function it applies to the count before: `x -> max(x + add, floor)`.
struct ProgressPart: Sendable {
    var cards: [CardKey: CardState] = [:]
    /// Cards the part made new again.
    var reset: Set<CardKey> = []
    var confusions: [Pair: CountChange] = [:]
    var lastSeq = 0
    var records = 0

    struct Pair: Hashable, Sendable {
        var deck: DeckID
        var asked: EntryID
        var picked: EntryID
    }

    /// `x -> max(x + add, floor)`, for counts x >= 0.
    struct CountChange: Sendable {
        var add = 0
        var floor = 0

        /// This change followed by adding `times` (and dropping below zero to zero).
        mutating func then(_ times: Int) {
            add += times
            floor = max(floor + times, 0)
        }

        /// This change followed by `later`.
        mutating func then(_ later: CountChange) {
            add += later.add
            floor = max(floor + later.add, later.floor)
        }

        func applied(to count: Int) -> Int { max(count + add, floor) }
    }

    /// Folds the part's next record in (as `ProgressState.apply` does).
    mutating func apply(_ record: ReviewRecord) {
        lastSeq = max(lastSeq, record.seq)
        records += 1
        guard record.card.isStorable else { return }
        switch ProgressState.cardEffect(of: record) {
        case .keep: break
        case .set(let state):
            cards[record.card] = state
            reset.remove(record.card)
        case .reset:
            cards[record.card] = nil
            reset.insert(record.card)
        }
        if let picked = record.confusion {
            let pair = Pair(deck: record.card.deck, asked: record.card.entry, picked: picked)
            confusions[pair, default: CountChange()].then(ProgressState.confusionTimes(of: record))
        }
    }
}

extension ProgressState {
    /// Applies a part of the journal that follows the records already folded in.
    mutating func apply(_ part: ProgressPart) {
        for card in part.reset { cards[card] = nil }
        cards.merge(part.cards) { _, later in later }
        for (pair, change) in part.confusions {
            let before = confusions.count(deck: pair.deck, asked: pair.asked, picked: pair.picked)
            let after = change.applied(to: before)
            if after != before {
                confusions.record(deck: pair.deck, asked: pair.asked, picked: pair.picked, times: after - before)
            }
        }
        lastSeq = max(lastSeq, part.lastSeq)
    }
}
