/// A global option (`GlobalOptions`) as a REPL line gives it: for that line alone, as
/// `gloss COMMAND OPTION` gives it for one run.
///
/// `study --learner ann` at the prompt studies ann's cards in a session of its own; the
/// REPL's learner, decks, clock and seed are as they were on the next line.
enum LineOption: CaseIterable {
    case decks
    case progress
    case learner
    case device
    case noColor
    case now
    case seed
    case newLearner

    /// The option as it is typed.
    var flag: String {
        switch self {
        case .decks: "--decks"
        case .progress: "--progress"
        case .learner: "--learner"
        case .device: "--device"
        case .noColor: "--no-color"
        case .now: "--now"
        case .seed: "--seed"
        case .newLearner: "--new"
        }
    }

    /// True when a value follows the flag (`--learner ann`, not `--no-color` or `--new`).
    var takesValue: Bool {
        switch self {
        case .decks, .progress, .learner, .device, .now, .seed: true
        case .noColor, .newLearner: false
        }
    }

    /// True when `options`, parsed from one line, give this option.
    func isGiven(in options: GlobalOptions) -> Bool {
        switch self {
        case .decks: options.decks != nil
        case .progress: options.progress != nil
        case .learner: options.learner != nil
        case .device: options.device != nil
        case .noColor: options.noColor
        case .now: options.now != nil
        case .seed: options.seed != nil
        case .newLearner: options.newLearner
        }
    }

    /// The options `options` give, in declaration order.
    static func given(in options: GlobalOptions) -> [LineOption] {
        allCases.filter { $0.isGiven(in: options) }
    }

    /// The command a line names: its first word that is neither a global option nor the value
    /// of one (`--learner ann study` names `study`, as `gloss --learner ann study` does).
    static func commandName(in words: [String]) -> String? {
        var index = words.startIndex
        while index < words.endIndex {
            let word = words[index]
            guard let option = allCases.first(where: { word == $0.flag || word.hasPrefix($0.flag + "=") }) else {
                return word
            }
            index += option.takesValue && !word.contains("=") ? 2 : 1
        }
        return nil
    }
}
