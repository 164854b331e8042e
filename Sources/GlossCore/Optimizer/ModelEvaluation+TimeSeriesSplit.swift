extension ModelEvaluation {
    /// Out-of-sample figures: the items (oldest first) are cut into `folds + 1` equal parts;
    /// for each fold k, parameters are fitted on parts 0..<k and evaluated on part k, and
    /// the predictions of all folds are pooled. A fold with too little history to fit is
    /// evaluated with `fallback` (the learner's current parameters).
    ///
    /// ```swift
    /// let out = ModelEvaluation.timeSeriesSplit(data, fallback: settings.fsrsParameters)
    /// ```
    public static func timeSeriesSplit(
        _ data: ReviewDataset, fallback: [Double], folds: Int = 5,
        configuration: OptimizerConfiguration = OptimizerConfiguration(), progress: (Double) -> Void = { _ in }
    ) -> ModelEvaluation {
        var accumulator = Accumulator()
        let optimizer = Optimizer(configuration: configuration)
        for (k, fold) in splitFolds(data.items.count, folds: folds).enumerated() {
            let train = Array(data.items[fold.train])
            let test = Array(data.items[fold.test])
            let base = Double(k) / Double(folds)
            let parameters =
                (try? optimizer.fit(data, items: train) { progress(base + $0 / Double(folds)) })?
                .parameters ?? fallback
            accumulator.add(parameters, on: data, items: test)
        }
        progress(1)
        return accumulator.result
    }

    /// The folds of a time-series split of `n` items (oldest first): cut into `folds + 1`
    /// equal parts, fold k trains on parts 0..<k and tests on part k (none when too few).
    static func splitFolds(_ n: Int, folds: Int) -> [(train: Range<Int>, test: Range<Int>)] {
        let size = n / (max(1, folds) + 1)
        guard size > 0 else { return [] }
        return (1...max(1, folds)).map { k in (0..<(k * size), (k * size)..<min(n, (k + 1) * size)) }
    }
}
