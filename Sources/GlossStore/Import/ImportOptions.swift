/// How to read a file being imported; every field defaults to "detect".
public struct ImportOptions: Sendable, Equatable {
    /// The format, or nil to detect it from the file name and text.
    public var format: ImportFormat?
    /// The field delimiter for CSV/TSV, or nil to detect it (`,`, `;` or tab).
    public var delimiter: Character?
    /// Whether the first CSV/TSV row is a header, or nil to detect it by its names.
    public var hasHeader: Bool?
    /// Columns in order, overriding the header's names.
    public var columns: [ImportColumn]?
    /// Quizlet: between term and definition (default tab).
    public var termSeparator: String
    /// Quizlet: between cards (default newline).
    public var cardSeparator: String
    /// The new deck's id, or nil for `slug(file name)`.
    public var deckID: String?
    /// The new deck's title, or nil for the page's term or the file name.
    public var title: String?
    /// Definitions longer than this (in characters) are reported.
    public var maximumDefinitionLength: Int

    public init(
        format: ImportFormat? = nil, delimiter: Character? = nil, hasHeader: Bool? = nil,
        columns: [ImportColumn]? = nil, termSeparator: String = "\t", cardSeparator: String = "\n",
        deckID: String? = nil, title: String? = nil, maximumDefinitionLength: Int = 300
    ) {
        self.format = format
        self.delimiter = delimiter
        self.hasHeader = hasHeader
        self.columns = columns
        self.termSeparator = termSeparator
        self.cardSeparator = cardSeparator
        self.deckID = deckID
        self.title = title
        self.maximumDefinitionLength = maximumDefinitionLength
    }
}
