/// Settings of a fit; the defaults are fsrs-rs's.
public struct OptimizerConfiguration: Sendable, Equatable {
    public var epochs = 5
    /// Items per mini-batch (cards are kept whole, so batches hold about this many).
    public var batchSize = 512
    /// Peak Adam learning rate, annealed to 0 along a cosine.
    public var learningRate = 0.04
    /// Items with a longer history than this are left out of training.
    public var maximumSequenceLength = 256
    /// Weight of the L2 penalty towards the pre-trained defaults.
    public var penaltyWeight = 1.0
    /// Seed of the mini-batch shuffle.
    public var seed: UInt64 = 2023
    /// Fewer items (answers a day or more after the card's previous one) than this: refused.
    public var minimumItems = 400

    public init() {}
}
