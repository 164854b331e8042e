import Foundation
import GlossCore

/// The version-1 snapshot file `<learner>.json`.
///
/// ```json
/// {"version": 1, "learner": "ada", "lastSeq": 42, "settings": {...},
///  "cards": {"deck/entry/recall": {...}}, "confusions": {"counts": {...}}}
/// ```
/// `lastSeq` is the last journal record folded into `cards`; `lastLineOffset` (absent in
/// files of older gloss) is the byte offset in the journal where that record's line starts,
/// which start-up checks (a line added, lost or moved before it shifts it). `rules` (absent
/// in files of older gloss: the default rules) are the scheduling rules in force at `lastSeq`,
/// which replaying the journal after it starts from.
struct ProgressSnapshot: Codable, Equatable {
    static let currentVersion = 1

    var version: Int = ProgressSnapshot.currentVersion
    var learner: String
    var lastSeq: Int
    var settings: LearnerSettings
    var cards: [String: CardState]
    var confusions: Confusions
    var lastLineOffset: Int?
    var rules: ScheduleRules?
    /// The other devices' journals the states were replayed with, by file name: their sizes
    /// (nil when this device studies alone). Any other size, or another file, and the
    /// journals are replayed again (`ProgressStore.mergeOtherDevices`).
    var devices: [String: Int]?
    /// The cards taken out of study (absent: none), as `deck/entry/facet`.
    var suspended: [String]?
    /// The device whose files these are (absent in files of older gloss).
    var device: String?

    init(
        version: Int, learner: String, lastSeq: Int, settings: LearnerSettings, cards: [String: CardState],
        confusions: Confusions, lastLineOffset: Int? = nil, rules: ScheduleRules? = nil, devices: [String: Int]? = nil
    ) {
        self.version = version
        self.learner = learner
        self.lastSeq = lastSeq
        self.settings = settings
        self.cards = cards
        self.confusions = confusions
        self.lastLineOffset = lastLineOffset
        self.rules = rules
        self.devices = devices
    }

    /// `lastLineOffset` is where the journal line of `state.lastSeq` starts (nil: unknown);
    /// the rules kept are those `device` (whose journal the snapshot ends in) schedules by.
    init(
        learner: String, state: ProgressState, settings: LearnerSettings, lastLineOffset: Int? = nil,
        device: String? = nil
    ) {
        self.learner = learner
        self.lastSeq = state.lastSeq
        self.lastLineOffset = state.lastSeq > 0 ? lastLineOffset : nil
        self.settings = settings
        self.cards = Dictionary(
            uniqueKeysWithValues: state.cards.lazy.filter { $0.key.isStorable }.map { ($0.key.description, $0.value) })
        self.confusions = state.confusions
        self.rules = state.rules(for: device)
        self.device = device
        let suspended = state.suspended.filter(\.isStorable).map(\.description).sorted()
        self.suspended = suspended.isEmpty ? nil : suspended
    }

    /// The card states and confusions, with card keys parsed; throws naming a bad key, or,
    /// `skippingBadKeys` (for `rebuild`, which recomputes them), leaves such cards out.
    func state(file: String, skippingBadKeys: Bool = false) throws -> ProgressState {
        var cards: [CardKey: CardState] = [:]
        cards.reserveCapacity(self.cards.count)
        for (text, card) in self.cards {
            guard let key = CardKey(text) else {
                if skippingBadKeys { continue }
                throw StoreError.progress(
                    .unreadable(
                        file: file, line: 1, problem: "card key \"\(text)\" is not deck/entry/facet"))
            }
            cards[key] = card
        }
        var state = ProgressState(cards: cards, confusions: confusions, lastSeq: lastSeq, rules: rules ?? .defaults)
        for text in suspended ?? [] {
            guard let key = CardKey(text) else {
                if skippingBadKeys { continue }
                throw StoreError.progress(
                    .unreadable(file: file, line: 1, problem: "suspended card \"\(text)\" is not deck/entry/facet"))
            }
            state.suspended.insert(key)
        }
        return state
    }
}
