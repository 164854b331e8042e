import Foundation
import GlossCore

/// Reads an Anki `.apkg` / `.colpkg` (all three collection versions) into a deck and its
/// review history; nothing is written.
///
/// ```swift
/// let imported = try AnkiPackageImporter.read("deck.apkg", options: AnkiImportOptions(now: now))
/// imported.result.deck.entries.count   // one per Basic or reversed note
/// imported.reviews.count               // revlog rows for those cards, manual ones left out
/// ```
public enum AnkiPackageImporter {
    /// Anki was first released in 2006: an answer before that is a damaged row.
    static let earliest = Date(timeIntervalSince1970: 1_136_073_600)

    public static func read(_ path: String, options: AnkiImportOptions) throws(StoreError) -> AnkiPackageImport {
        let package = try AnkiPackage.open(path, memberLimit: options.memberLimit)
        defer { package.remove() }
        let collection = try AnkiCollection.read(package)
        return try convert(collection, package: package, options: options)
    }

    static func convert(_ collection: AnkiCollection, package: AnkiPackage, options: AnkiImportOptions)
        throws(StoreError) -> AnkiPackageImport
    {
        let file = package.file
        let stem = (file as NSString).deletingPathExtension
        let deckID = DeckID(options.deckID ?? slug(stem))
        var counts = (cloze: 0, other: 0, cards: 0)

        // Field positions per note type.
        var mapping: [Int64: (term: Int, definition: Int, explanation: Int?)] = [:]
        for type in collection.noteTypes.values.sorted(by: { $0.id < $1.id }) where !type.isCloze {
            if let names = options.fields {
                var found: [Int] = []
                for name in names {
                    guard let index = type.fields.firstIndex(where: { $0.caseInsensitiveCompare(name) == .orderedSame }) else {
                        throw StoreError.unreadable(
                            file: file,
                            reason:
                                "note type '\(type.name)' has no field '\(name)' (its fields: \(type.fields.joined(separator: ", "))); choose with --fields"
                        )
                    }
                    found.append(index)
                }
                mapping[type.id] = (found[0], found[1], found.count > 2 ? found[2] : nil)
            } else if type.fields.count >= 2 {
                let front = type.fields.firstIndex(of: "Front") ?? 0
                let back = type.fields.firstIndex(of: "Back") ?? (front == 0 ? 1 : 0)
                mapping[type.id] = (front, back, nil)
            }
        }

        func tag(_ name: String) -> String {
            name.components(separatedBy: "::").map { slug($0) }.filter { !$0.isEmpty }.joined(separator: "/")
        }
        var noteDeck: [Int64: Int64] = [:]
        for card in collection.cards where noteDeck[card.note] == nil { noteDeck[card.note] = card.deck }
        var deckTags: [String: String] = [:]
        var raws: [RawEntry] = []
        var rawNote: [Int64] = []
        for (index, note) in collection.notes.enumerated() {
            guard let type = collection.noteTypes[note.noteType], !type.isCloze else {
                counts.cloze += collection.noteTypes[note.noteType]?.isCloze == true ? 1 : 0
                counts.other += collection.noteTypes[note.noteType] == nil ? 1 : 0
                continue
            }
            guard let map = mapping[type.id] else {
                counts.other += 1
                continue
            }
            func field(_ i: Int) -> String { i < note.fields.count ? HTMLText.plain(withoutSounds(note.fields[i])) : "" }
            var tags = note.tags.map(tag).filter { !$0.isEmpty }
            if let deck = noteDeck[note.id].flatMap({ collection.decks[$0] }) {
                let deckTag = tag(deck)
                deckTags[deck] = deckTag
                if !deckTag.isEmpty, !tags.contains(deckTag) { tags.insert(deckTag, at: 0) }
            }
            raws.append(
                RawEntry(
                    line: index + 1, term: field(map.term), definition: field(map.definition),
                    explanation: map.explanation.map(field) ?? "", tags: tags))
            rawNote.append(note.id)
        }
        let assembler = DeckAssembler(file: file, maximumDefinitionLength: 300)
        let result = assembler.assemble(
            raws, deck: Deck(id: deckID, title: options.title ?? stem), format: .anki)

        // Notes that became entries, and their cards.
        var noteEntry: [Int64: EntryID] = [:]
        let lineNote = Dictionary(zip(raws.map(\.line), rawNote), uniquingKeysWith: { a, _ in a })
        for (entry, line) in zip(result.deck.entries, result.lines) {
            if let note = lineNote[line] { noteEntry[note] = entry.id }
        }
        var cardKey: [Int64: CardKey] = [:]
        var ankiStates: [CardKey: AnkiMemoryState] = [:]
        let known = Set(collection.cards.map(\.id))
        for card in collection.cards {
            guard let entry = noteEntry[card.note] else { continue }
            let facet: Facet
            switch card.ord {
            case 0: facet = .recall
            case 1: facet = .recognize
            default:
                counts.cards += 1
                continue
            }
            let key = CardKey(deck: deckID, entry: entry, facet: facet)
            cardKey[card.id] = key
            if let s = card.stability, let d = card.difficulty { ankiStates[key] = AnkiMemoryState(stability: s, difficulty: d) }
        }

        var skipped = AnkiSkippedReviews()
        var reviews: [AnkiReview] = []
        reviews.reserveCapacity(collection.reviews.count)
        for row in collection.reviews {
            let time = Date(timeIntervalSince1970: Double(row.id) / 1000)
            if row.type >= 4 || row.ease == 0 {
                skipped.manual += 1
            } else if !(1...4).contains(row.ease) || time < earliest || time > options.now {
                skipped.badRow += 1
            } else if !known.contains(row.card) {
                skipped.unknownCard += 1
            } else if let key = cardKey[row.card], let rating = Rating(rawValue: row.ease) {
                reviews.append(AnkiReview(card: key, time: time, rating: rating, responseMs: max(0, row.taken)))
            } else {
                skipped.notImported += 1
            }
        }
        return AnkiPackageImport(
            result: result, collectionVersion: package.version.member, schema: collection.schema,
            noteCount: collection.notes.count, clozeSkipped: counts.cloze, otherSkipped: counts.other,
            mediaSkipped: package.mediaCount, cardsSkipped: counts.cards, reviews: reviews, skipped: skipped,
            fsrsParameters: collection.fsrsParameters, desiredRetention: collection.desiredRetention,
            ankiStates: ankiStates, deckTags: deckTags)
    }
}

/// A field without Anki's `[sound:file.mp3]` references (the media is not imported).
func withoutSounds(_ field: String) -> String {
    guard field.contains("[sound:") else { return field }
    var out = ""
    var rest = Substring(field)
    while let start = rest.range(of: "[sound:") {
        out += rest[..<start.lowerBound]
        guard let end = rest[start.upperBound...].firstIndex(of: "]") else {
            rest = rest[start.lowerBound...]
            break
        }
        rest = rest[rest.index(after: end)...]
    }
    return out + rest
}
