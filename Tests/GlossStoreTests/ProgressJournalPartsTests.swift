import Foundation
import GlossCore
import Testing

@testable import GlossStore

/// Reading a journal in parts side by side gives what one forward read gives: the same
/// state, the same stats, the same error on the same line, the same torn last line.
@Suite struct ProgressJournalPartsTests {
    /// Writes `records` as journal lines (plus `extra` bytes at the end) and opens them.
    func journal(_ records: [ReviewRecord], lines edit: (inout [String]) -> Void = { _ in }, extra: String = "") throws -> Journal
    {
        let encoder = ProgressCoding.encoder()
        var lines = try records.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
        edit(&lines)
        let path = try makeProgressFolder().appendingPathComponent("t.reviews.jsonl").path
        try Data((lines.map { $0 + "\n" }.joined() + extra).utf8).write(to: URL(fileURLWithPath: path))
        return try #require(try Journal.open(path))
    }

    /// The review table read in parts finds each card by its number in the part's reader,
    /// and still keeps one card once when lines spell its key two ways (spaces in the array):
    /// the same rows, naming the same cards, as the table of the records themselves.
    @Test(arguments: [1, 3]) func partsNumberCardsAsTheirKeysDo(parts: Int) throws {
        let records = RandomRecords.journal(seed: UInt64(parts) + 70, count: 3000)
        var text = ""
        for (n, record) in records.enumerated() {
            var line = String(decoding: try JournalCodec.encode(record), as: UTF8.self)
            if n % 3 == 0 { line = line.replacingOccurrences(of: "\",\"", with: "\", \"") }
            text += line + "\n"
        }
        let path = try makeProgressFolder().appendingPathComponent("t.reviews.jsonl").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let journal = try #require(try Journal.open(path))
        defer { journal.close() }
        let folded = ReviewTable(
            parts: try journal.fold(
                parts: parts, minimumPartBytes: 1, answers: false, start: { ReviewTable.Part() },
                numbered: { $0.add($1, cardNumber: $2) }
            ).parts)
        let expected = ReviewTable(records: records)
        func rows(_ table: ReviewTable) -> [String] {
            var rows: [String] = []
            table.forEachRow { p, row in rows.append("\(row.seq) \(table.parts[p].cards[Int(row.card)]) \(row.rating)") }
            return rows
        }
        #expect(rows(folded) == rows(expected))
        #expect(!rows(expected).isEmpty)
        for part in folded.parts { #expect(Set(part.cards).count == part.cards.count) }
    }

    func error(_ body: () throws -> Void) -> String? {
        do { try body() } catch { return "\(error)" }
        return nil
    }

    @Test(arguments: [200, 1000, 1 << 20]) func aCursorReadsWhatOneForwardReadReads(chunkBytes: Int) throws {
        let records = RandomRecords.journal(seed: UInt64(chunkBytes) + 5, count: 400)
        let journal = try journal(records)
        defer { journal.close() }
        var forward: [ReviewRecord] = []
        _ = try journal.forEach { forward.append($0) }
        var cursor = try JournalCursor(journal, chunkBytes: chunkBytes)
        var pulled: [ReviewRecord] = []
        while let record = try cursor.pop() { pulled.append(record) }
        #expect(pulled == forward && pulled.count == 400)
        // A bad line: the same one a forward read names.
        let broken = try self.journal(records) { $0[250] = "not json" }
        defer { broken.close() }
        let expected = error { _ = try broken.forEach { _ in } }
        var failing = try JournalCursor(broken, chunkBytes: chunkBytes)
        let found = error { while try failing.pop() != nil {} }
        failing.finish()
        #expect(expected != nil && found == expected)
    }

    /// Chunks decode on other threads while earlier ones are taken, each with a reader kept
    /// from chunk to chunk: many small chunks of many strings, with one and two chunks ahead,
    /// read exactly what a forward read reads (two chunks sharing a reader at once would
    /// corrupt its string table).
    @Test(arguments: [1, 2, 3]) func chunksDecodingSideBySideReadWhatAForwardReadReads(ahead: Int) throws {
        let records = RandomRecords.journal(seed: UInt64(ahead) + 40, count: 6000)
        let journal = try journal(records)
        defer { journal.close() }
        var forward: [ReviewRecord] = []
        _ = try journal.forEach { forward.append($0) }
        for chunkBytes in [1500, 20_000, 60_000] {
            var cursor = try JournalCursor(journal, chunkBytes: chunkBytes, ahead: ahead)
            var pulled: [ReviewRecord] = []
            while let record = try cursor.pop() { pulled.append(record) }
            #expect(pulled == forward)
        }
    }

    @Test(arguments: 1...7) func partsReplayToTheStateOfOneForwardRead(parts: Int) throws {
        let records = RandomRecords.journal(seed: UInt64(parts), count: 700)
        let journal = try journal(records)
        defer { journal.close() }
        var expected = ProgressState()
        for record in records { expected.apply(record) }
        var state = ProgressState()
        var count = 0
        let folded = try journal.fold(
            parts: parts, minimumPartBytes: 1, start: { [ReviewRecord]() }, add: { $0.append($1) })
        #expect(folded.parts.count == parts)
        for part in folded.parts {
            for record in part { state.apply(record) }
            count += part.count
        }
        #expect(count == records.count)
        #expect(state == expected)
        // One part after the other on this thread gives the same parts.
        let inTurn = try journal.fold(
            parts: parts, minimumPartBytes: 1, concurrently: false, start: { [ReviewRecord]() }, add: { $0.append($1) })
        #expect(inTurn.parts == folded.parts)
        #expect(!expected.confusions.counts.isEmpty && expected.cards.count > 10)
    }

    @Test(arguments: 1...7) func partsTallyTheStatsOfTheWholeLog(parts: Int) throws {
        let records = RandomRecords.journal(seed: 100 + UInt64(parts), count: 700)
        let journal = try journal(records)
        defer { journal.close() }
        let clock = DayClock(timeZone: TimeZone(identifier: "Europe/Paris") ?? .current, rolloverHour: 4)
        let now = try #require(records.last?.time).addingTimeInterval(3600)
        var tally = StatsTally(clock: clock)
        for part in try journal.fold(
            parts: parts, minimumPartBytes: 1, start: { StatsTally(clock: clock) },
            add: { $0.add($1) }
        ).parts {
            tally.merge(part)
        }
        let deck = Deck(id: "d", title: "D", entries: [])
        let r: (CardState, Date) -> Double = { _, _ in 0.9 }
        let whole = StatsSummary(
            records: records, states: [:], decks: [deck], now: now, clock: clock, desiredRetention: 0.9, retrievability: r)
        #expect(
            StatsSummary(tally: tally, states: [:], decks: [deck], now: now, desiredRetention: 0.9, retrievability: r) == whole)
        #expect(whole.totalAnswers > 100 && !whole.confusedPairs.isEmpty)
    }

    @Test(arguments: [1, 2, 3, 5, 8]) func aBadLineIsTheSameErrorOnTheSameLine(parts: Int) throws {
        let records = RandomRecords.journal(seed: 7, count: 400)
        for broken in [0, 150, 399] {
            let journal = try journal(records) { $0[broken] = String($0[broken].dropLast(3)) + "xyz}" }
            defer { journal.close() }
            let forward = error { _ = try journal.forEach { _ in } }
            let folded = error { _ = try journal.fold(parts: parts, minimumPartBytes: 1, start: { 0 }, add: { $0 += $1.seq }) }
            if broken == records.count - 1 {
                // The last line, terminated but not JSON, is a torn write (issue 16, hole 11).
                #expect(forward == nil)
                #expect(try journal.forEach { _ in }.torn != nil)
            } else {
                #expect(forward != nil && forward?.contains(":\(broken + 1):") == true)
            }
            #expect(folded == forward)
        }
    }

    @Test(arguments: [1, 2, 4, 7]) func aGapInTheNumbersIsFoundWhereverThePartsAreCut(parts: Int) throws {
        let records = RandomRecords.journal(seed: 9, count: 300)
        for missing in [1, 100, 298] {
            let journal = try journal(records) { $0.remove(at: missing) }
            defer { journal.close() }
            let forward = error { _ = try journal.forEach { _ in } }
            let folded = error { _ = try journal.fold(parts: parts, minimumPartBytes: 1, start: { 0 }, add: { $0 += $1.seq }) }
            #expect(
                forward?.contains(
                    ".jsonl:\(missing + 1): answer number \(missing + 2) follows \(missing); numbers must go up by one;") == true)
            #expect(folded == forward)
        }
    }

    @Test(arguments: [1, 3, 6]) func aTornLastLineIsReportedNotAnError(parts: Int) throws {
        let records = RandomRecords.journal(seed: 11, count: 200)
        let journal = try journal(records, extra: "{\"after\":{\"difficulty\":2.1")
        defer { journal.close() }
        let forward = try journal.forEach { _ in }
        let folded = try journal.fold(parts: parts, minimumPartBytes: 1, start: { 0 }, add: { count, _ in count += 1 })
        #expect(forward.torn != nil)
        #expect(folded.scan.torn == forward.torn)
        #expect(folded.parts.reduce(0, +) == 200)
    }

    /// A confusion count never goes below zero; the change a part makes, composed part by
    /// part, gives what adding one by one gives.
    @Test func countChangesComposeLikeOneByOneUpdates() {
        var rng = SplitMix64(seed: 3)
        for _ in 0..<500 {
            let start = Int.random(in: 0...3, using: &rng)
            let steps = (0..<Int.random(in: 0...12, using: &rng)).map { _ in Bool.random(using: &rng) ? 1 : -1 }
            let oneByOne = steps.reduce(start) { max($0 + $1, 0) }
            let cut = Int.random(in: 0...steps.count, using: &rng)
            var first = ConfusionCounts.Change(), second = ConfusionCounts.Change()
            for step in steps[..<cut] { first.then(step) }
            for step in steps[cut...] { second.then(step) }
            first.then(second)
            #expect(first.applied(to: start) == oneByOne, "\(start) \(steps) cut at \(cut)")
        }
    }
}
