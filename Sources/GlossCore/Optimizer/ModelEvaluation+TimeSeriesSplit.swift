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
        let n = data.items.count
        let size = n / (max(1, folds) + 1)
        var accumulator = Accumulator()
        guard size > 0 else { return accumulator.result }
        let optimizer = Optimizer(configuration: configuration)
        for k in 1...max(1, folds) {
            let train = Array(data.items[0..<(k * size)])
            let test = Array(data.items[(k * size)..<min(n, (k + 1) * size)])
            let base = Double(k - 1) / Double(folds)
            let parameters =
                (try? optimizer.fit(data, items: train) { progress(base + $0 / Double(folds)) })?
                .parameters ?? fallback
            accumulator.add(parameters, on: data, items: test)
        }
        progress(1)
        return accumulator.result
    }
}
