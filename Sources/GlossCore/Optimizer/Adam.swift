import Foundation

/// The Adam optimizer (β1 0.9, β2 0.999, ε 1e-8), as burn's, over a parameter vector.
struct Adam {
    var beta1 = 0.9
    var beta2 = 0.999
    var epsilon = 1e-8
    private var m: [Double]
    private var v: [Double]
    private var t = 0

    init(count: Int) {
        m = Array(repeating: 0, count: count)
        v = Array(repeating: 0, count: count)
    }

    mutating func step(_ w: inout [Double], gradient g: [Double], learningRate lr: Double) {
        t += 1
        let c1 = 1 - pow(beta1, Double(t)), c2 = 1 - pow(beta2, Double(t))
        for i in w.indices {
            m[i] = beta1 * m[i] + (1 - beta1) * g[i]
            v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i]
            w[i] -= lr * (m[i] / c1) / ((v[i] / c2).squareRoot() + epsilon)
        }
    }
}

/// Cosine annealing from `initial` to 0 over `total` steps (fsrs-rs `CosineAnnealingLR`).
struct CosineSchedule {
    var initial: Double
    var total: Double
    func rate(atStep k: Int) -> Double {
        initial * (1 + cos(Double.pi * Double(k) / total)) / 2
    }
}
