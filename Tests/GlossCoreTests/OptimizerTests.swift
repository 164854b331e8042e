import Foundation
import Testing

@testable import GlossCore

@Suite struct OptimizerTests {
    static let truth: [Double] = {
        var w = LearnerSettings.defaultFSRSParameters
        w[8] = 1.6
        w[9] = 0.25
        w[11] = 1.7
        w[20] = 0.3
        return w
    }()

    static func synthetic(reviews: Int, seed: UInt64) -> ReviewDataset {
        var rng = SplitMix64(seed: seed)
        return SyntheticReviews.generate(parameters: truth, reviews: reviews, days: 600, using: &rng)
    }

    @Test func gradientMatchesFiniteDifferences() {
        let data = Self.synthetic(reviews: 600, seed: 3)
        let table = TargetTable(data.items.map { ($0, 1.0) })
        var rng = SplitMix64(seed: 11)
        for _ in 0..<3 {
            // Random parameters strictly inside the bounds.
            let w = (0..<21).map { i in
                let lo = ParameterBounds.lower[i], hi = ParameterBounds.upper[i]
                return lo + (hi - lo) * Double.random(in: 0.2...0.8, using: &rng) * (i < 4 ? 0.2 : 1)
            }
            let (loss, gradient) = Optimizer.lossAndGradient(w, data: data, rows: table.byCard, indices: table.byCard.indices)
            #expect(abs(loss - Optimizer.loss(w, data: data, rows: table.byCard)) < 1e-9 * max(1, loss))
            for i in 0..<21 {
                let h = 1e-6 * max(1, abs(w[i]))
                var up = w, down = w
                up[i] += h
                down[i] -= h
                let numeric =
                    (Optimizer.loss(up, data: data, rows: table.byCard)
                        - Optimizer.loss(down, data: data, rows: table.byCard)) / (2 * h)
                #expect(abs(numeric - gradient[i]) <= 1e-4 * max(1, abs(numeric)), "w\(i): \(numeric) vs \(gradient[i])")
            }
        }
    }

    @Test func fitLowersLossOnSyntheticLogAndStaysInBounds() throws {
        let data = Self.synthetic(reviews: 8_000, seed: 5)
        let fit = try Optimizer().fit(data)
        let before = ModelEvaluation.evaluate(LearnerSettings.defaultFSRSParameters, on: data)
        let after = ModelEvaluation.evaluate(fit.parameters, on: data)
        let truth = ModelEvaluation.evaluate(Self.truth, on: data)
        #expect(after.logLoss < before.logLoss)
        #expect(after.rmseBins < before.rmseBins)
        // Closer to the generating parameters' loss than the defaults are.
        #expect(abs(after.logLoss - truth.logLoss) < abs(before.logLoss - truth.logLoss))
        #expect(fit.parameters.count == 21)
        for i in 0..<21 {
            #expect(fit.parameters[i] >= ParameterBounds.lower[i] && fit.parameters[i] <= ParameterBounds.upper[i])
        }
        // w0...w3 non-decreasing after smoothing.
        #expect(zip(fit.parameters[0..<3], fit.parameters[1..<4]).allSatisfy { $0 <= $1 })
    }

    @Test func sameSeedSameParameters() throws {
        let data = Self.synthetic(reviews: 3_000, seed: 9)
        var a = OptimizerConfiguration()
        a.seed = 42
        let first = try Optimizer(configuration: a).fit(data)
        let second = try Optimizer(configuration: a).fit(data)
        #expect(first == second)
        a.seed = 43
        let other = try Optimizer(configuration: a).fit(data)
        #expect(other.parameters != first.parameters)
    }

    @Test func tooLittleDataIsRefusedWithAMessage() {
        let data = Self.synthetic(reviews: 200, seed: 1)
        #expect(throws: CoreError.optimizer(.notEnoughData(items: data.items.count, reviews: data.reviewCount, needed: 400))) {
            try Optimizer().fit(data)
        }
        let message = CoreError.optimizer(.notEnoughData(items: 120, reviews: 200, needed: 400)).description
        #expect(
            message == "not enough review history to optimize: 200 reviews give 120 answers a day or "
                + "more after the previous one, and at least 400 are needed; keeping the current parameters")
    }

    @Test func progressReachesOne() throws {
        let data = Self.synthetic(reviews: 3_000, seed: 2)
        var seen: [Double] = []
        _ = try Optimizer().fit(data) { seen.append($0) }
        #expect(seen.last == 1)
        #expect(zip(seen, seen.dropFirst()).allSatisfy { $0 <= $1 })
    }

    @Test func datasetBuildsItemsLikeFSRSRS() {
        let t0 = Date(timeIntervalSince1970: 1_700_000_000)  // 22:13 UTC
        func at(_ hours: Double) -> Date { t0.addingTimeInterval(hours * 3600) }
        let reviews = [
            LoggedReview(cardID: "a", rating: .again, time: at(0)),
            LoggedReview(cardID: "a", rating: .good, time: at(0.2)),  // same day: history only
            LoggedReview(cardID: "a", rating: .good, time: at(30)),  // next day: item
            LoggedReview(cardID: "b", rating: .good, time: at(1)),
            LoggedReview(cardID: "b", rating: .hard, time: at(5)),  // before 04:00 rollover: same day
            LoggedReview(cardID: "b", rating: .good, time: at(7)),  // after rollover: next day, item
        ]
        let data = ReviewDataset(reviews, timeZone: TimeZone(secondsFromGMT: 0) ?? .current, rolloverHour: 4)
        #expect(data.cards.map(\.elapsedDays) == [[0, 0, 2], [0, 0, 1]])
        #expect(data.items == [.init(card: 1, position: 2), .init(card: 0, position: 2)])
        #expect(data.label(data.items[0]))
    }
}

@Suite struct OptimizerEvaluationTests {
    @Test func timeSeriesSplitPoolsEveryFoldAfterTheFirstPart() {
        let data = OptimizerTests.synthetic(reviews: 6_000, seed: 4)
        let out = ModelEvaluation.timeSeriesSplit(data, fallback: LearnerSettings.defaultFSRSParameters, folds: 5)
        let size = data.items.count / 6
        #expect(out.count == 5 * size)
        let inSample = ModelEvaluation.evaluate(LearnerSettings.defaultFSRSParameters, on: data)
        #expect(out.logLoss.isFinite && out.logLoss > 0 && out.logLoss < inSample.logLoss * 1.5)
    }

    @Test func singleItemEvaluationIsExact() {
        // One card, one item: the bin holds one prediction, so RMSE = |p - y|.
        let card = ReviewDataset.Card(id: "c", ratings: [3, 3], elapsedDays: [0, 2])
        let data = ReviewDataset(cards: [card])
        let w = LearnerSettings.defaultFSRSParameters
        let e = ModelEvaluation.evaluate(w, on: data)
        let p = FSRS.retrievability(elapsedDays: 2.0, stability: w[2], w: w)
        #expect(abs(e.rmseBins - (1 - p)) < 1e-12)
        #expect(abs(e.logLoss + Foundation.log(p)) < 1e-12)
    }
}
