import Foundation

/// How well predicted recall matches the answers, per question format, and a per-format
/// logit offset that corrects it.
///
/// FSRS predicts one recall probability per card, whatever the question: picking the term
/// among four options is easier than typing it (recognition, and a lucky guess), so a
/// learner's multiple-choice answers are right more often than predicted and typed ones
/// less. The offset `b` of a format moves its predictions on the logit scale,
/// `p' = 1 / (1 + e^-(logit(p) + b))`, fitted by maximum likelihood (Newton's method), and
/// is kept only when it lowers the out-of-sample log loss of a time-series split.
///
/// ```swift
/// let rows = FormatCalibration.rows(parameters, on: data)          // log loss, RMSE(bins), mean p vs recalled
/// let check = FormatCalibration.offsetSplit(parameters, on: data)
/// check.kept   // offsets lower the out-of-sample log loss
/// ```
public enum FormatCalibration {
    /// One format's figures (`format` nil: answers logged without one).
    public struct Row: Sendable, Equatable {
        public var format: QuestionFormat?
        public var fit: ModelEvaluation
        /// Mean predicted recall probability.
        public var meanPredicted: Double
        /// Share of the answers recalled (rated above *again*).
        public var observed: Double
    }

    /// The out-of-sample check of per-format offsets.
    public struct OffsetCheck: Sendable, Equatable {
        /// Log loss and RMSE(bins) of the test folds without offsets, and with offsets
        /// fitted on each fold's past.
        public var without: ModelEvaluation
        public var with: ModelEvaluation
        /// The offsets fitted on every item (what is stored when kept).
        public var offsets: [QuestionFormat: Double]

        /// Whether the offsets lower the out-of-sample log loss.
        public var kept: Bool { with.count > 0 && with.logLoss < without.logLoss }
    }

    /// A format needs this many answers before an offset is fitted for it.
    public static let minimumAnswers = 50
    /// Offsets are kept within ±this (a factor of about 55 on the odds).
    public static let maximumOffset = 4.0

    /// `p` moved by `offset` on the logit scale.
    @inlinable public static func adjusted(_ p: Double, offset: Double) -> Double {
        guard offset != 0 else { return p }
        let q = min(max(p, 1e-9), 1 - 1e-9)
        return 1 / (1 + exp(-(log(q / (1 - q)) + offset)))
    }

    /// One predicted answer: its format, the prediction, whether it was recalled, its bin.
    struct Prediction {
        var format: QuestionFormat?
        var r: Double
        var recalled: Bool
        var bin: Int64
    }

    /// The prediction of every item of `data` under `parameters`, in item order.
    static func predictions(_ parameters: [Double], on data: ReviewDataset) -> [Prediction] {
        // Each card's item by answer position (-1: none): an array a card, not a dictionary of
        // every item (a million items were 28 MB of dictionary).
        var itemAt = data.cards.map { [Int32](repeating: -1, count: $0.ratings.count) }
        for (i, item) in data.items.enumerated()
        where data.cards.indices.contains(Int(item.card)) && itemAt[Int(item.card)].indices.contains(Int(item.position)) {
            itemAt[Int(item.card)][Int(item.position)] = Int32(i)
        }
        var byItem = [Prediction](
            repeating: Prediction(format: nil, r: 0, recalled: false, bin: 0), count: data.items.count)
        var predicted = [Bool](repeating: false, count: data.items.count)
        var count = 0
        for (card, targets) in TargetTable(data.items.map { ($0, 1.0) }).byCard {
            let c = data.cards[card]
            MemoryReplay.predict(c, at: targets.positions, w: parameters) { k, r in
                let p = Int(targets.positions[k])
                guard itemAt[card].indices.contains(p) else { return }
                let i = Int(itemAt[card][p])
                guard i >= 0 else { return }
                byItem[i] = Prediction(
                    format: c.format(at: p), r: r, recalled: c.ratings[p] > 1,
                    bin: ModelEvaluation.Accumulator.binKey(c, position: p))
                if !predicted[i] {
                    predicted[i] = true
                    count += 1
                }
            }
        }
        // Every item predicted (the usual case): the array as it is, no second one.
        if count == byItem.count { return byItem }
        return byItem.indices.compactMap { predicted[$0] ? byItem[$0] : nil }
    }

    /// Log loss, RMSE(bins) and mean predicted vs observed recall per format (formats in
    /// declaration order, unknown last), with `offsets` applied when given.
    public static func rows(
        _ parameters: [Double], on data: ReviewDataset, offsets: [QuestionFormat: Double] = [:]
    ) -> [Row] {
        rows(predictions(parameters, on: data), offsets: offsets)
    }

    static func rows(_ predictions: [Prediction], offsets: [QuestionFormat: Double]) -> [Row] {
        var accumulators: [QuestionFormat?: ModelEvaluation.Accumulator] = [:]
        for p in predictions {
            let r = adjusted(p.r, offset: p.format.flatMap { offsets[$0] } ?? 0)
            accumulators[p.format, default: ModelEvaluation.Accumulator()].record(r, recalled: p.recalled, bin: p.bin)
        }
        let order: [QuestionFormat?] = QuestionFormat.allCases.map { $0 } + [nil]
        return order.compactMap { format in
            guard let a = accumulators[format] else { return nil }
            let means = a.means
            return Row(format: format, fit: a.result, meanPredicted: means.predicted, observed: means.observed)
        }
    }

    /// The whole-log figures with `offsets` applied.
    public static func evaluate(
        _ parameters: [Double], on data: ReviewDataset, offsets: [QuestionFormat: Double]
    ) -> ModelEvaluation {
        var accumulator = ModelEvaluation.Accumulator()
        for p in predictions(parameters, on: data) {
            accumulator.record(adjusted(p.r, offset: p.format.flatMap { offsets[$0] } ?? 0), recalled: p.recalled, bin: p.bin)
        }
        return accumulator.result
    }

    /// The offset of each format with at least ``minimumAnswers`` of `predictions`: the one
    /// that minimises their log loss.
    static func fitOffsets(_ predictions: some Sequence<Prediction>) -> [QuestionFormat: Double] {
        var grouped: [QuestionFormat: [(r: Double, y: Double)]] = [:]
        for p in predictions {
            if let format = p.format { grouped[format, default: []].append((p.r, p.recalled ? 1 : 0)) }
        }
        var offsets: [QuestionFormat: Double] = [:]
        for (format, answers) in grouped where answers.count >= minimumAnswers {
            // The log loss is convex in b: Newton from 0, clamped.
            var b = 0.0
            for _ in 0..<25 {
                var gradient = 0.0, curvature = 0.0
                for a in answers {
                    let q = adjusted(a.r, offset: b)
                    gradient += q - a.y
                    curvature += q * (1 - q)
                }
                guard curvature > 1e-12 else { break }
                let step = gradient / curvature
                b = min(max(b - step, -maximumOffset), maximumOffset)
                if abs(step) < 1e-10 { break }
            }
            offsets[format] = b
        }
        return offsets
    }

    /// Offsets fitted on every item of `data`.
    public static func fitOffsets(_ parameters: [Double], on data: ReviewDataset) -> [QuestionFormat: Double] {
        fitOffsets(predictions(parameters, on: data))
    }

    /// The time-series split of ``ModelEvaluation/timeSeriesSplit(_:fallback:folds:configuration:progress:)``
    /// for the offsets, with `parameters` fixed: for each fold, offsets fitted on the past
    /// items are tested on the fold, beside the same predictions without offsets.
    public static func offsetSplit(_ parameters: [Double], on data: ReviewDataset, folds: Int = 5) -> OffsetCheck {
        let all = predictions(parameters, on: data)
        var without = ModelEvaluation.Accumulator()
        var with = ModelEvaluation.Accumulator()
        for fold in ModelEvaluation.splitFolds(all.count, folds: folds) {
            let offsets = fitOffsets(all[fold.train])
            for p in all[fold.test] {
                without.record(p.r, recalled: p.recalled, bin: p.bin)
                with.record(adjusted(p.r, offset: p.format.flatMap { offsets[$0] } ?? 0), recalled: p.recalled, bin: p.bin)
            }
        }
        return OffsetCheck(without: without.result, with: with.result, offsets: fitOffsets(all))
    }
}
