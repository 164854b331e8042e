import Foundation
import GlossCore
import GlossStore
import Testing

/// The review table keeps each answer's question format, so the dataset can be calibrated
/// per format.
@Test func theReviewTableCarriesFormatsIntoTheDataset() {
    let card = CardKey(deck: "d", entry: "e", facet: .recognize)
    let other = CardKey(deck: "d", entry: "f", facet: .recall)
    let t0 = Date(timeIntervalSince1970: 1_767_258_000)
    let records = [
        ReviewRecord(seq: 1, time: t0, card: card, format: .choiceTerm, correct: true, rating: .good),
        ReviewRecord(seq: 2, time: t0.addingTimeInterval(86_400), card: card, format: .typed, correct: true, rating: .good),
        ReviewRecord(seq: 3, time: t0, card: other, correct: false, rating: .again),
    ]
    let data = ReviewTable(records: records).dataset(timeZone: TimeZone(secondsFromGMT: 0) ?? .current, rolloverHour: 4)
    #expect(data.cards.map(\.formats) == [[.choiceTerm, .typed], []])
    #expect(data.cards[0].format(at: 1) == .typed)
    #expect(data.cards[1].format(at: 0) == nil)
}
