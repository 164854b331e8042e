import GlossCore

/// The journal line, version 3: the one declaration of what a record holds on disk.
///
/// One JSON object per line, its keys in the order of `JournalField.allCases`, absent when
/// empty (`nil`), `v` first:
///
/// ```json
/// {"v":2,"dev":"k3f9a2c1","seq":12,"kind":"review","time":"2026-11-29T09:00:00.000Z",
///  "card":["ai-safety","mesa-optimization","recognize"],"format":"choiceTerm","answer":"b",
///  "correct":true,"rating":3,"ms":4200,"cap":14}
/// ```
/// A record holds the answer, not the card's state: replay derives the state
/// (`ProgressState.apply`) from the card's earlier answers, the answer's rating and evidence
/// (`weak`, `floor`, `cap`, `days`) and the scheduling rules in force, which the first answer after
/// they change carries (`rules`). States are kept only where they can't be derived: a
/// revocation's (`before`, `after`), a re-rating's `before`, a state imported or written
/// by version 2 (whose lines carry their `after`; they are read as they are).
/// `JournalCodec` writes and reads exactly these fields, through exhaustive switches over
/// them: a field declared here and not handled there does not compile, and a key in a line
/// that is not declared here is an error naming the file and line, never skipped.
///
/// Adding a field: a case here (in its place in the order), its line in the two switches of
/// `JournalCodec`, and, when old lines lack it, what they mean (`nil`).
enum JournalField: String, CaseIterable, Sendable {
    case version = "v"
    /// The device that wrote the record: with `seq`, the record's identity across devices.
    case device = "dev"
    case seq
    case kind
    case time
    /// `[deck, entry, facet]`.
    case card
    case format
    case answer
    case correct
    case rating
    /// `responseMs`.
    case ms
    /// `confusedWith`.
    case confused
    case revokes
    /// `evidence.weak`: a right answer that counts as hard (`AnswerEvidence.Weak`).
    case weak
    /// `evidence.stabilityFloor`.
    case floor
    /// `evidence.capDays`.
    case cap
    /// `evidence.balancedDays`.
    case days
    /// The card's state before and after the answer, as `CardStateField` arrays.
    case before
    case after
    /// The scheduling rules from this answer on (`ScheduleRules`), a JSON object.
    case rules

    /// The `ReviewRecord` property the field holds (nil for the line's own version); a test
    /// checks every stored property of `ReviewRecord` has its field.
    var property: String? {
        switch self {
        case .version: nil
        case .device: "device"
        case .seq: "seq"
        case .kind: "kind"
        case .time: "time"
        case .card: "card"
        case .format: "format"
        case .answer: "answer"
        case .correct: "correct"
        case .rating: "rating"
        case .ms: "responseMs"
        case .confused: "confusedWith"
        case .revokes: "revokes"
        case .weak, .floor, .cap, .days: "evidence"
        case .before: "before"
        case .after: "after"
        case .rules: "rules"
        }
    }

    /// The version this gloss writes; a line with a higher one is refused (never skipped).
    static let current = 3

    /// Keys a line must have.
    var isRequired: Bool {
        switch self {
        case .version, .seq, .kind, .time, .card, .answer, .correct, .rating, .ms: true
        case .device, .format, .confused, .revokes, .weak, .floor, .cap, .days, .before, .after, .rules: false
        }
    }

    static let words = ByteWords(allCases.map(\.rawValue))
    /// Each key as a line spells it, quoted, with its colon: how the decoder finds the keys
    /// of a line written in order (as gloss writes them) without reading each as a string.
    static let quotedKeys = ByteWords(allCases.map { "\"\($0.rawValue)\":" })
    /// `allCases`, made once (the decoder looks fields up by index).
    static let ordered = allCases
    /// Bit i set: `ordered[i]` is required.
    static let requiredMask: UInt32 = ordered.indices.reduce(0) { mask, i in ordered[i].isRequired ? mask | 1 << i : mask }
}

/// A card state on disk: a JSON array in this order, trailing nulls left out.
enum CardStateField: Int, CaseIterable, Sendable {
    case phase, reps, lapses, step, stability, difficulty, due, lastReview, ease, intervalDays

    /// Fields a state array must have (the rest may be cut off when null).
    static let required = 3
}
