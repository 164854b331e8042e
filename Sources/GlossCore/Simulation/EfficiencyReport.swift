/// What a simulated stretch of study cost and what it left in the learner's memory.
public struct EfficiencyReport: Hashable, Sendable {
    /// Who scheduled: "gloss" or the peer policy's name.
    public var policy: String
    public var days: Int
    public var entries: Int
    /// Answers given over all sessions.
    public var answers: Int
    /// Mean over entries of the true probability of producing each of the entry's cards, on
    /// the morning after the last session (an entry never studied counts 0).
    public var productionRecall: Double
    /// Answers on a card after a sibling (another facet of its entry) was answered the same study day.
    public var sameDaySiblings: Int
    /// Answers on a review card last reviewed on an earlier study day that the scheduler
    /// nevertheless updated on the short-term (same-day) path.
    public var nextDayShortTerm: Int
    /// Review-phase answers (the short-term count's denominator).
    public var reviewAnswers: Int
    /// Each day's workload, in order (break days empty).
    public var daily: [SimulatedDay] = []

    public var answersPerDay: Double { days > 0 ? Double(answers) / Double(days) : 0 }
    /// Answers spent per entry the learner can produce (answers / Σ entry recall).
    public var answersPerRecalledEntry: Double {
        let recalled = productionRecall * Double(entries)
        return recalled > 0 ? Double(answers) / recalled : 0
    }

    /// The report as a Markdown table row.
    public var markdownRow: String {
        "| \(policy) | \(fixed(answersPerDay, 1)) | \(fixed(productionRecall * 100, 1))% | "
            + "\(fixed(answersPerRecalledEntry, 1)) | \(sameDaySiblings) | \(nextDayShortTerm) of \(reviewAnswers) |"
    }

    public static let markdownHeader = """
        | policy | answers/day | day-90 production recall | answers per recalled entry | same-day siblings | next-day reviews on the short-term path |
        | --- | ---: | ---: | ---: | ---: | ---: |
        """

    private func fixed(_ value: Double, _ digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        var text = "\(rounded)"
        if let dot = text.firstIndex(of: ".") {
            let decimals = text.distance(from: dot, to: text.endIndex) - 1
            if decimals < digits { text += String(repeating: "0", count: digits - decimals) }
        }
        return text
    }
}

extension EfficiencyReport {
    /// The reports of several seeds pooled: counts summed, recall averaged (per run).
    public static func pooled(_ reports: [EfficiencyReport]) -> EfficiencyReport? {
        guard var total = reports.first else { return nil }
        for report in reports.dropFirst() {
            total.days += report.days
            total.answers += report.answers
            total.sameDaySiblings += report.sameDaySiblings
            total.nextDayShortTerm += report.nextDayShortTerm
            total.reviewAnswers += report.reviewAnswers
            total.productionRecall += report.productionRecall
        }
        total.productionRecall /= Double(reports.count)
        // Counts per run: divide the sums back.
        total.days /= reports.count
        total.answers /= reports.count
        total.sameDaySiblings /= reports.count
        total.nextDayShortTerm /= reports.count
        total.reviewAnswers /= reports.count
        return total
    }
}
