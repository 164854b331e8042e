import Foundation
import GlossCore

/// The scheduled answers of a review log in compact form, read in one pass: what the reviews
/// export, `optimize` and `evaluate` need (card, rating, time, response time, format), not the records.
///
/// Each part of the journal (read side by side, see `ProgressStore.reviewTable()`) keeps its
/// own card table and a row of 32 bytes per `review` record (in blocks of 65,536); the sequence numbers that
/// revocations and re-ratings take back are gathered as they come, and applied when the rows
/// are read (`forEachRow`), so a revoked answer is left out wherever its revocation is.
///
/// ```swift
/// let table = try store.reviewTable()
/// let data = table.dataset(timeZone: clock.timeZone, rolloverHour: clock.rolloverHour)
/// ```
/// - Complexity: memory O(reviews + cards); a million answers over 30,000 cards is about 30 MB.
public struct ReviewTable: Sendable {
    /// One scheduled answer.
    public struct Row: Sendable, Equatable {
        public var seq: Int
        public var time: Date
        public var responseMs: Int
        /// The card, as an index into its part's `cards`.
        public var card: Int32
        public var rating: Rating
        /// The question format (nil for an answer logged without one, e.g. imported).
        public var format: QuestionFormat?
    }

    /// The rows of one consecutive run of records, with the cards they name.
    public struct Part: Sendable {
        /// The cards of this part, in the order their first review came.
        public private(set) var cards: [CardKey] = []
        /// The rows in blocks of `blockSize`, so that growing never copies (nor holds twice) a
        /// long array.
        public private(set) var blocks: [[Row]] = []
        static let blockSize = 1 << 16
        private var index: [CardKey: Int32] = [:]
        /// The card index of each of the reader's card numbers (`Journal.fold(numbered:)`), -1
        /// for one not met yet: each number's key is looked up in `index` once.
        private var byNumber: [Int32] = []
        /// Sequence numbers taken back by records of this part.
        fileprivate var revoked: [Int] = []

        public init() {}

        /// Keeps a `review` record's row, and what any record revokes.
        public mutating func add(_ record: ReviewRecord) { add(record, cardNumber: -1) }

        /// `add`, given the number the journal's reader has for the record's card (-1 for
        /// none): every record with that number names the same card.
        mutating func add(_ record: ReviewRecord, cardNumber: Int) {
            if let seq = record.revokes { revoked.append(seq) }
            switch record.kind {
            case .review: break
            case .practice, .revoke, .suspend, .unsuspend: return
            }
            let card = place(of: record.card, number: cardNumber)
            if blocks.last.map({ $0.count >= Self.blockSize }) ?? true {
                blocks.append([])
                blocks[blocks.count - 1].reserveCapacity(Self.blockSize)
            }
            blocks[blocks.count - 1].append(
                Row(
                    seq: record.seq, time: record.time, responseMs: record.responseMs, card: card, rating: record.rating,
                    format: record.format))
        }

        /// The card's index in `cards` (added when new), found by the reader's number for it
        /// when it has one and that number was met before.
        private mutating func place(of key: CardKey, number: Int) -> Int32 {
            if number >= 0, number < byNumber.count, byNumber[number] >= 0 { return byNumber[number] }
            let card: Int32
            if let known = index[key] {
                card = known
            } else {
                card = Int32(cards.count)
                index[key] = card
                cards.append(key)
            }
            guard number >= 0 else { return card }
            if number >= byNumber.count { byNumber.append(contentsOf: repeatElement(-1, count: number + 1 - byNumber.count)) }
            byNumber[number] = card
            return card
        }
    }

    public let parts: [Part]
    /// Every sequence number some record takes back (a revocation or a re-rating).
    public let revoked: Set<Int>

    /// The table of parts read in journal order.
    public init(parts: [Part]) {
        self.parts = parts
        var revoked = Set<Int>()
        for part in parts { revoked.formUnion(part.revoked) }
        self.revoked = revoked
    }

    /// The table of `records`, in order (for tests and small logs).
    public init(records: some Sequence<ReviewRecord>) {
        var part = Part()
        for record in records { part.add(record) }
        self.init(parts: [part])
    }

    /// Calls `body` with each part's index and every row not revoked, in journal order.
    public func forEachRow(_ body: (_ part: Int, _ row: Row) throws -> Void) rethrows {
        for (p, part) in parts.enumerated() {
            for block in part.blocks {
                if revoked.isEmpty {
                    for row in block { try body(p, row) }
                } else {
                    for row in block where !revoked.contains(row.seq) { try body(p, row) }
                }
            }
        }
    }

    /// Each card's latest rating among the rows not revoked.
    public func lastRatings() -> [CardKey: Rating] {
        var last: [CardKey: Rating] = [:]
        for part in parts {
            var latest = [Rating?](repeating: nil, count: part.cards.count)
            for block in part.blocks {
                for row in block where !revoked.contains(row.seq) { latest[Int(row.card)] = row.rating }
            }
            for (c, rating) in latest.enumerated() {
                if let rating { last[part.cards[c]] = rating }
            }
        }
        return last
    }

    /// The answers arranged for fitting, exactly as `ReviewDataset(_:timeZone:rolloverHour:)`
    /// arranges the same reviews as `LoggedReview`s (card id `deck/entry/facet`).
    public func dataset(timeZone: TimeZone, rolloverHour: Int) -> ReviewDataset {
        ReviewDataset(grouped: groupedAnswers(), timeZone: timeZone, rolloverHour: rolloverHour)
    }

    /// The answers not revoked, grouped by card for `ReviewDataset(grouped:)`: cards in the
    /// order of their first answer, answers in log order. Taking these and letting the table
    /// go before building the dataset keeps only one of the two in memory.
    public func groupedAnswers() -> [(id: String, answers: [ReviewDataset.Answer])] {
        var indexOfCard: [CardKey: Int] = [:]
        var grouped: [(id: String, answers: [ReviewDataset.Answer])] = []
        // Per part, its card index → the dataset's, found on the card's first row.
        var global: [Int] = []
        var current = -1
        forEachRow { p, row in
            if p != current {
                current = p
                global = [Int](repeating: -1, count: parts[p].cards.count)
            }
            var g = global[Int(row.card)]
            if g < 0 {
                let key = parts[p].cards[Int(row.card)]
                if let known = indexOfCard[key] {
                    g = known
                } else {
                    g = grouped.count
                    indexOfCard[key] = g
                    grouped.append((key.description, []))
                }
                global[Int(row.card)] = g
            }
            grouped[g].answers.append(ReviewDataset.Answer(time: row.time, rating: row.rating, format: row.format))
        }
        return grouped
    }
}
