import CSV
import Foundation
import GlossCore
import Testing

@testable import GlossStore

@Suite struct ExportCSVTests {
    static func utc(_ text: String) -> Date {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = text.contains(".") ? [.withInternetDateTime, .withFractionalSeconds] : [.withInternetDateTime]
        return formatter.date(from: text)!
    }

    static let awkward = [
        "Plain", "Comma, inside", "Say \"hi\"", "Line one\nline two", "Windows\r\nbreak", "  padded  ", "Ünïcödé ✓", "\"", "",
    ]

    static let deck = Deck(
        id: "ai", title: "AI",
        entries: awkward.enumerated().map { Entry(id: EntryID("e\($0.offset)"), term: $0.element, definition: "d") })

    /// Every row of `text`, header included, read back through the CSV library's reader.
    static func read(_ text: String) throws -> [[String]] {
        let reader = try CSVReader(string: text, hasHeaderRow: false)
        var rows: [[String]] = []
        while let row = reader.next() { rows.append(row) }
        if let error = reader.error { throw error }
        return rows
    }

    @Test func termsRoundTripThroughTheCSVReaderWithAwkwardTerms() throws {
        let key = CardKey(deck: "ai", entry: "e1", facet: .recall)
        let state = CardState(
            phase: .review, stability: 12.345678, difficulty: 5.5, due: Self.utc("2024-03-30T10:00:00.000Z"),
            lastReview: Self.utc("2024-03-29T20:32:32.250Z"), reps: 4, lapses: 1)
        let records = [
            ReviewRecord(seq: 1, time: Self.utc("2024-03-28T10:00:00.000Z"), card: key, correct: true, rating: .good),
            ReviewRecord(seq: 2, time: Self.utc("2024-03-29T20:32:32.250Z"), card: key, correct: true, rating: .easy),
            ReviewRecord(seq: 3, time: Self.utc("2024-03-29T20:40:00.000Z"), card: key, correct: false, rating: .again),
            ReviewRecord(
                seq: 4, kind: .revoke, time: Self.utc("2024-03-29T20:41:00.000Z"), card: key, correct: false,
                rating: .again, revokes: 3),
        ]
        let rows = TermsCSV.rows(
            decks: [Self.deck], states: [key: state], records: records,
            now: Self.utc("2024-03-30T10:00:00.000Z"), retrievability: { _, _ in 0.875 })
        let text = try TermsCSV.text(rows: rows)
        #expect(
            text.hasPrefix(
                "deck,entry_id,term,facet,state,due,stability,difficulty,retrievability,reviews,lapses,last_review,last_rating\n")
        )
        #expect(text.hasSuffix("\n"))
        #expect(text.contains("\"Comma, inside\""))
        #expect(text.contains("\"Say \"\"hi\"\"\""))
        let back = try Self.read(text)
        #expect(back.first == TermsCSV.header)
        #expect(Array(back.dropFirst()) == rows)
        #expect(back.count == 1 + Self.awkward.count * 2)
        #expect(back.dropFirst().map { $0[2] } == Self.awkward.flatMap { [$0, $0] })
        #expect(
            back[4] == [
                "ai", "e1", "Comma, inside", "recall", "review", "2024-03-30T10:00:00.000000+00:00", "12.3457",
                "5.5000", "0.8750", "4", "1", "2024-03-29T20:32:32.250000+00:00", "4",
            ])
        #expect(back[1] == ["ai", "e0", "Plain", "recognize", "new", "", "", "", "", "0", "0", "", ""])
    }

    @Test func reviewsUseTheFSRSLogFormatAndSkipRevokedAndPractice() throws {
        let a = CardKey(deck: "ai", entry: "e1", facet: .recall)
        let b = CardKey(deck: "other", entry: "x", facet: .recognize)
        let records = [
            ReviewRecord(
                seq: 1, time: Self.utc("2024-03-29T20:32:32.250Z"), card: a, correct: true, rating: .good, responseMs: 5300),
            ReviewRecord(
                seq: 2, kind: .practice, time: Self.utc("2024-03-29T20:33:00.000Z"), card: a, correct: true, rating: .good),
            ReviewRecord(seq: 3, time: Self.utc("2024-03-29T20:34:00.000Z"), card: a, correct: false, rating: .again),
            ReviewRecord(
                seq: 4, kind: .revoke, time: Self.utc("2024-03-29T20:35:00.000Z"), card: a, correct: false,
                rating: .again, revokes: 3),
            ReviewRecord(
                seq: 5, time: Self.utc("1969-12-31T23:59:59.500Z"), card: b, correct: false, rating: .hard, responseMs: 12),
        ]
        let text = try ReviewsCSV.text(rows: ReviewsCSV.rows(records: records))
        #expect(
            text == """
                card_id,review_rating,review_time,review_duration
                ai/e1/recall,3,2024-03-29T20:32:32.250000+00:00,5300
                other/x/recognize,2,1969-12-31T23:59:59.500000+00:00,12

                """)
        #expect(try Self.read(text).count == 3)
        #expect(ReviewsCSV.rows(records: records, decks: ["ai"]).map(\.[0]) == ["ai/e1/recall"])
    }

    @Test func exportTimesUseISOTimeWithMicroseconds() {
        let date = Date(timeIntervalSince1970: 1_711_744_352.123456)
        #expect(ISOTime.format(date) == "2024-03-29T20:32:32.123456+00:00")
        #expect(ISOTime.parse("2024-03-29T20:32:32.123456+00:00").map { abs($0.timeIntervalSince(date)) < 2e-6 } == true)
        #expect(ISOTime.parse("2024-03-29T20:32:32Z") == Date(timeIntervalSince1970: 1_711_744_352))
        #expect(ISOTime.parse("yesterday") == nil)
    }

    @Test func jsonLinesDumpRoundTrips() throws {
        let card = CardKey(deck: "ai", entry: "e3", facet: .recognize)
        let records = [
            ReviewRecord(
                seq: 1, time: Self.utc("2024-03-29T20:32:32.250Z"), card: card, format: nil, answer: "Line one\nline two",
                correct: true, rating: .good, responseMs: 800, before: .new,
                after: CardState(phase: .learning, step: 1, stability: 2.3, difficulty: 6.1, reps: 1)),
            ReviewRecord(
                seq: 2, kind: .revoke, time: Self.utc("2024-03-29T20:33:00Z"), card: card, correct: false,
                rating: .again, revokes: 1),
        ]
        let text = try ReviewsJSONL.text(records: records)
        #expect(text.split(separator: "\n").count == 2)
        #expect(text.contains("\"time\":\"2024-03-29T20:32:32.250000+00:00\""))
        #expect(try ReviewsJSONL.records(from: text) == records)
        #expect {
            try ReviewsJSONL.records(from: text + "{oops}\n")
        } throws: { error in
            guard case .export(.unreadableLine(let line, _)) = error as? StoreError else { return false }
            return line == 3 && String(describing: error).hasPrefix("JSON Lines dump, line 3: ")
        }
    }
}
