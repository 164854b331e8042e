import ArgumentParser
import Foundation
import GlossCore
import GlossStore

extension ImportCommand {
    /// `import FILE.apkg|FILE.colpkg`: the notes as a deck and the review history as answers.
    ///
    /// Everything is read and checked first; only then are the deck file and the answers
    /// written, so a package gloss cannot read changes nothing.
    func runAnkiPackage(in session: Session) throws {
        let console = session.console
        let name = (file as NSString).lastPathComponent
        var fieldNames: [String]?
        if let fields {
            let names = fields.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            guard (2...3).contains(names.count), names.allSatisfy({ !$0.isEmpty }) else {
                throw ValidationError("--fields takes TERM,DEFINITION[,EXPLANATION] field names, not '\(fields)'")
            }
            fieldNames = names
        }
        let imported = try AnkiPackageImporter.read(
            file, options: AnkiImportOptions(deckID: deck, title: title, fields: fieldNames, now: session.now()))
        if dryRun {
            var settings = LearnerSettings()
            let label = useParameters(of: imported, in: &settings)
            let records = imported.records(scheduler: try settings.makeScheduler())
            let comparison = imported.compare(AnkiPackageImport.finalStates(records))
            console.write(
                imported.report(file: name, comparison: comparison, parameters: label + " and gloss's default settings"))
            return
        }
        let store = try session.progress()
        var settings = store.settings
        let label = useParameters(of: imported, in: &settings)
        let scheduler = try settings.makeScheduler()

        // The deck as it will be written, and where each imported entry lands.
        let folder = session.decksFolder
        let incoming = imported.result.deck
        let existing = session.library.deck(incoming.id)
        let path = session.library.files[incoming.id] ?? (folder as NSString).appendingPathComponent("\(incoming.id).md")
        var finalDeck = incoming
        var deckText: String
        var summary: String
        if merge, let existing {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let merged = DeckMerge.merge(incoming, into: existing)
            deckText = try DeckFileEditor.apply(merged, to: text, file: path)
            finalDeck = merged.deck
            summary =
                "Merged into \(path): \(merged.added.count) added, \(merged.updated.count) updated, \(merged.unchanged.count) unchanged"
        } else {
            if existing != nil && !force {
                throw StoreError.unreadable(
                    file: path,
                    reason:
                        "a deck with id '\(incoming.id)' already exists; pass --merge to merge into it, --force to replace it, or --deck to name the new one"
                )
            }
            deckText = DeckExport.text(incoming, format: .md)
            summary = "Imported \(incoming.entries.count) entries (\(name), \(imported.collectionVersion)) into \(path)"
        }
        let finalID = Self.finalIDs(incoming: incoming, into: finalDeck)
        var records = imported.records(scheduler: scheduler).compactMap { record -> ReviewRecord? in
            guard let entry = finalID[record.card.entry] else { return nil }
            var copy = record
            copy.card.entry = entry
            return copy
        }
        // A card the learner already studied in gloss keeps its gloss history only: older
        // answers appended after newer ones would replay out of order.
        let studied = Set(records.map(\.card).filter { store.card($0) != .new })
        if !studied.isEmpty {
            records.removeAll { studied.contains($0.card) }
            console.warning(
                "\(name): \(studied.count) card\(studied.count == 1 ? "" : "s") already studied in gloss keep their gloss progress; their Anki history was not imported"
            )
        }
        for line in imported.skipLines(file: name) { console.warning(line) }
        for problem in imported.result.problems { console.warning(problem.description) }

        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try DeckFileWriter.write(deckText, to: path, overwrite: merge || force)
        // The whole history in one write and one fsync: all of it is saved, or none.
        try store.appendAll(records)
        try store.checkpoint()
        console.line(
            "\(summary); \(records.count) review\(records.count == 1 ? "" : "s") on \(Set(records.map(\.card)).count) cards added to \(store.learner)'s history (replayed with \(label))."
        )
        session.reloadDecks()
        lintAfterEdit(path: path, session: session)
    }

    /// The package's FSRS parameters in `settings` when it has valid ones; says which were used.
    private func useParameters(of imported: AnkiPackageImport, in settings: inout LearnerSettings) -> String {
        guard settings.algorithm == .fsrs else { return "the learner's SM-2 settings" }
        guard !imported.fsrsParameters.isEmpty, let parameters = try? FSRSParameters(migrating: imported.fsrsParameters) else {
            return "the learner's FSRS parameters (the package has none)"
        }
        settings.fsrsParameters = parameters.values
        if let retention = imported.desiredRetention, LearnerSettings.retentionRange.contains(retention) {
            settings.desiredRetention = retention
        }
        return "the package's FSRS parameters"
    }

    /// Incoming entry id → its id in the written deck (merging keeps the existing ids).
    static func finalIDs(incoming: Deck, into deck: Deck) -> [EntryID: EntryID] {
        let ids = Set(deck.entries.map(\.id))
        var byName: [String: EntryID] = [:]
        for entry in deck.entries {
            for name in entry.names where byName[name.lowercased()] == nil { byName[name.lowercased()] = entry.id }
        }
        var out: [EntryID: EntryID] = [:]
        for entry in incoming.entries {
            out[entry.id] = ids.contains(entry.id) ? entry.id : entry.names.lazy.compactMap { byName[$0.lowercased()] }.first
        }
        return out
    }
}
