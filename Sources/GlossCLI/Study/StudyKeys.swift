import Foundation

/// What a line typed at an answer prompt asks for, beyond an answer.
enum StudyKey: Equatable {
    /// `s`: skip; the card comes back later in the session.
    case skip
    /// `u`: undo the last answer.
    case undo
    /// `e` or `e N`: change the rating of the last answer (N = 1–4 or again/hard/good/easy).
    case editRating(String?)
    /// `show`: the last question's entry in full.
    case show
    /// `quit`/`exit`: end the session (saved) with its summary.
    case quit
    /// `help`: the keys.
    case help

    init?(_ line: String) {
        let words = line.trimmingCharacters(in: .whitespaces).lowercased().split(separator: " ").map(String.init)
        guard let first = words.first, words.count <= 2 else { return nil }
        switch (first, words.count) {
        case ("s", 1): self = .skip
        case ("u", 1): self = .undo
        case ("e", _): self = .editRating(words.count == 2 ? words[1] : nil)
        case ("show", 1): self = .show
        case ("quit", 1), ("exit", 1): self = .quit
        case ("help", 1): self = .help
        default: return nil
        }
    }

    static let helpText =
        "Keys: ? hint · ! give up · s skip · u undo last answer · e change last rating · show last entry · quit end the session"
}
