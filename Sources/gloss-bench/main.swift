import Foundation

// gloss-bench: release-built benchmarks. `swift run -c release gloss-bench [GROUP...]`.
// Each area adds its group to this list.
let groups: [BenchGroup] = [
    statsBenches, statsExportBenches,
    storeBenches,
    deckBench(),
    schedulerBenches,
    questionBenches,
    optimizerBenches,
    ankiBenches,
]

if CommandLine.arguments.dropFirst().first == "gen-scale-data" {
    guard let options = ScaleData.parse(Array(CommandLine.arguments.dropFirst(2))) else {
        print("usage: gloss-bench gen-scale-data OUT [--seed N] [--entries N] [--reviews N] [--learner NAME]")
        exit(2)
    }
    do {
        try ScaleData.run(options)
        exit(0)
    } catch {
        print("gen-scale-data failed: \(error)")
        exit(1)
    }
}

if CommandLine.arguments.dropFirst().first == "efficiency" {
    exit(EfficiencyBench.run(Array(CommandLine.arguments.dropFirst(2))))
}

if CommandLine.arguments.dropFirst().first == "workload" {
    exit(WorkloadBench.run(Array(CommandLine.arguments.dropFirst(2))))
}

if CommandLine.arguments.dropFirst().first == "gen-anki-package" {
    guard CommandLine.arguments.count == 3 else {
        print("usage: gloss-bench gen-anki-package OUT.apkg")
        exit(2)
    }
    do {
        try AnkiScale.write(to: CommandLine.arguments[2])
        exit(0)
    } catch {
        print("gen-anki-package failed: \(error)")
        exit(1)
    }
}

let wanted = Set(CommandLine.arguments.dropFirst())
var failed = false
for group in groups where wanted.isEmpty || wanted.contains(group.name) {
    do {
        for result in try group.run() {
            let line = "\(group.name)\t\(result.name)\t\(formatDuration(result.nanosecondsPerOp))/op\t(\(result.operations) ops)"
            print(result.note.isEmpty ? line : line + "\t" + result.note)
        }
    } catch {
        print("\(group.name)\tfailed: \(error)")
        failed = true
    }
}
exit(failed ? 1 : 0)
