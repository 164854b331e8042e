/// Splits a REPL line into words like a shell: spaces separate, quotes group.
///
/// `show "AI Safety" --deck ai-safety` → `["show", "AI Safety", "--deck", "ai-safety"]`.
/// An unclosed quote runs to the end of the line.
func tokenize(_ line: String) -> [String] {
    var words: [String] = []
    var current = ""
    var inWord = false
    var quote: Character?
    var escaped = false
    for character in line {
        if escaped {
            current.append(character)
            escaped = false
            inWord = true
        } else if character == "\\" && quote != "'" {
            escaped = true
        } else if let open = quote {
            if character == open { quote = nil } else { current.append(character) }
        } else if character == "\"" || character == "'" {
            quote = character
            inWord = true
        } else if character == " " || character == "\t" {
            if inWord { words.append(current) }
            current = ""
            inWord = false
        } else {
            current.append(character)
            inWord = true
        }
    }
    if inWord { words.append(current) }
    return words
}
