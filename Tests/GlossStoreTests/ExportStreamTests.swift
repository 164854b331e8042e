import Foundation
import GlossCore
import Testing

@testable import GlossStore

/// The exports, `optimize` and `evaluate` read the journal once into a compact table
/// (`ReviewTable`) or record by record; what they give is byte for byte what the in-memory
/// path gives from every record held at once.
@Suite struct ExportStreamTests {
    /// A journal as gloss writes one (answers, practice, undos), with re-ratings, awkward
    /// card ids (comma, quote, newline), a negative response time, and two decks.
    static func records(seed: UInt64, count: Int) -> [ReviewRecord] {
        var rng = SplitMix64(seed: seed)
        var records = RandomRecords.journal(seed: seed, count: count)
        let awkward = ["comma,entry", "quote\"d", "line\nbreak", "plain"]
        for i in records.indices {
            let roll = Int.random(in: 0..<40, using: &rng)
            if roll == 0 { records[i].card.entry = EntryID(RandomRecords.pick(awkward, &rng)) }
            if roll == 1 { records[i].responseMs = -5 }
            // A re-rating of an earlier answer (an answer that revokes the one it replaces).
            if roll == 2, records[i].kind == .review, i > 10, records[i].revokes == nil {
                records[i].revokes = records[i - Int.random(in: 1...10, using: &rng)].seq
                records[i].rating = RandomRecords.pick(Rating.allCases, &rng)
            }
        }
        return records
    }

    /// A store holding `records`, and what the journal gives back for them (all at once).
    static func store(_ records: [ReviewRecord]) throws -> (ProgressStore, [ReviewRecord]) {
        let store = try ProgressStore(folder: try makeProgressFolder(), learner: "ann")
        try store.appendAll(records)
        let back = try store.allRecords()
        #expect(back.count == records.count)
        return (store, back)
    }

    static func streamed(_ body: (_ emit: ([UInt8]) throws -> Void) throws -> Void) rethrows -> (text: String, chunks: Int) {
        var bytes: [UInt8] = []
        var chunks = 0
        try body { chunk in
            #expect(chunk.last == 0x0A)  // chunks end at a line end
            bytes.append(contentsOf: chunk)
            chunks += 1
        }
        return (String(decoding: bytes, as: UTF8.self), chunks)
    }

    @Test(arguments: [1, 2, 3]) func reviewsCSVIsTheInMemoryExportByteForByte(seed: UInt64) throws {
        let (store, all) = try Self.store(Self.records(seed: seed, count: 3000))
        defer { try? store.close() }
        let table = try store.reviewTable()
        let expected = try ReviewsCSV.text(rows: ReviewsCSV.rows(records: all))
        let streamed = try Self.streamed { try ReviewsCSV.write(table, chunkSize: 4096, emit: $0) }
        #expect(streamed.text == expected)
        #expect(streamed.chunks > 10)
        // Something was taken back, quoted and clamped, so the comparison covered it.
        #expect(all.contains { $0.revokes != nil && $0.kind == .review })
        #expect(expected.contains("\"d/quote\"\"d/") && expected.contains("\"e/line\nbreak/"))
        #expect(expected.contains(",0\n") && expected.split(separator: "\n").count > 1500)
        // One deck only.
        let oneDeck = try ReviewsCSV.text(rows: ReviewsCSV.rows(records: all, decks: ["d"]))
        #expect(try Self.streamed { try ReviewsCSV.write(table, decks: ["d"], emit: $0) }.text == oneDeck)
        #expect(oneDeck.count < expected.count)
    }

    @Test(arguments: 1...5) func partsReadSideBySideGiveTheSameExport(parts: Int) throws {
        let (store, all) = try Self.store(Self.records(seed: 10 + UInt64(parts), count: 2000))
        defer { try? store.close() }
        let journal = try #require(try Journal.open(store.journalPath))
        defer { journal.close() }
        let folded = try journal.fold(parts: parts, minimumPartBytes: 1, start: { ReviewTable.Part() }, add: { $0.add($1) })
        #expect(folded.parts.count == parts)
        let table = ReviewTable(parts: folded.parts)
        let expected = try ReviewsCSV.text(rows: ReviewsCSV.rows(records: all))
        #expect(try Self.streamed { try ReviewsCSV.write(table, emit: $0) }.text == expected)
        // The terms export's last ratings and the optimizer's dataset agree too.
        #expect(table.lastRatings() == Self.lastRatings(all))
        Self.expectSame(table.dataset(timeZone: Self.paris, rolloverHour: 4), Self.dataset(all))
    }

    @Test func jsonLinesIsTheInMemoryDumpByteForByte() throws {
        let (store, all) = try Self.store(Self.records(seed: 4, count: 1500))
        defer { try? store.close() }
        let streamed = try Self.streamed { emit in
            try ReviewsJSONL.write(forEach: { try store.forEachRecord($0) }, chunkSize: 8192, emit: emit)
        }
        #expect(streamed.text == (try ReviewsJSONL.text(records: all)))
        #expect(streamed.chunks > 10)
        #expect(try ReviewsJSONL.records(from: streamed.text) == all)
    }

    @Test func termsLastRatingsSkipRevokedAnswers() throws {
        let a = key("d", "a"), b = key("d", "b")
        let t = Date(timeIntervalSince1970: 1_700_000_000)
        let records = [
            ReviewRecord(seq: 1, time: t, card: a, correct: true, rating: .easy),
            ReviewRecord(seq: 2, time: t, card: a, correct: false, rating: .again),
            ReviewRecord(seq: 3, kind: .revoke, time: t, card: a, correct: false, rating: .again, revokes: 2),
            ReviewRecord(seq: 4, time: t, card: b, correct: true, rating: .good),
            ReviewRecord(seq: 5, time: t, card: b, correct: true, rating: .hard, revokes: 4),
            ReviewRecord(seq: 6, kind: .practice, time: t, card: b, correct: false, rating: .again),
        ]
        #expect(ReviewTable(records: records).lastRatings() == [a: .easy, b: .hard])
        #expect(Self.lastRatings(records) == [a: .easy, b: .hard])
    }

    @Test func theOptimizerFitsTheSameParametersFromTheTable() throws {
        // A simulated history (so that there is something to fit), as journal records in time
        // order, with practice answers and undos between them.
        var rng = SplitMix64(seed: 5)
        let simulated = SyntheticReviews.generate(parameters: LearnerSettings.defaultFSRSParameters, reviews: 5000, using: &rng)
        var answers: [(time: Date, card: CardKey, rating: Rating)] = []
        for (c, card) in simulated.cards.enumerated() {
            var day = Int.random(in: 0..<30, using: &rng)
            for p in card.ratings.indices {
                day += Int(card.elapsedDays[p])
                let time = Date(timeIntervalSince1970: 1_700_000_000 + Double(day) * 86_400 + Double(p * 60))
                answers.append((time, key("syn", "c\(c)"), Rating(rawValue: Int(card.ratings[p])) ?? .good))
            }
        }
        answers.sort { $0.time < $1.time }
        var records: [ReviewRecord] = []
        for answer in answers {
            let record = ReviewRecord(
                seq: records.count + 1, kind: Int.random(in: 0..<10, using: &rng) == 0 ? .practice : .review,
                time: answer.time, card: answer.card, correct: answer.rating != .again, rating: answer.rating,
                before: .new, after: .new)
            records.append(record)
            if Int.random(in: 0..<20, using: &rng) == 0 { records.append(record.revocation(seq: records.count + 1)) }
        }
        let (store, all) = try Self.store(records)
        defer { try? store.close() }
        let fromTable = try store.reviewTable().dataset(timeZone: Self.paris, rolloverHour: 4)
        let fromRecords = Self.dataset(all)
        Self.expectSame(fromTable, fromRecords)
        var configuration = OptimizerConfiguration()
        configuration.epochs = 2
        let optimizer = Optimizer(configuration: configuration)
        let fit = try optimizer.fit(fromTable)
        #expect(fit.parameters == (try optimizer.fit(fromRecords)).parameters)
        #expect(fit.trainedItemCount >= 64)
        let evaluation = ModelEvaluation.evaluate(fit.parameters, on: fromTable)
        let reference = ModelEvaluation.evaluate(fit.parameters, on: fromRecords)
        #expect(evaluation.logLoss == reference.logLoss && evaluation.rmseBins == reference.rmseBins)
    }

    @Test func timesAndNumbersAreWrittenAsISOTimeAndStringWriteThem() {
        var rng = SplitMix64(seed: 7)
        var dates = [
            Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: -0.5), Date(timeIntervalSince1970: 1_711_744_352.123456),
            Date(timeIntervalSince1970: -62_200_000_000), Date(timeIntervalSince1970: 253_402_300_800),  // year -1, year 10000
            Date.distantPast, Date.distantFuture,
        ]
        for _ in 0..<2000 { dates.append(Date(timeIntervalSince1970: Double.random(in: -4e9...8e9, using: &rng))) }
        for date in dates {
            var bytes: [UInt8] = []
            bytes.appendISOTime(date)
            #expect(String(decoding: bytes, as: UTF8.self) == ISOTime.format(date))
        }
        var numbers = [0, 1, 9, 10, 99, 100, 1_000_000, Int.max, -1, Int.min]
        for _ in 0..<500 { numbers.append(Int.random(in: 0...Int.max, using: &rng) >> Int.random(in: 0...62, using: &rng)) }
        for n in numbers {
            var bytes: [UInt8] = []
            bytes.appendDecimal(n)
            #expect(String(decoding: bytes, as: UTF8.self) == String(n))
        }
    }

    /// A row's tail in one append is the fields written one by one, at every width and year.
    @Test func reviewRowTailsAreTheFieldsOneByOne() {
        var rng = SplitMix64(seed: 9)
        var cases: [(Int, Date, Int)] = [
            (1, Date(timeIntervalSince1970: 0), 0), (4, Date(timeIntervalSince1970: -0.5), 9),
            (3, Date(timeIntervalSince1970: 253_402_300_800), 10), (2, Date.distantPast, 999_999_999_999),
            (12, Date(timeIntervalSince1970: 1_711_744_352.123456), 1_000_000_000_000), (3, Date.distantFuture, Int.max),
        ]
        for _ in 0..<2000 {
            cases.append(
                (
                    Int.random(in: 1...4, using: &rng), Date(timeIntervalSince1970: Double.random(in: -4e9...8e9, using: &rng)),
                    Int.random(in: 0...Int.max, using: &rng) >> Int.random(in: 0...62, using: &rng)
                ))
        }
        for (rating, time, ms) in cases {
            var fast: [UInt8] = [7]
            fast.appendReviewTail(rating: rating, time: time, milliseconds: ms)
            var slow: [UInt8] = [7, 0x2C]
            slow.appendDecimal(rating)
            slow.append(0x2C)
            slow.appendISOTime(time)
            slow.append(0x2C)
            slow.appendDecimal(ms)
            slow.append(0x0A)
            #expect(fast == slow, "\(rating) \(time) \(ms)")
        }
    }

    @Test func textFieldsAreQuotedAsTheCSVLibraryQuotesThem() throws {
        for value in ["plain", "a,b", "say \"hi\"", "two\nlines", "cr\r", "crlf\r\n", ",\u{301}", "\"\u{301}", "", "é/ü"] {
            let library = ExportSink()
            try CSVText.write(header: [value], rows: [], to: library, what: "test")
            #expect(CSVField.bytes(value) + [0x0A] == library.bytes, "\(value.debugDescription)")
        }
    }

    static let paris = TimeZone(identifier: "Europe/Paris") ?? .gmt

    /// Today's in-memory path: every record, revocations applied, as `LoggedReview`s.
    static func dataset(_ records: [ReviewRecord]) -> ReviewDataset {
        let revoked = Set(records.compactMap(\.revokes))
        let reviews = records.filter { $0.kind == .review && !revoked.contains($0.seq) }.map {
            LoggedReview(cardID: $0.card.description, rating: $0.rating, time: $0.time, durationMs: $0.responseMs)
        }
        return ReviewDataset(reviews, timeZone: paris, rolloverHour: 4)
    }

    static func lastRatings(_ records: [ReviewRecord]) -> [CardKey: Rating] {
        let revoked = Set(records.compactMap(\.revokes))
        var last: [CardKey: Rating] = [:]
        for record in records where record.kind == .review && !revoked.contains(record.seq) { last[record.card] = record.rating }
        return last
    }

    static func expectSame(_ a: ReviewDataset, _ b: ReviewDataset) {
        // Compared whole, printed short: a failure names the first card or item that differs.
        let cards = a.cards == b.cards, items = a.items == b.items
        #expect(cards, "first card that differs: \(zip(a.cards, b.cards).first { $0 != $1 }.map { "\($0.0.id)" } ?? "count")")
        #expect(items, "first item that differs: \(zip(a.items, b.items).first { $0 != $1 }.map { "\($0)" } ?? "count")")
        #expect(a.reviewCount == b.reviewCount)
        #expect(a.items.count > 100)
    }
}
