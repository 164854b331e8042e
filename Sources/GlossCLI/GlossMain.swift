import ArgumentParser

/// The root command: `gloss` with no arguments opens the REPL.
public struct GlossMain: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "gloss",
        abstract: "A spaced-repetition quiz and flashcard trainer for glossaries."
    )
    public init() {}
    public func run() throws {}
}
