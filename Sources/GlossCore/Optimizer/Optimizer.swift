import Foundation

/// Fits the 21 FSRS-6 parameters to a review log, as fsrs-rs `compute_parameters` does:
/// outliers removed, `w0...w3` pre-trained, then Adam on mini-batches with a cosine
/// learning rate, clipping to the bounds after every step, an L2 penalty towards the
/// pre-trained defaults, recency-weighted items, and exact gradients (``Dual``).
///
/// ```swift
/// let data = ReviewDataset(reviews, timeZone: .current, rolloverHour: 4)
/// let fit = try Optimizer().fit(data) { fraction in bar.update(fraction) }
/// let before = ModelEvaluation.evaluate(LearnerSettings.defaultFSRSParameters, on: data)
/// let after = ModelEvaluation.evaluate(fit.parameters, on: data)
/// ```
public struct Optimizer: Sendable {
    public var configuration: OptimizerConfiguration

    /// Standard deviations of the parameters across users (fsrs-rs `PARAMS_STDDEV`).
    static let parameterSpread: [Double] = [
        6.43, 9.66, 17.58, 27.85, 0.57, 0.28, 0.6, 0.12, 0.39, 0.18, 0.33, 0.3, 0.09, 0.16, 0.57, 0.25,
        1.03, 0.31, 0.32, 0.14, 0.27,
    ]

    public init(configuration: OptimizerConfiguration = OptimizerConfiguration()) {
        self.configuration = configuration
    }

    /// Fits parameters to all items of `data` (or to `items`, oldest first).
    /// `progress` receives the fraction done (0...1) after every mini-batch.
    public func fit(
        _ data: ReviewDataset, items: [ReviewDataset.Item]? = nil, progress: (Double) -> Void = { _ in }
    ) throws(CoreError) -> FittedParameters {
        let all = items ?? data.items
        guard all.count >= configuration.minimumItems else {
            throw .optimizer(.notEnoughData(items: all.count, reviews: data.reviewCount, needed: configuration.minimumItems))
        }
        let recalled = all.reduce(0) { $0 + (data.label($1) ? 1 : 0) }
        let averageRecall = Double(recalled) / Double(all.count)
        let filtered = OutlierFilter.apply(data, items: all)
        guard let initial = InitialStability.fit(filtered.firstReviews, averageRecall: averageRecall) else {
            throw .optimizer(.notEnoughData(items: all.count, reviews: data.reviewCount, needed: configuration.minimumItems))
        }
        let pretrained = initial.stabilities + LearnerSettings.defaultFSRSParameters[4...]

        // Recency weights over the kept items (oldest 0.25, newest 1), long histories dropped.
        let n = filtered.trainItems.count
        let denominator = max(Double(n - 1), 1)
        var weighted: [(ReviewDataset.Item, Double)] = []
        weighted.reserveCapacity(n)
        for (i, item) in filtered.trainItems.enumerated() where Int(item.position) + 1 <= configuration.maximumSequenceLength {
            let x = Double(i) / denominator
            weighted.append((item, 0.25 + 0.75 * x * x * x))
        }
        guard weighted.count >= 64 else {
            progress(1)
            return FittedParameters(
                parameters: pretrained, pretrainedStabilities: initial.stabilities, itemCount: all.count,
                trainedItemCount: weighted.count, bestEpoch: 0)
        }
        let table = TargetTable(weighted)
        let total = table.itemCount
        let batchesPerEpoch = total / configuration.batchSize + 1
        let schedule = CosineSchedule(
            initial: configuration.learningRate, total: Double(batchesPerEpoch * configuration.epochs))
        var rng = SplitMix64(seed: configuration.seed)
        var adam = Adam(count: 21)
        var w = pretrained
        var best = (loss: Double.infinity, w: w, epoch: 0)
        var step = 0
        let totalSteps = Double(batchesPerEpoch * configuration.epochs)
        for epoch in 1...max(1, configuration.epochs) {
            let order = Array(table.byCard.indices).shuffled(using: &rng)
            var start = 0
            while start < order.count {
                var end = start, batchItems = 0
                while end < order.count, batchItems < configuration.batchSize {
                    batchItems += table.byCard[order[end]].targets.positions.count
                    end += 1
                }
                step += 1
                var (_, gradient) = Self.lossAndGradient(w, data: data, rows: table.byCard, indices: order[start..<end])
                let scale = configuration.penaltyWeight * Double(batchItems) / Double(total)
                for i in 0..<21 {
                    gradient[i] += scale * 2 * (w[i] - pretrained[i]) / (Self.parameterSpread[i] * Self.parameterSpread[i])
                }
                adam.step(&w, gradient: gradient, learningRate: schedule.rate(atStep: step))
                ParameterBounds.clip(&w)
                progress(min(1, Double(step) / totalSteps))
                start = end
            }
            let loss =
                (Self.loss(w, data: data, rows: table.byCard)
                    + configuration.penaltyWeight * Self.penalty(w, pretrained)) / Double(total)
            if loss < best.loss { best = (loss, w, epoch) }
        }
        var stabilities: [Int: Double] = [:]
        for r in 1...4 { stabilities[r] = best.w[r - 1] }
        let smoothed = InitialStability.smoothAndFill(stabilities, counts: initial.counts) ?? Array(best.w[0..<4])
        progress(1)
        return FittedParameters(
            parameters: smoothed + best.w[4...], pretrainedStabilities: initial.stabilities,
            itemCount: all.count, trainedItemCount: total, bestEpoch: best.epoch)
    }

    static func penalty(_ w: [Double], _ initial: [Double]) -> Double {
        var sum = 0.0
        for i in 0..<21 {
            let d = w[i] - initial[i]
            sum += d * d / (parameterSpread[i] * parameterSpread[i])
        }
        return sum
    }

    /// Weighted log loss (summed) of the given cards' items.
    static func loss(_ w: [Double], data: ReviewDataset, rows: [(card: Int, targets: TargetTable.Targets)]) -> Double {
        var sum = 0.0
        for row in rows {
            let card = data.cards[row.card]
            MemoryReplay.predict(card, at: row.targets.positions, w: w) { k, r in
                let rr = min(max(r, 1e-15), 1 - 1e-15)
                let y = card.ratings[Int(row.targets.positions[k])] > 1
                sum -= row.targets.weights[k] * (y ? log(rr) : log(1 - rr))
            }
        }
        return sum
    }

    /// Weighted log loss (summed) of the cards `rows[indices]`, and its exact gradient.
    static func lossAndGradient<C: Collection<Int>>(
        _ w: [Double], data: ReviewDataset, rows: [(card: Int, targets: TargetTable.Targets)], indices: C
    ) -> (Double, [Double]) {
        let dw = Dual.seeded(w)
        var sum = 0.0
        var gradient = Partials.zero
        for index in indices {
            let row = rows[index]
            let card = data.cards[row.card]
            MemoryReplay.predict(card, at: row.targets.positions, w: dw) { k, r in
                let weight = row.targets.weights[k]
                let rr = min(max(r.value, 1e-15), 1 - 1e-15)
                if card.ratings[Int(row.targets.positions[k])] > 1 {
                    sum -= weight * log(rr)
                    gradient -= r.partials * (weight / rr)
                } else {
                    sum -= weight * log(1 - rr)
                    gradient += r.partials * (weight / (1 - rr))
                }
            }
        }
        return (sum, (0..<21).map { gradient[$0] })
    }
}
