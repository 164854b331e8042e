/// Hint material shown when the learner types `?`.
enum Hint {
    /// The first letter of each word, other letters as `_`: "Mesa-Optimization" → "M___-O___________".
    static func pattern(of term: String) -> String {
        var result = ""
        var atWordStart = true
        for character in term {
            if character.isLetter || character.isNumber {
                result.append(atWordStart ? character : "_")
                atWordStart = false
            } else {
                result.append(character)
                atWordStart = true
            }
        }
        return result
    }

    /// Rules out half of the wrong options: "Not b, not d".
    static func elimination(order: [Int], right: Int, using rng: inout some RandomNumberGenerator) -> String {
        var wrong = order.indices.filter { order[$0] != right }
        wrong.shuffle(using: &rng)
        let out = wrong.prefix(max(1, wrong.count / 2)).sorted()
        let text = out.map { "not \(Question.letter($0))" }.joined(separator: ", ")
        return text.prefix(1).uppercased() + text.dropFirst()
    }
}
