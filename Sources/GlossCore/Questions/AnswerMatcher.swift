/// Checks a learner's input against a question.
///
/// Typed answers are compared after `TextFold` normalisation (Unicode compatibility form,
/// case and diacritic folding, punctuation and whitespace collapsed); every alias is
/// accepted. Another entry's name, typed exactly, is a confusion. A slip of a right answer,
/// as `TypedAnswerRules` defines it (typing errors within a bound per word; never another
/// word such as "unsupervised" for "supervised", nor a missing accent where accents tell two
/// names apart), is right-with-a-slip unless the input is strictly nearer another entry's
/// name, which is a confusion: on a tie the asked entry wins. Choices are answered by number
/// (1–4), letter (a–d) or the option's text.
/// Matching answers pair numbers with letters in any order: `1c 2a 3d 4b`, `1C,2A, 3d 4-b`,
/// or just the letters in term order, `cadb`.
///
/// ```swift
/// let matcher = AnswerMatcher(index: index)              // once per deck
/// matcher.match("mesa optimiztion", to: question)         // .right(slip: true)
/// matcher.match("inner alignment", to: question)          // .confused(with: "inner-alignment")
/// ```
public struct AnswerMatcher: Sendable {
    public let index: QuestionIndex
    /// What counts as a slip in a typed answer, for this deck.
    public let rules: TypedAnswerRules

    /// Builds the deck's typed-answer rules: make one matcher per deck, not one per answer.
    /// - Complexity: reads every word of the deck once.
    public init(index: QuestionIndex) {
        self.index = index
        self.rules = TypedAnswerRules(index: index)
    }

    public func match(_ input: String, to question: Question) -> AnswerOutcome {
        let trimmed = input.trimmingWhitespace
        switch trimmed {
        case "": return .empty
        case "?": return .hintRequested
        case "!": return .gaveUp
        default: break
        }
        switch question.format {
        case .typed: return matchTyped(trimmed, question)
        case .matching: return matchMatching(trimmed, question)
        case .flashcard: return .unreadable("press Enter to reveal, then rate 1–4")
        case .cloze: return matchCloze(trimmed, question)
        case .nameRelated: return matchNameRelated(trimmed, question)
        case .choiceTerm, .choiceDefinition, .relatedChoice, .oddOneOut: return matchChoice(trimmed, question)
        }
    }

    /// The option a choice input picks: by number, letter or (typo-tolerant) text; nil if none.
    public func pickedOption(_ input: String, options: [String]) -> Int? {
        var text = input.trimmingWhitespace.lowercased()
        if text.count == 2, let last = text.last, last == ")" || last == "." { text.removeLast() }
        if let number = Int(text), number >= 1, number <= options.count { return number - 1 }
        if text.count == 1, let i = options.indices.first(where: { Question.letter($0) == text }) { return i }
        let folded = TextFold.normalize(input)
        guard !folded.isEmpty else { return nil }
        let foldedOptions = options.map(TextFold.normalize)
        if let exact = foldedOptions.firstIndex(of: folded) { return exact }
        let distances = foldedOptions.map { DamerauLevenshtein.distance(folded, $0) }
        guard let best = distances.min(), let i = distances.firstIndex(of: best),
            distances.filter({ $0 == best }).count == 1,
            best <= DamerauLevenshtein.allowedSlips(forLength: foldedOptions[i].count)
        else { return nil }
        return i
    }

    private func matchChoice(_ input: String, _ question: Question) -> AnswerOutcome {
        guard let picked = pickedOption(input, options: question.options) else {
            let last = Question.letter(question.options.count - 1)
            return .unreadable("answer with 1–\(question.options.count), a–\(last) or the text of an option")
        }
        if question.correct.contains(picked) { return .right(slip: false) }
        guard question.optionEntries.indices.contains(picked) else { return .wrong }
        switch question.format {
        case .choiceTerm, .choiceDefinition, .typed, .matching, .flashcard:
            return .confused(with: question.optionEntries[picked])
        case .relatedChoice, .oddOneOut, .nameRelated, .cloze:
            // The options are related terms: a wrong pick misjudges a relation, it does not mix up entries.
            return .wrong
        }
    }

    private func matchTyped(_ input: String, _ question: Question) -> AnswerOutcome {
        let answer = TypedName(input)
        guard !answer.words.isEmpty else { return .wrong }
        let asked = question.card.entry
        let askedPosition = index.position(of: asked) ?? -1
        let names = question.accepted.map(TypedName.init).filter { !$0.words.isEmpty }.map { name in
            (words: name.words, required: rules.required(folded: name.folded, accented: name.accented, entry: askedPosition))
        }
        if names.contains(where: { rules.isExact(answer, $0.words, required: $0.required) }) { return .right(slip: false) }
        // Another entry's name, exactly: a confusion, whatever the asked entry's names are near.
        let folded = answer.folded
        for i in index.entriesByName[folded] ?? [] where index.deck.entries[i].id != asked {
            if rules.requirements(folded: folded, entry: i).contains(where: { rules.isExact(answer, answer.words, required: $0) })
            {
                return .confused(with: index.deck.entries[i].id)
            }
        }
        // A slip of an asked name wins unless another entry's name is strictly nearer.
        let right = names.compactMap { rules.cost(of: answer, against: $0.words, required: $0.required) }.min()
        let (other, otherCost) = closestOtherName(to: answer, excluding: asked, below: right ?? Int.max)
        if let right, right <= otherCost { return .right(slip: true) }
        if let other { return .confused(with: other) }
        return .wrong
    }

    /// The other entry with a name the answer is a slip of (by `TypedAnswerRules`) at fewer than
    /// `below` edits, the nearest (first in deck order on a tie), and its edits (Int.max if none).
    private func closestOtherName(to answer: TypedName, excluding asked: EntryID, below: Int) -> (EntryID?, Int) {
        var best: (EntryID?, Int) = (nil, Int.max)
        let scalars = Array(answer.folded.unicodeScalars)
        for (i, names) in index.foldedNames.enumerated() where index.deck.entries[i].id != asked {
            for name in names {
                let count = name.unicodeScalars.count
                // Exact names were handled before: only slips (at least one edit) are left.
                let limit = min(DamerauLevenshtein.allowedSlips(forLength: count), best.1 - 1, below - 1)
                guard limit > 0, abs(count - scalars.count) <= limit else { continue }
                // The whole-text distance never exceeds the word-by-word edits (`TypedAnswerRules.cost`
                // counts them so): a cheap filter that drops no candidate.
                guard DamerauLevenshtein.distance(scalars, Array(name.unicodeScalars), limit: limit) <= limit else { continue }
                let words = name.split(separator: " ").map(String.init)
                for required in rules.requirements(folded: name, entry: i) {
                    if let cost = rules.cost(of: answer, against: words, required: required), cost <= limit, cost < best.1 {
                        best = (index.deck.entries[i].id, cost)
                    }
                }
            }
        }
        return best
    }

    private func matchMatching(_ input: String, _ question: Question) -> AnswerOutcome {
        let count = question.terms.count
        let lastLetter = Question.letter(count - 1)
        let usage = AnswerOutcome.unreadable(
            "pair each term 1–\(count) with a definition a–\(lastLetter), e.g. \(example(count))")
        let characters = input.lowercased().filter { $0.isLetter || $0.isNumber }
        var pairs: [Int: Int] = [:]
        if characters.allSatisfy(\.isLetter) {
            guard characters.count == count else { return usage }
            for (t, character) in characters.enumerated() {
                guard let d = letterIndex(character, count) else { return usage }
                pairs[t] = d
            }
        } else {
            let list = Array(characters)
            guard list.count == 2 * count else { return usage }
            for k in stride(from: 0, to: list.count, by: 2) {
                guard let number = list[k].wholeNumberValue, number >= 1, number <= count,
                    let d = letterIndex(list[k + 1], count), pairs[number - 1] == nil
                else { return usage }
                pairs[number - 1] = d
            }
        }
        guard pairs.count == count, Set(pairs.values).count == count else { return usage }
        var right = 0
        var confusions: [MatchingConfusion] = []
        for t in 0..<count {
            let picked = pairs[t] ?? -1
            if question.correct.indices.contains(t), question.correct[t] == picked {
                right += 1
            } else if question.termEntries.indices.contains(t), question.optionEntries.indices.contains(picked) {
                confusions.append(MatchingConfusion(asked: question.termEntries[t], picked: question.optionEntries[picked]))
            }
        }
        return right == count ? .right(slip: false) : .partlyRight(right: right, of: count, confusions: confusions)
    }

    private func letterIndex(_ character: Character, _ count: Int) -> Int? {
        (0..<count).first { Question.letter($0) == String(character) }
    }

    private func example(_ count: Int) -> String {
        (0..<count).map { "\($0 + 1)\(Question.letter(($0 + 1) % count))" }.joined(separator: " ")
    }
}

extension String {
    fileprivate var trimmingWhitespace: String {
        var view = Substring(self)
        while let first = view.first, first.isWhitespace { view.removeFirst() }
        while let last = view.last, last.isWhitespace { view.removeLast() }
        return String(view)
    }
}
