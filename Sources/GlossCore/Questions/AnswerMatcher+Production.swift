/// Typed answers to the production rungs: a cloze's missing word, a related term's name.
extension AnswerMatcher {
    /// The blanked word: exact (folded) or same stem is right; within the slip bound, right with a slip.
    func matchCloze(_ input: String, _ question: Question) -> AnswerOutcome {
        let folded = TextFold.normalize(input)
        guard !folded.isEmpty else { return .wrong }
        for answer in question.accepted.map(TextFold.normalize) where !answer.isEmpty {
            if folded == answer || Stem.of(folded) == Stem.of(answer) { return .right(slip: false) }
            if DamerauLevenshtein.distance(folded, answer) <= DamerauLevenshtein.allowedSlips(forLength: answer.count) {
                return .right(slip: true)
            }
        }
        return .wrong
    }

    /// Any related entry's name is right (a slip within the bound too, unless the input is at
    /// least as close to an unrelated entry's name, which is then a confusion).
    func matchNameRelated(_ input: String, _ question: Question) -> AnswerOutcome {
        let folded = TextFold.normalize(input)
        guard !folded.isEmpty else { return .wrong }
        let related = Set(index.relatedEntries(of: question.card.entry).map(\.id))
        if let named = index.entriesByName[folded] {
            let ids = named.map { index.deck.entries[$0].id }
            if ids.contains(where: related.contains) { return .right(slip: false) }
            if let other = ids.first(where: { $0 != question.card.entry }) { return .confused(with: other) }
        }
        var nearestRelated = Int.max
        var nearestOther: (EntryID?, Int) = (nil, Int.max)
        for (j, names) in index.foldedNames.enumerated() {
            let id = index.deck.entries[j].id
            guard id != question.card.entry else { continue }
            for name in names {
                let distance = DamerauLevenshtein.distance(folded, name)
                guard distance <= DamerauLevenshtein.allowedSlips(forLength: name.count) else { continue }
                if related.contains(id) {
                    nearestRelated = min(nearestRelated, distance)
                } else if distance < nearestOther.1 {
                    nearestOther = (id, distance)
                }
            }
        }
        if nearestRelated < nearestOther.1 { return .right(slip: true) }
        if let other = nearestOther.0 { return .confused(with: other) }
        return .wrong
    }
}
