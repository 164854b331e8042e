import GlossCore

/// Writes a deck as Markdown that `MarkdownDeckParser` reads back to an equal deck.
///
/// Related entries are written by term (by id when the term has a comma or would name
/// another entry); `id:` is written only when it differs from `slug(term)`, or when the
/// definition itself starts like a `key: value` line and must be fenced off by metadata.
public enum MarkdownDeckWriter {
    public static func write(_ deck: Deck) -> String {
        var out = "---\nid: \(deck.id.rawValue)\ntitle: \(frontMatterValue(deck.title))\n"
        if !deck.description.isEmpty { out += "description: \(frontMatterValue(deck.description))\n" }
        out += "---\n"
        let resolver = RelatedNameResolver(entries: deck.entries)
        for entry in deck.entries {
            out += "\n" + section(for: entry, in: deck, resolver: resolver)
        }
        return out
    }

    /// One entry's `## Term` section, ending with a newline.
    public static func section(for entry: Entry, in deck: Deck) -> String {
        section(for: entry, in: deck, resolver: RelatedNameResolver(entries: deck.entries))
    }

    private static func section(for entry: Entry, in deck: Deck, resolver: RelatedNameResolver) -> String {
        var meta = ""
        if !entry.aliases.isEmpty { meta += "aliases: \(entry.aliases.joined(separator: ", "))\n" }
        if !entry.tags.isEmpty { meta += "tags: \(entry.tags.joined(separator: ", "))\n" }
        let related = entry.related.map { id in relatedName(id, in: deck, resolver: resolver) }
        if !related.isEmpty { meta += "related: \(related.joined(separator: ", "))\n" }
        // A definition like "note: …" right under the heading would read as metadata;
        // any metadata line before the blank line keeps it a definition.
        let needsFence = meta.isEmpty && MarkdownDeckParser.isMetadataLine(entry.definition)
        if entry.id.rawValue != slug(entry.term) || needsFence { meta = "id: \(entry.id.rawValue)\n" + meta }
        var out = "## \(entry.term)\n" + meta
        out += "\n\(entry.definition)\n"
        if !entry.explanation.isEmpty { out += "\n\(entry.explanation)\n" }
        return out
    }

    /// The name to write for a related entry: its term, unless that would read back as something else.
    private static func relatedName(_ id: EntryID, in deck: Deck, resolver: RelatedNameResolver) -> String {
        guard let term = resolver.term(of: id), !term.contains(","), resolver.resolve(term) == id else {
            return id.rawValue
        }
        return term
    }

    /// The parser strips one pair of surrounding double quotes, so such values get another pair.
    private static func frontMatterValue(_ value: String) -> String {
        value.count >= 2 && value.hasPrefix("\"") && value.hasSuffix("\"") ? "\"\(value)\"" : value
    }
}
