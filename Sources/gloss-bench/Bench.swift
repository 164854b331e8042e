import Foundation

/// One benchmark figure: what was measured and how long one operation took.
struct BenchResult {
    var name: String
    var nanosecondsPerOp: Double
    var operations: Int
    var note: String = ""
}

/// A named group of benchmarks (one per area: scheduler, questions, store, ...).
struct BenchGroup {
    var name: String
    var run: () throws -> [BenchResult]
}

/// Runs `body` `iterations` times per round, over `rounds` rounds, and returns the best
/// round's time per iteration in nanoseconds (the least disturbed by the machine).
func measure(iterations: Int, rounds: Int = 5, _ body: () throws -> Void) rethrows -> Double {
    var best = Double.infinity
    for _ in 0..<rounds {
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<iterations { try body() }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start)
        best = min(best, elapsed / Double(iterations))
    }
    return best
}

/// Keeps a value alive so the optimizer can't drop the work that made it.
@inline(never) func blackHole<T>(_ value: T) { _ = value }

func formatDuration(_ ns: Double) -> String {
    if ns < 1_000 { return String(format: "%.1f ns", ns) }
    if ns < 1_000_000 { return String(format: "%.2f µs", ns / 1_000) }
    if ns < 1_000_000_000 { return String(format: "%.2f ms", ns / 1_000_000) }
    return String(format: "%.2f s", ns / 1_000_000_000)
}
