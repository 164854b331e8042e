import Testing

@testable import GlossCLI

private let completer = Completer(
    commands: ["help", "show", "search", "study", "use", "decks", "quit"],
    deckNames: ["ai-safety", "biology"],
    terms: ["Mesa-Optimization", "AI Alignment", "AI Safety", "Artificial General Intelligence"],
    aliases: ["Mesa-Optimizer", "AGI"]
)

@Test(
    "command names complete",
    arguments: [
        ("he", ["help "]),
        ("s", ["search ", "show ", "study "]),
        ("sh", ["show "]),
        ("zz", []),
    ])
func commandNames(typed: String, expected: [String]) {
    #expect(completer.complete(typed) == expected)
}

@Test func termsCompleteCaseInsensitivelyAndAcrossWords() {
    #expect(completer.complete("show mesa") == ["show Mesa-Optimization"])
    #expect(completer.complete("show ai ") == ["show AI Alignment", "show AI Safety"])
    #expect(completer.complete("show AI S") == ["show AI Safety"])
    #expect(completer.complete("show art") == ["show Artificial General Intelligence"])
    #expect(completer.complete("show ag") == ["show AGI"])
}

@Test func decksAndHelpTopicsComplete() {
    #expect(completer.complete("use ai") == ["use ai-safety"])
    #expect(completer.complete("help st") == ["help study"])
    #expect(completer.complete("quit x") == [])
}

@Test func commonPrefixIgnoresCase() {
    #expect(commonPrefix(["show AI Alignment", "show ai safety"]) == "show AI ")
    #expect(commonPrefix(["abc"]) == "abc")
}

@Test(
    "lines split like a shell",
    arguments: [
        ("show \"AI Safety\" --deck x", ["show", "AI Safety", "--deck", "x"]),
        ("  show   AI Safety ", ["show", "AI", "Safety"]),
        ("search 'it''s'", ["search", "its"]),
        ("show a\\ b", ["show", "a b"]),
        ("show \"unclosed quote", ["show", "unclosed quote"]),
        ("", []),
    ])
func tokenizes(line: String, expected: [String]) {
    #expect(tokenize(line) == expected)
}

@Test func wrapKeepsWordsAndIndent() {
    #expect(wrap("one two three four", width: 12, indent: "  ") == ["  one two", "  three four"])
    #expect(wrap("a\n\nb", width: 40) == ["a", "", "b"])
}
