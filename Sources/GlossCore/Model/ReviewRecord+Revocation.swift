import Foundation

extension ReviewRecord {
    /// The `revoke` record that undoes this answer, numbered `seq`.
    ///
    /// It carries the undone answer's time, card, answer, correctness, response time and
    /// confusion; its `before` is the answer's `after` and its `after` the answer's `before`
    /// (both nil for a practice answer, which moved no schedule). Replaying a journal, and
    /// counting stats, take the answer back from this record alone.
    public func revocation(seq: Int) -> ReviewRecord {
        ReviewRecord(
            seq: seq, kind: .revoke, time: time, card: card, format: format, answer: answer, correct: correct,
            rating: rating, responseMs: responseMs, confusedWith: confusedWith,
            before: kind == .review ? after : nil,
            after: kind == .review ? (before ?? .new) : nil,
            revokes: self.seq)
    }
}
