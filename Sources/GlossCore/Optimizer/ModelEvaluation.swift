import Foundation

/// How well parameters predict a review log: log loss and RMSE (bins), as fsrs-rs
/// `evaluate` and the FSRS benchmark define them.
public struct ModelEvaluation: Sendable, Equatable {
    /// Mean binary cross-entropy of the predicted recall probability.
    public var logLoss: Double
    /// Root mean square of (mean predicted − mean actual recall) over bins of
    /// (elapsed days, review count, lapse count), weighted by bin size.
    public var rmseBins: Double
    /// How many answers were predicted.
    public var count: Int

    public init(logLoss: Double, rmseBins: Double, count: Int) {
        self.logLoss = logLoss
        self.rmseBins = rmseBins
        self.count = count
    }

    /// Evaluates `parameters` (21 numbers) on `items` of `data` (all items if nil).
    ///
    /// ```swift
    /// let e = ModelEvaluation.evaluate(LearnerSettings.defaultFSRSParameters, on: data)
    /// print(e.logLoss, e.rmseBins)
    /// ```
    public static func evaluate(
        _ parameters: [Double], on data: ReviewDataset, items: [ReviewDataset.Item]? = nil
    ) -> ModelEvaluation {
        var accumulator = Accumulator()
        accumulator.add(parameters, on: data, items: items ?? data.items)
        return accumulator.result
    }

    /// Sums predictions over several evaluations (the folds of a time-series split).
    struct Accumulator {
        var lossSum = 0.0
        var count = 0
        var bins: [Int64: (predicted: Double, actual: Double, count: Double)] = [:]

        var result: ModelEvaluation {
            guard count > 0 else { return ModelEvaluation(logLoss: .nan, rmseBins: .nan, count: 0) }
            var sum = 0.0, n = 0.0
            // In key order: the same answers give the same figure, whatever order they came in.
            for key in bins.keys.sorted() {
                guard let b = bins[key] else { continue }
                let diff = b.predicted / b.count - b.actual / b.count
                sum += diff * diff * b.count
                n += b.count
            }
            return ModelEvaluation(logLoss: lossSum / Double(count), rmseBins: (sum / n).squareRoot(), count: count)
        }

        mutating func add(_ parameters: [Double], on data: ReviewDataset, items: [ReviewDataset.Item]) {
            let positions = TargetTable(items.map { ($0, 1.0) })
            for (card, targets) in positions.byCard {
                let c = data.cards[card]
                MemoryReplay.predict(c, at: targets.positions, w: parameters) { k, r in
                    let p = Int(targets.positions[k])
                    record(r, recalled: c.ratings[p] > 1, bin: Self.binKey(c, position: p))
                }
            }
        }

        /// Counts one prediction `r` of an answer that was `recalled` (or not), in bin `key`.
        mutating func record(_ r: Double, recalled: Bool, bin key: Int64) {
            let rr = min(max(r, 1e-15), 1 - 1e-15)
            lossSum -= recalled ? log(rr) : log(1 - rr)
            count += 1
            var b = bins[key] ?? (0, 0, 0)
            b.predicted += r
            b.actual += recalled ? 1 : 0
            b.count += 1
            bins[key] = b
        }

        /// Mean predicted recall and the share recalled, over every prediction counted.
        var means: (predicted: Double, observed: Double) {
            var predicted = 0.0, actual = 0.0
            for b in bins.values {
                predicted += b.predicted
                actual += b.actual
            }
            return count > 0 ? (predicted / Double(count), actual / Double(count)) : (.nan, .nan)
        }

        /// fsrs-rs `r_matrix_index`: log-spaced bins of elapsed days, long-term review
        /// count (plus one) and lapses before the answer.
        static func binKey(_ card: ReviewDataset.Card, position p: Int) -> Int64 {
            let elapsed = Double(card.elapsedDays[p])
            let dtBin = Int64((2.48 * pow(3.62, (log(elapsed) / log(3.62)).rounded(.down)) * 100).rounded())
            var longTerm = 0, lapses = 0
            for i in 0...p where card.elapsedDays[i] > 0 {
                longTerm += 1
                if i < p, card.ratings[i] == 1 { lapses += 1 }
            }
            let length = Double(longTerm + 1)
            let lengthBin = Int64((1.99 * pow(1.89, (log(length) / log(1.89)).rounded(.down))).rounded())
            var lapseBin: Int64 = 0
            if lapses > 0 {
                lapseBin = Int64((1.65 * pow(1.73, (log(Double(lapses)) / log(1.73)).rounded(.down))).rounded())
            }
            return dtBin &* 1_000_000 &+ lengthBin &* 1_000 &+ lapseBin
        }
    }
}

/// Items grouped by card, positions ascending, with a weight per item.
struct TargetTable {
    struct Targets {
        var positions: [Int32] = []
        var weights: [Double] = []
    }
    var byCard: [(card: Int, targets: Targets)]
    var itemCount: Int

    init(_ items: [(ReviewDataset.Item, Double)]) {
        var table: [Int: Targets] = [:]
        for (item, weight) in items {
            table[Int(item.card), default: Targets()].positions.append(item.position)
            table[Int(item.card), default: Targets()].weights.append(weight)
        }
        var rows: [(card: Int, targets: Targets)] = []
        rows.reserveCapacity(table.count)
        for (card, var t) in table {
            if zip(t.positions, t.positions.dropFirst()).contains(where: { $0 >= $1 }) {
                let order = t.positions.indices.sorted { t.positions[$0] < t.positions[$1] }
                t = Targets(positions: order.map { t.positions[$0] }, weights: order.map { t.weights[$0] })
            }
            rows.append((card, t))
        }
        rows.sort { $0.card < $1.card }
        byCard = rows
        itemCount = items.count
    }
}
