extension ReviewRecord {
    /// The entry this answer confused the asked one with, when it counts as a confusion.
    ///
    /// Only questions whose options (or typed answer) are entries' names for the asked entry's
    /// name or definition confuse two entries: a wrong pick in a related-term or odd-one-out
    /// question is a misjudged relation, not a mix-up of two entries, even in an old journal
    /// that recorded one.
    public var confusion: EntryID? {
        guard let picked = confusedWith else { return nil }
        guard let format else { return picked }
        switch format {
        case .choiceTerm, .choiceDefinition, .typed, .matching, .flashcard: return picked
        // A related term named, or a definition's blanked word: not a mix-up of two entries.
        case .relatedChoice, .oddOneOut, .nameRelated, .cloze: return nil
        }
    }
}
