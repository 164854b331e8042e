import Foundation
import GlossCore

/// An Anki package read into gloss's terms: the deck, the review history of the cards that
/// became gloss cards, and counts of everything left out.
///
/// Each Anki note becomes one entry; Anki's decks become tags (`Biology::Cells` →
/// `biology/cells`), so one package is one gloss deck. Card 1 of a note (Front → Back) is
/// gloss's `recall` card, card 2 (the reverse) is `recognize`.
public struct AnkiPackageImport: Sendable {
    /// The imported deck and the problems `DeckAssembler` found.
    public var result: ImportResult
    /// `collection.anki2`, `collection.anki21` or `collection.anki21b`.
    public var collectionVersion: String
    public var schema: Int
    public var noteCount: Int
    public var clozeSkipped: Int
    /// Notes of a note type with fewer than two fields.
    public var otherSkipped: Int
    public var mediaSkipped: Int
    /// Cards beyond the first two of a note (a note type with more templates).
    public var cardsSkipped: Int
    /// Review history, in time order, for the imported cards.
    public var reviews: [AnkiReview]
    public var skipped: AnkiSkippedReviews
    /// The FSRS parameters found in the deck options (empty when none).
    public var fsrsParameters: [Double]
    public var desiredRetention: Double?
    /// Anki's FSRS memory state (`cards.data`) per imported card, where it keeps one.
    public var ankiStates: [CardKey: AnkiMemoryState]
    /// The Anki deck names the notes came from, and the tag each became.
    public var deckTags: [String: String]
}

/// One answer from Anki's revlog, on a gloss card.
public struct AnkiReview: Hashable, Sendable {
    public var card: CardKey
    public var time: Date
    public var rating: Rating
    public var responseMs: Int
}

/// Anki's FSRS stability (days) and difficulty (1 to 10) for one card.
public struct AnkiMemoryState: Hashable, Sendable {
    public var stability: Double
    public var difficulty: Double
}

/// Revlog rows not imported, by reason.
public struct AnkiSkippedReviews: Hashable, Sendable {
    /// Manual and rescheduled rows (type 4/5 or ease 0): Anki moved the card, nobody answered.
    public var manual = 0
    /// Rows for cards not in the package.
    public var unknownCard = 0
    /// Rows for cards whose note was not imported (cloze, duplicate, other card types).
    public var notImported = 0
    /// Rows with a time before 2006 or after now, or an ease outside 1 to 4.
    public var badRow = 0

    public var total: Int { manual + unknownCard + notImported + badRow }
}

/// How to read an Anki package.
public struct AnkiImportOptions: Sendable, Equatable {
    public var deckID: String?
    public var title: String?
    /// Field names for term, definition and optionally explanation, for every note type;
    /// nil for the defaults (Front/Back, or a note type's first two fields).
    public var fields: [String]?
    /// The largest member read (collection, meta, media list), uncompressed, in bytes.
    public var memberLimit: Int
    /// Reviews after this time are refused as bad rows.
    public var now: Date

    public init(
        deckID: String? = nil, title: String? = nil, fields: [String]? = nil,
        memberLimit: Int = 1 << 30, now: Date
    ) {
        self.deckID = deckID
        self.title = title
        self.fields = fields
        self.memberLimit = memberLimit
        self.now = now
    }
}

extension ImportFormat {
    /// True for a file name gloss reads as an Anki package.
    public static func isAnkiPackage(_ path: String) -> Bool {
        ["apkg", "colpkg"].contains((path as NSString).pathExtension.lowercased())
    }
}
