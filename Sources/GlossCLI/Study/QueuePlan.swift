import Foundation
import GlossCore

/// The study loop's view of today's `StudyQueue`, plus what the loop adds on top: skipped
/// cards at the back, undone cards at the front, and `--ahead` reviews when nothing is due.
struct QueuePlan: StudyPlan {
    private var queue: StudyQueue
    private var front: [CardKey] = []
    private var back: [CardKey] = []
    /// What the card being asked is (for the status line, which counts it as left).
    private(set) var current: StudyQueue.Kind?

    init(queue: StudyQueue, ahead: [CardKey] = []) {
        self.queue = queue
        self.back = ahead
    }

    var counts: (left: Int, new: Int, learning: Int) {
        let remaining = queue.remaining
        return (
            remaining.new + remaining.learning + remaining.review + front.count + back.count, remaining.new, remaining.learning
        )
    }

    mutating func next(at now: Date) -> CardKey? {
        current = nil
        if !front.isEmpty { return front.removeFirst() }
        if let item = queue.nextItem(at: now) {
            current = item.kind
            return item.key
        }
        return back.isEmpty ? nil : back.removeFirst()
    }

    /// The status line before a question: "7 left · 2 learning · 3 new", the card asked included.
    var statusCounts: (left: Int, learning: Int, new: Int) {
        let c = counts
        return (c.left + 1, c.learning + (current == .learning ? 1 : 0), c.new + (current == .new ? 1 : 0))
    }

    mutating func answered(_ key: CardKey, state: CardState, at now: Date) {
        queue.answered(key, state: state, at: now)
    }

    mutating func postpone(_ key: CardKey) { back.append(key) }

    mutating func putFirst(_ key: CardKey) {
        front.removeAll { $0 == key }
        back.removeAll { $0 == key }
        front.insert(key, at: 0)
    }
}

extension Session {
    /// The study day clock for the learner's rollover hour, in the local time zone.
    func dayClock(_ settings: LearnerSettings) -> DayClock {
        DayClock(timeZone: .current, rolloverHour: settings.rolloverHour)
    }
}
