import Testing

@testable import GlossCore

/// Adding breakdowns sums their lapses by card and day and keeps no zero and no empty card,
/// whether the breakdown added to is empty (the whole-dictionary path) or not.
@Suite struct AnswerBreakdownTests {
    static let a = CardKey(deck: "d", entry: "a", facet: .recall)
    static let b = CardKey(deck: "d", entry: "b", facet: .recall)

    static func breakdown(_ lapses: [CardKey: [Int: Int]]) -> AnswerBreakdown {
        var part = AnswerBreakdown()
        part.lapseDays = lapses
        return part
    }

    @Test func intoAnEmptyBreakdownTheLapsesComeAsTheyAre() {
        var sum = AnswerBreakdown()
        sum.add(Self.breakdown([Self.a: [3: 1, 4: 2], Self.b: [5: -1]]))
        #expect(sum.lapseDays == [Self.a: [3: 1, 4: 2], Self.b: [5: -1]])
    }

    @Test func zerosAndEmptyCardsAreDroppedOnTheWayIn() {
        var sum = AnswerBreakdown()
        sum.add(Self.breakdown([Self.a: [3: 0, 4: 2], Self.b: [:]]))
        #expect(sum.lapseDays == [Self.a: [4: 2]])
    }

    @Test func lapsesOfTheSameCardAndDaySum() {
        var sum = Self.breakdown([Self.a: [3: 1], Self.b: [5: 1]])
        sum.add(Self.breakdown([Self.a: [3: 1, 6: 1], Self.b: [5: -1]]))
        #expect(sum.lapseDays == [Self.a: [3: 2, 6: 1]])
    }
}
