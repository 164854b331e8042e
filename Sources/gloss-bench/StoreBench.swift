import Foundation
import GlossCore
import GlossStore

/// The progress store: durable append, start-up at 30,000 cards + 1,000,000 logged answers
/// (snapshot + a 50-answer tail), and rebuild over that log.
@MainActor let storeBenches = BenchGroup(name: "store") {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("gloss-bench-store-\(getpid())")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: root) }
    var results: [BenchResult] = []

    // 1. Durable append (write + fsync), no checkpoints in between.
    let appendFolder = root.appendingPathComponent("append")
    let store = try ProgressStore(folder: appendFolder, learner: "bench")
    store.checkpointEvery = .max
    var minute = 0.0
    let appendNs = try measure(iterations: 200, rounds: 3) {
        minute += 1
        try store.append(benchRecord(seq: 0, card: Int(minute) % 500, minutes: minute))
    }
    try store.close()
    results.append(
        BenchResult(name: "append one answer (write+fsync)", nanosecondsPerOp: appendNs, operations: 600, note: "goal < 2 ms"))

    // 2. A learner with 30,000 cards and a 1,000,000-line log, written directly.
    let cards = 30_000, lines = 1_000_000, tail = 50
    let bigFolder = root.appendingPathComponent("big")
    try FileManager.default.createDirectory(at: bigFolder, withIntermediateDirectories: true)
    let journalURL = bigFolder.appendingPathComponent("bench.reviews.jsonl")
    let writeStart = DispatchTime.now().uptimeNanoseconds
    let bytes = try writeJournal(to: journalURL, from: 1, through: lines - tail, cards: cards)
    let writeNs = Double(DispatchTime.now().uptimeNanoseconds - writeStart)
    results.append(
        BenchResult(
            name: "generate log (setup)", nanosecondsPerOp: writeNs, operations: 1,
            note: "\(lines - tail) lines, \(bytes / 1_000_000) MB"))

    // `gloss rebuild`: replay the whole log and write the snapshot.
    var report: RebuildReport?
    let rebuildNs = try measure(iterations: 1, rounds: 1) {
        report = try ProgressStore.rebuild(folder: bigFolder, learner: "bench")
    }
    results.append(
        BenchResult(name: "rebuild over the log", nanosecondsPerOp: rebuildNs, operations: 1, note: report?.summary ?? ""))
    results.append(
        BenchResult(name: "rebuild per record", nanosecondsPerOp: rebuildNs / Double(lines - tail), operations: lines - tail))

    // The short tail after the snapshot, then timed opens (no checkpoint, so every open replays it).
    _ = try writeJournal(to: journalURL, from: lines - tail + 1, through: lines, cards: cards, append: true)
    var cardCount = 0
    let loadNs = try measure(iterations: 1, rounds: 5) {
        let opened = try ProgressStore(folder: bigFolder, learner: "bench")
        cardCount = opened.state.cards.count
        guard opened.state.lastSeq == lines else { throw BenchFailure.wrongState("lastSeq \(opened.state.lastSeq)") }
    }
    let opened = try ProgressStore(folder: bigFolder, learner: "bench")
    let checkpointNs = try measure(iterations: 1, rounds: 3) { try opened.checkpoint() }
    try opened.close()
    results.append(
        BenchResult(
            name: "checkpoint (atomic snapshot write)", nanosecondsPerOp: checkpointNs, operations: 3,
            note: "\(cardCount) cards; every 20 answers and on close"))
    results.append(
        BenchResult(
            name: "open learner (snapshot + \(tail)-answer tail)", nanosecondsPerOp: loadNs, operations: 5,
            note: "\(cardCount) cards, \(lines)-line log; goal < 200 ms"))
    return results
}

enum BenchFailure: Error { case wrongState(String) }

private let benchEpoch = Date(timeIntervalSince1970: 1_700_000_000)

private func benchRecord(seq: Int, card: Int, minutes: Double) -> ReviewRecord {
    let time = benchEpoch.addingTimeInterval(minutes * 60)
    let before = CardState(
        phase: .review, stability: 3.2, difficulty: 5.5, due: time, lastReview: time.addingTimeInterval(-86400 * 3),
        reps: 4, lapses: 1)
    var after = before
    after.stability = 8.7
    after.reps = 5
    after.lastReview = time
    after.due = time.addingTimeInterval(86400 * 8.7)
    return ReviewRecord(
        seq: seq, kind: .review, time: time,
        card: CardKey(deck: "bench", entry: EntryID("entry-\(card / 3)"), facet: Facet.allCases[card % 3]),
        format: .choiceTerm, answer: "Some term", correct: true, rating: .good, responseMs: 2345,
        before: before, after: after)
}

/// Writes lines `first...last` quickly: one encoded record as a template, with the sequence
/// number and card patched in (card `seq % cards`).
private func writeJournal(to url: URL, from first: Int, through last: Int, cards: Int, append: Bool = false) throws -> Int {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .custom { date, encoder in
        var c = encoder.singleValueContainer()
        try c.encode(
            ISO8601DateFormatter.string(
                from: date, timeZone: .gmt,
                formatOptions: [.withInternetDateTime, .withFractionalSeconds]))
    }
    let template = String(decoding: try encoder.encode(benchRecord(seq: 987_654_321, card: 0, minutes: 0)), as: UTF8.self)
    let parts = template.components(separatedBy: "987654321")
    let cardParts = parts.map { $0.components(separatedBy: "\"entry\":\"entry-0\",\"facet\":\"recognize\"") }
    guard parts.count == 2, cardParts[0].count == 2 else { throw BenchFailure.wrongState("template shape") }
    if !append { _ = FileManager.default.createFile(atPath: url.path, contents: nil) }
    let handle = try FileHandle(forWritingTo: url)
    defer { try? handle.close() }
    try handle.seekToEnd()
    var buffer = ""
    var total = 0
    for seq in first...last {
        let card = seq % cards
        buffer += cardParts[0][0]
        buffer += "\"entry\":\"entry-\(card / 3)\",\"facet\":\"\(Facet.allCases[card % 3].rawValue)\""
        buffer += cardParts[0][1]
        buffer += String(seq)
        buffer += parts[1]
        buffer += "\n"
        if buffer.utf8.count > 1 << 22 {
            total += buffer.utf8.count
            try handle.write(contentsOf: Data(buffer.utf8))
            buffer = ""
        }
    }
    total += buffer.utf8.count
    try handle.write(contentsOf: Data(buffer.utf8))
    return total
}
