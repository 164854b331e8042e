import Foundation
import GlossCore

/// The version-1 snapshot file `<learner>.json`.
///
/// ```json
/// {"version": 1, "learner": "ada", "lastSeq": 42, "settings": {...},
///  "cards": {"deck/entry/recall": {...}}, "confusions": {"counts": {...}}}
/// ```
/// `lastSeq` is the last journal record folded into `cards`.
struct ProgressSnapshot: Codable, Equatable {
    static let currentVersion = 1

    var version: Int = ProgressSnapshot.currentVersion
    var learner: String
    var lastSeq: Int
    var settings: LearnerSettings
    var cards: [String: CardState]
    var confusions: Confusions

    init(
        version: Int, learner: String, lastSeq: Int, settings: LearnerSettings, cards: [String: CardState],
        confusions: Confusions
    ) {
        self.version = version
        self.learner = learner
        self.lastSeq = lastSeq
        self.settings = settings
        self.cards = cards
        self.confusions = confusions
    }

    init(learner: String, state: ProgressState, settings: LearnerSettings) {
        self.learner = learner
        self.lastSeq = state.lastSeq
        self.settings = settings
        self.cards = Dictionary(uniqueKeysWithValues: state.cards.map { ($0.key.description, $0.value) })
        self.confusions = state.confusions
    }

    /// The card states and confusions, with card keys parsed; throws naming a bad key.
    func state(file: String) throws -> ProgressState {
        var cards: [CardKey: CardState] = [:]
        cards.reserveCapacity(self.cards.count)
        for (text, card) in self.cards {
            guard let key = CardKey(text) else {
                throw ProgressError.unreadable(
                    file: file, line: 1, problem: "card key \"\(text)\" is not deck/entry/facet")
            }
            cards[key] = card
        }
        return ProgressState(cards: cards, confusions: confusions, lastSeq: lastSeq)
    }
}
