import Foundation
import GlossCore

extension ProgressStore {
    /// The stats tally of the whole review log, its parts read side by side, without
    /// holding the records: what `gloss stats` shows from the journal.
    public func statsTally(clock: DayClock, now: Date, decks: [DeckID]) throws -> StatsTally {
        var tally = StatsTally(clock: clock, now: now, decks: decks)
        guard let journal = try Journal.open(journalPath) else { return tally }
        defer { journal.close() }
        let parts = try journal.fold(start: { StatsTally(clock: clock, now: now, decks: decks) }, add: { $0.add($1) })
        for part in parts.parts { tally.merge(part) }
        return tally
    }
}
