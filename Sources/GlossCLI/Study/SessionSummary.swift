import Foundation
import GlossCore

/// What happened in one study or quiz session, for the closing summary.
struct SessionSummary {
    var answered = 0
    var right = 0
    var newLearned = 0
    var started: Date
    /// Wrong answers per term, for "hardest terms".
    var misses: [String: Int] = [:]

    init(started: Date) { self.started = started }

    mutating func count(term: String, right isRight: Bool, wasNew: Bool) {
        answered += 1
        if isRight { right += 1 } else { misses[term, default: 0] += 1 }
        if wasNew { newLearned += 1 }
    }

    mutating func uncount(term: String, right isRight: Bool, wasNew: Bool) {
        answered -= 1
        if isRight {
            right -= 1
        } else {
            misses[term, default: 1] -= 1
            if misses[term] == 0 { misses[term] = nil }
        }
        if wasNew { newLearned -= 1 }
    }

    var hardest: [(term: String, misses: Int)] {
        misses.map { (term: $0.key, misses: $0.value) }
            .sorted { $0.misses != $1.misses ? $0.misses > $1.misses : $0.term < $1.term }
    }

    /// "3 answered, 2 right (67%) in 4m 10s."
    func scoreLine(elapsed: TimeInterval) -> String {
        guard answered > 0 else { return "No questions answered." }
        let percent = Int((Double(right) / Double(answered) * 100).rounded())
        return "\(answered) answered, \(right) right (\(percent)%) in \(formatElapsed(elapsed))."
    }
}

/// "45s", "4m 10s", "1h 5m".
func formatElapsed(_ seconds: TimeInterval) -> String {
    let total = max(0, Int(seconds.rounded()))
    if total < 60 { return "\(total)s" }
    if total < 3600 { return "\(total / 60)m \(total % 60)s" }
    return "\(total / 3600)h \((total % 3600) / 60)m"
}

/// "in 10 min", "in 3 h", "in 2 days", "now".
func formatUntil(_ date: Date, from now: Date) -> String {
    let seconds = date.timeIntervalSince(now)
    if seconds <= 0 { return "now" }
    if seconds < 3600 { return "in \(max(1, Int((seconds / 60).rounded()))) min" }
    if seconds < 86400 { return "in \(Int((seconds / 3600).rounded())) h" }
    let days = Int((seconds / 86400).rounded())
    return "in \(days) day\(days == 1 ? "" : "s")"
}

/// "10 min ago", "3 h ago", "2 days ago", "just now" (a time ahead of `now`, another
/// device's clock: its ISO time).
func formatAgo(_ date: Date, from now: Date) -> String {
    let seconds = now.timeIntervalSince(date)
    if seconds < -60 { return "at \(ISO8601DateFormatter().string(from: date))" }
    if seconds < 60 { return "just now" }
    if seconds < 3600 { return "\(Int((seconds / 60).rounded())) min ago" }
    if seconds < 86400 { return "\(Int((seconds / 3600).rounded())) h ago" }
    let days = Int((seconds / 86400).rounded())
    return "\(days) day\(days == 1 ? "" : "s") ago"
}
