import Foundation
import GlossCore
import GlossStore

/// `gloss-bench gen-scale-data OUT [--seed N] [--entries N] [--reviews N] [--learner NAME]`:
/// writes `OUT/Decks/scale.md` and a learner in `OUT/Progress` (a review log of `--reviews`
/// lines in the journal's exact format, FSRS-scheduled, over three years, then the snapshot
/// `gloss rebuild` makes from it), so `gloss --decks OUT/Decks --progress OUT/Progress
/// --learner NAME` opens it.
enum ScaleData {
    struct Options {
        var out = ".build/scale-data"
        var seed: UInt64 = 42
        var entries = 10_000
        var reviews = 1_000_000
        var learner = "scale"
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
        let journal = progress.appendingPathComponent("\(options.learner).reviews.jsonl")
        for name in ["\(options.learner).json", "\(options.learner).reviews.jsonl"] {
            try? FileManager.default.removeItem(at: progress.appendingPathComponent(name))
        }
        try writeLog(deck: deck, reviews: options.reviews, seed: options.seed, to: journal)
        let report = try ProgressStore.rebuild(folder: progress, learner: options.learner)
        print(
            "wrote \(options.entries) entries to \(decks.path)/scale.md and learner '\(options.learner)' in \(progress.path): \(report.summary)"
        )
    }

    /// The review log: the first answers meet every card once (so all become states), the rest
    /// pick cards at random; ratings follow the card's retrievability; one answer in ten is a
    /// practice answer (schedule untouched).
    private static func writeLog(deck: Deck, reviews: Int, seed: UInt64, to url: URL) throws {
        var rng = SplitMix64(seed: seed &+ 1)
        let rules = ScheduleRules.defaults
        let scheduler = try rules.makeScheduler()
        let keys = deck.entries.flatMap { entry in Facet.allCases.map { CardKey(deck: deck.id, entry: entry.id, facet: $0) } }
        let byID = Dictionary(uniqueKeysWithValues: deck.entries.map { ($0.id, $0) })
        var states = Array(repeating: CardState.new, count: keys.count)
        let end = Date(timeIntervalSince1970: 1_795_996_800)  // 2026-11-28
        let span = 3 * 365 * 86_400.0
        // FileHandle(forWritingTo:) below throws if the file could not be made.
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        var buffer = Data()
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
            var record = ReviewRecord(
                seq: seq, kind: practice ? .practice : .review, time: time, card: key,
                format: QuestionFormat.allCases[Int.random(in: 0..<QuestionFormat.allCases.count, using: &rng)],
                answer: entry?.term ?? "", correct: correct, rating: rating,
                responseMs: Int.random(in: 1_500...15_000, using: &rng),
                confusedWith: correct ? nil : entry?.related.first, device: "scale001")
            if !practice {
                // The record carries the answer; replay derives the state, as here.
                states[index] = scheduler.after(before, rating: rating, evidence: .none, at: time, card: key)
                if seq == 1 { record.rules = rules }
            }
            buffer.append(contentsOf: try JournalLine.encode(record))
            buffer.append(10)
            if buffer.count > 1 << 22 {
                try handle.write(contentsOf: buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        try handle.write(contentsOf: buffer)
    }
}
