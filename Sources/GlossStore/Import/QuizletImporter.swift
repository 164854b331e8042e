import Foundation

/// Reads Quizlet's export: cards split by `cardSeparator`, term and definition split at the
/// first `termSeparator`.
enum QuizletImporter {
    static func rows(_ text: String, file: String, termSeparator: String, cardSeparator: String)
        -> (entries: [RawEntry], problems: [ImportProblem])
    {
        var entries: [RawEntry] = []
        var problems: [ImportProblem] = []
        var line = 1
        let cards = cardSeparator.isEmpty ? [text] : text.components(separatedBy: cardSeparator)
        for card in cards {
            defer { line += card.filter { $0 == "\n" }.count + cardSeparator.filter { $0 == "\n" }.count }
            let leading = card.prefix { $0 == "\n" }.count
            let body = card.trimmedWhitespaceAndNewlines
            if body.isEmpty { continue }
            guard !termSeparator.isEmpty, let range = card.range(of: termSeparator) else {
                problems.append(
                    ImportProblem(
                        file: file, line: line + leading, kind: .badRow,
                        message: "card '\(String(body.prefix(40)))' has no term separator; skipped"))
                continue
            }
            entries.append(
                RawEntry(
                    line: line + leading, term: String(card[..<range.lowerBound]),
                    definition: String(card[range.upperBound...])))
        }
        return (entries, problems)
    }
}
