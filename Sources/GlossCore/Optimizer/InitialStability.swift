import Foundation

/// Pre-training of the four initial stabilities `w0...w3`, as fsrs-rs `pretrain` does:
/// for each first rating, the stability whose forgetting curve best fits the recall rate
/// at each first interval (Laplace-smoothed, with an L1 pull towards the default), then
/// made monotone in the rating and filled in for ratings never seen.
enum InitialStability {
    static let maximum = 100.0
    static let minimum = FSRS.stabilityMin

    struct Fit {
        var stabilities: [Double]
        /// How many first reviews each rating (1...4) had.
        var counts: [Int: Int]
    }

    /// Returns nil when no first rating had a long-term review.
    static func fit(_ firsts: [(rating: Int, days: Int, recalled: Bool)], averageRecall: Double) -> Fit? {
        let defaults = LearnerSettings.defaultFSRSParameters
        let decay = -defaults[20]
        let factor = pow(0.9, 1 / decay) - 1
        var groups: [Int: [Int: (recalled: Double, count: Double)]] = [:]
        for f in firsts {
            var g = groups[f.rating, default: [:]][f.days, default: (0, 0)]
            g.recalled += f.recalled ? 1 : 0
            g.count += 1
            groups[f.rating, default: [:]][f.days] = g
        }
        var counts: [Int: Int] = [:]
        var stability: [Int: Double] = [:]
        for (rating, byDays) in groups {
            let rows = byDays.sorted { $0.key < $1.key }
            let t = rows.map { Double($0.key) }
            let n = rows.map { $0.value.count }
            let y = rows.map { ($0.value.recalled + averageRecall) / ($0.value.count + 1) }
            counts[rating] = Int(n.reduce(0, +))
            let s0 = defaults[rating - 1]
            func loss(_ s: Double) -> Double {
                var total = 0.0
                for i in t.indices {
                    let p = pow(1 + factor * t[i] / s, decay)
                    total -= (y[i] * log(p) + (1 - y[i]) * log(1 - p)) * n[i]
                }
                return total + abs(s - s0) / 16
            }
            var low = minimum, high = maximum, best = s0
            var iterations = 0
            while high - low > Double.ulpOfOne, iterations < 1000 {
                iterations += 1
                let m1 = low + (high - low) / 3, m2 = high - (high - low) / 3
                if loss(m1) < loss(m2) { high = m2 } else { low = m1 }
                best = (high + low) / 2
            }
            stability[rating] = best
        }
        guard let filled = smoothAndFill(stability, counts: counts) else { return nil }
        return Fit(stabilities: filled, counts: counts)
    }

    /// Makes the stabilities non-decreasing in the rating (trusting the better-attested one)
    /// and fills missing ratings from the others, as fsrs-rs `smooth_and_fill`.
    static func smoothAndFill(_ input: [Int: Double], counts: [Int: Int]) -> [Double]? {
        var s = input.filter { counts[$0.key] != nil }
        for (small, big) in [(1, 2), (2, 3), (3, 4), (1, 3), (2, 4), (1, 4)] {
            if let a = s[small], let b = s[big], a > b {
                if (counts[small] ?? 0) > (counts[big] ?? 0) { s[big] = a } else { s[small] = b }
            }
        }
        let w1 = 3.0 / 5.0, w2 = 3.0 / 5.0
        let defaults = Array(LearnerSettings.defaultFSRSParameters[0..<4])
        var r: [Double?] = [nil, s[1], s[2], s[3], s[4]]
        var result: [Double]
        switch s.count {
        case 0:
            return nil
        case 1:
            guard let (rating, value) = s.first else { return nil }
            let factor = value / defaults[rating - 1]
            result = defaults.map { $0 * factor }.sorted()
        case 2, 3:
            if s.count == 2 {
                switch (r[1], r[2], r[3], r[4]) {
                case (nil, nil, let r3?, let r4?):
                    let r2 = pow(r3, 1 / (1 - w2)) * pow(r4, 1 - 1 / (1 - w2))
                    r[2] = r2
                    r[1] = pow(r2, 1 / w1) * pow(r3, 1 - 1 / w1)
                case (nil, let r2?, nil, let r4?):
                    let r3 = pow(r2, 1 - w2) * pow(r4, w2)
                    r[3] = r3
                    r[1] = pow(r2, 1 / w1) * pow(r3, 1 - 1 / w1)
                case (nil, let r2?, let r3?, nil):
                    r[4] = pow(r2, 1 - 1 / w2) * pow(r3, 1 / w2)
                    r[1] = pow(r2, 1 / w1) * pow(r3, 1 - 1 / w1)
                case (let r1?, nil, nil, let r4?):
                    let k = w1 / (w1 + w2 - w1 * w2), k2 = w2 / (w1 + w2 - w1 * w2)
                    let r2 = pow(r1, k) * pow(r4, 1 - k)
                    r[2] = r2
                    r[3] = pow(r1, 1 - k2) * pow(r4, k2)
                case (let r1?, nil, let r3?, nil):
                    let r2 = pow(r1, w1) * pow(r3, 1 - w1)
                    r[2] = r2
                    r[4] = pow(r2, 1 - 1 / w2) * pow(r3, 1 / w2)
                case (let r1?, let r2?, nil, nil):
                    let r3 = pow(r1, 1 - 1 / (1 - w1)) * pow(r2, 1 / (1 - w1))
                    r[3] = r3
                    r[4] = pow(r2, 1 - 1 / w2) * pow(r3, 1 / w2)
                default:
                    break
                }
            } else {
                switch (r[1], r[2], r[3], r[4]) {
                case (nil, let r2?, let r3?, _):
                    r[1] = pow(r2, 1 / w1) * pow(r3, 1 - 1 / w1)
                case (let r1?, nil, let r3?, _):
                    r[2] = pow(r1, w1) * pow(r3, 1 - w1)
                case (_, let r2?, nil, let r4?):
                    r[3] = pow(r2, 1 - w2) * pow(r4, w2)
                case (_, let r2?, let r3?, nil):
                    r[4] = pow(r2, 1 - 1 / w2) * pow(r3, 1 / w2)
                default:
                    break
                }
            }
            result = r.compactMap { $0 }
        default:
            result = r.compactMap { $0 }
        }
        guard result.count >= 4 else { return nil }
        return result.prefix(4).map { min(max($0, minimum), maximum) }
    }
}
