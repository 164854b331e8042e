import ArgumentParser
import Foundation
import GlossCore

/// `questions`: previews generated questions without recording anything.
struct QuestionsCommand: GlossCommand {
    static let configuration = CommandConfiguration(
        commandName: "questions",
        abstract: "Preview the questions gloss writes from a deck (nothing is recorded).")

    @Option(name: .long, help: "The deck (default: the current deck).")
    var deck: String?

    @Option(name: .long, help: "How many questions.")
    var count = 10

    @Option(
        name: .customLong("format"), help: "Only this format: \(QuestionFormat.allCases.map(\.rawValue).joined(separator: ", "))."
    )
    var format: String?

    @Flag(help: "Print JSON: facet, format, entry, prompt, options, right option(s), accepted answers.")
    var json = false

    @Flag(
        help:
            "Audit the deck instead: per format, how many entries can be asked fairly, and the weakest questions with their margins."
    )
    var audit = false

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if count < 1 { throw ValidationError("--count must be at least 1") }
        if let format, QuestionFormat(rawValue: format) == nil {
            throw ValidationError(
                "--format '\(format)' is not one of: \(QuestionFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run(in session: Session) throws {
        let deck = try session.resolveDeck(deck)
        var rng = SplitMix64(seed: session.seed)
        if audit {
            session.console.write(QuestionAudit.run(index: QuestionIndex(deck: deck), using: &rng).text(weakest: count))
            return
        }
        let questions = QuestionPreview.questions(
            index: QuestionIndex(deck: deck), count: count, format: format.flatMap(QuestionFormat.init(rawValue:)),
            using: &rng)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = try encoder.encode(QuestionPreview.items(questions))
            session.console.line(String(decoding: data, as: UTF8.self))
        } else {
            session.console.write(QuestionPreview.text(questions))
            if questions.count < count {
                session.console.line("(\(questions.count) of \(count): the deck is too small for more in this format)")
            }
        }
    }
}
