import Foundation
import GlossCore
import GlossStore

/// `gloss-bench gen-scale-data OUT [--seed N] [--entries N] [--reviews N] [--learner NAME] [--devices N]`:
/// writes `OUT/Decks/scale.md` and a learner in `OUT/Progress` (a review log of `--reviews`
/// lines in the journal's exact format, FSRS-scheduled, over three years, then the snapshot
/// `gloss rebuild` makes from it), so `gloss --decks OUT/Decks --progress OUT/Progress
/// --learner NAME` opens it. With `--devices N` the answers are dealt in turn to N devices
/// (`scale001` writes `NAME.reviews.jsonl`, `scale002` `NAME@scale002.reviews.jsonl`, …), as
/// N machines studying one learner through a synced folder; open it with `--device scale001`.
enum ScaleData {
    struct Options {
        var out = ".build/scale-data"
        var seed: UInt64 = 42
        var entries = 10_000
        var reviews = 1_000_000
        var learner = "scale"
        var devices = 1
    }

    static func parse(_ args: [String]) -> Options? {
        var options = Options()
        var rest = args[...]
        while let arg = rest.popFirst() {
            if arg.hasPrefix("--") {
                guard let value = rest.popFirst() else { return nil }
                switch arg {
                case "--seed":
                    guard let v = UInt64(value) else { return nil }
                    options.seed = v
                case "--entries":
                    guard let v = Int(value), v > 1 else { return nil }
                    options.entries = v
                case "--reviews":
                    guard let v = Int(value), v >= 0 else { return nil }
                    options.reviews = v
                case "--learner": options.learner = value
                case "--devices":
                    guard let v = Int(value), (1...9).contains(v) else { return nil }
                    options.devices = v
                default: return nil
                }
            } else {
                options.out = arg
            }
        }
        return options
    }

    static func run(_ options: Options) throws {
        let root = URL(fileURLWithPath: options.out)
        let decks = root.appendingPathComponent("Decks"), progress = root.appendingPathComponent("Progress")
        for folder in [decks, progress] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        let deck = ScaleDeck.make(id: "scale", entries: options.entries, seed: options.seed)
        try Data(MarkdownDeckWriter.write(deck).utf8).write(to: decks.appendingPathComponent("scale.md"))
        for name in (try? FileManager.default.contentsOfDirectory(atPath: progress.path)) ?? []
        where name.hasPrefix("\(options.learner).") || name.hasPrefix("\(options.learner)@") {
            try? FileManager.default.removeItem(at: progress.appendingPathComponent(name))
        }
        let journals = (1...options.devices).map { k in
            progress.appendingPathComponent(
                k == 1 ? "\(options.learner).reviews.jsonl" : "\(options.learner)@\(device(k)).reviews.jsonl")
        }
        try writeLog(deck: deck, reviews: options.reviews, seed: options.seed, to: journals)
        let report = try ProgressStore.rebuild(folder: progress, learner: options.learner, device: device(1))
        print(
            "wrote \(options.entries) entries to \(decks.path)/scale.md and learner '\(options.learner)' in \(progress.path): \(report.summary)"
        )
    }

    /// The review log: the first answers meet every card once (so all become states), the rest
    /// pick cards at random; ratings follow the card's retrievability; one answer in ten is a
    /// practice answer (schedule untouched).
    /// The name of device `k` (1-based).
    static func device(_ k: Int) -> String { "scale00\(k)" }

    private static func writeLog(deck: Deck, reviews: Int, seed: UInt64, to urls: [URL]) throws {
        var rng = SplitMix64(seed: seed &+ 1)
        let rules = ScheduleRules.defaults
        let scheduler = try rules.makeScheduler()
        let keys = deck.entries.flatMap { entry in Facet.allCases.map { CardKey(deck: deck.id, entry: entry.id, facet: $0) } }
        let byID = Dictionary(uniqueKeysWithValues: deck.entries.map { ($0.id, $0) })
        var states = Array(repeating: CardState.new, count: keys.count)
        let end = Date(timeIntervalSince1970: 1_795_996_800)  // 2026-11-28
        let span = 3 * 365 * 86_400.0
        // FileHandle(forWritingTo:) below throws if the file could not be made.
        for url in urls { _ = FileManager.default.createFile(atPath: url.path, contents: nil) }
        let handles = try urls.map { try FileHandle(forWritingTo: $0) }
        defer { for handle in handles { try? handle.close() } }
        var buffers = Array(repeating: Data(), count: urls.count)
        var seqs = Array(repeating: 0, count: urls.count)
        for seq in 1...max(reviews, 1) where reviews > 0 {
            let time = end.addingTimeInterval(-span + span * Double(seq) / Double(reviews))
            let index = seq <= keys.count ? seq - 1 : Int.random(in: 0..<keys.count, using: &rng)
            let key = keys[index], before = states[index]
            let recall = before.phase == .new ? 0.6 : max(0.3, scheduler.retrievability(of: before, at: time))
            let correct = Double.random(in: 0..<1, using: &rng) < recall
            let roll = Int.random(in: 0..<10, using: &rng)
            let rating: Rating = !correct ? .again : roll == 0 ? .hard : roll == 1 ? .easy : .good
            let practice = seq > keys.count && roll == 9
            let entry = byID[key.entry]
            let d = (seq - 1) % urls.count
            seqs[d] += 1
            var record = ReviewRecord(
                seq: seqs[d], kind: practice ? .practice : .review, time: time, card: key,
                format: QuestionFormat.allCases[Int.random(in: 0..<QuestionFormat.allCases.count, using: &rng)],
                answer: entry?.term ?? "", correct: correct, rating: rating,
                responseMs: Int.random(in: 1_500...15_000, using: &rng),
                confusedWith: correct ? nil : entry?.related.first, device: device(d + 1))
            if !practice {
                // The record carries the answer; replay derives the state, as here.
                states[index] = scheduler.after(before, rating: rating, evidence: .none, at: time, card: key)
            }
            if seqs[d] == 1 { record.rules = rules }
            buffers[d].append(contentsOf: try JournalLine.encode(record))
            buffers[d].append(10)
            if buffers[d].count > 1 << 22 {
                try handles[d].write(contentsOf: buffers[d])
                buffers[d].removeAll(keepingCapacity: true)
            }
        }
        for d in handles.indices { try handles[d].write(contentsOf: buffers[d]) }
    }
}
