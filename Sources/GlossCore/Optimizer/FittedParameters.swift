/// The outcome of a fit.
public struct FittedParameters: Sendable, Equatable {
    /// The 21 fitted FSRS-6 parameters.
    public var parameters: [Double]
    /// `w0...w3` from pre-training, before gradient descent.
    public var pretrainedStabilities: [Double]
    /// Items the log yields, and how many of them were trained on (after outliers).
    public var itemCount: Int
    public var trainedItemCount: Int
    /// The epoch (1-based) whose parameters were kept: the lowest training loss.
    public var bestEpoch: Int
}
