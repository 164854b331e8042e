import Foundation
import GlossCore

/// `gloss-bench efficiency [--days N] [--entries N] [--seed N] ...`: the simulated learner studying
/// a generated deck once a day under gloss, and under a plain py-fsrs policy beside it.
enum EfficiencyBench {
    static func run(_ arguments: [String]) -> Int32 {
        var days = 90
        var entries = 100
        var seed: UInt64 = 1
        var seeds = 5
        var settings = LearnerSettings()
        var breakdown = false
        var tally: [String: Int] = [:]
        var i = 0
        while i < arguments.count {
            let value = i + 1 < arguments.count ? arguments[i + 1] : ""
            switch arguments[i] {
            case "--days": days = Int(value) ?? -1
            case "--entries": entries = Int(value) ?? -1
            case "--seed": seed = UInt64(value) ?? 0
            case "--seeds": seeds = Int(value) ?? -1
            case "--typed-threshold": settings.typedRecallThreshold = Double(value) ?? -1
            case "--learning-steps": settings.learningSteps = steps(value)
            case "--relearning-steps": settings.relearningSteps = steps(value)
            case "--new-per-day": settings.newPerDay = Int(value) ?? -1
            case "--load-balance": settings.loadBalance = value != "off"
            case "--breakdown":
                breakdown = value != "off"
            case "--grading":
                guard let policy = GradingPolicy(rawValue: value) else {
                    print("efficiency: --grading takes production, capped or plain")
                    return 2
                }
                settings.grading = policy
            default:
                print(
                    "usage: gloss-bench efficiency [--days N] [--entries N] [--seed N] [--seeds N] [--grading POLICY] "
                        + "[--typed-threshold DAYS] [--learning-steps S,S|none] [--relearning-steps S,S|none] "
                        + "[--new-per-day N] [--load-balance on|off] [--breakdown on]"
                )
                return 2
            }
            i += 2
        }
        guard days > 0, entries > 1, seeds > 0 else {
            print("efficiency: --days, --entries and --seeds take positive numbers (entries at least 2)")
            return 2
        }
        let deck = SimulationDeck.make(entries: entries)
        let started = DispatchTime.now().uptimeNanoseconds
        var glossRuns: [EfficiencyReport] = []
        var peerRuns: [EfficiencyReport] = []
        for s in 0..<UInt64(seeds) {
            let simulation = StudySimulation(deck: deck, settings: settings, days: days, seed: seed + s)
            glossRuns.append(
                simulation.run(
                    log: breakdown
                        ? { review in
                            let kind = review.format.isProduction ? "production" : "choice"
                            // Answers by facet, phase before, rung and rating: where the answers go.
                            tally["\(review.card.facet) \(review.before.phase) \(kind) \(review.rating)", default: 0] += 1
                        } : nil))
            peerRuns.append(PeerSimulation(simulation).run())
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        print(
            "efficiency: \(entries) entries, \(days) days, one session a day at 09:00 ± 30 min, "
                + "seeds \(seed)...\(seed + UInt64(seeds) - 1) (counts per run, averaged)")
        print(EfficiencyReport.markdownHeader)
        for report in [EfficiencyReport.pooled(glossRuns), EfficiencyReport.pooled(peerRuns)].compactMap({ $0 }) {
            print(report.markdownRow)
        }
        if breakdown {
            for (key, count) in tally.sorted(by: { $0.key < $1.key }) { print("\(key): \(count / seeds)") }
        }
        print(String(format: "(simulated in %.1f s)", seconds))
        return 0
    }

    /// Steps in seconds, comma-separated, or `none`.
    static func steps(_ value: String) -> [Double] {
        value == "none" ? [] : value.split(separator: ",").compactMap { Double($0) }
    }
}
