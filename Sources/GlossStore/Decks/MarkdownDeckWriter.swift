import GlossCore

/// Writes a deck as Markdown that `MarkdownDeckParser` reads back to an equal deck.
public enum MarkdownDeckWriter {
    public static func write(_ deck: Deck) -> String {
        var out = "---\nid: \(deck.id.rawValue)\ntitle: \(deck.title)\n"
        if !deck.description.isEmpty { out += "description: \(deck.description)\n" }
        out += "---\n"
        for entry in deck.entries {
            out += "\n" + section(for: entry, in: deck)
        }
        return out
    }

    /// One entry's `## Term` section, ending with a newline.
    public static func section(for entry: Entry, in deck: Deck) -> String {
        var out = "## \(entry.term)\n"
        if entry.id.rawValue != slug(entry.term) { out += "id: \(entry.id.rawValue)\n" }
        if !entry.aliases.isEmpty { out += "aliases: \(entry.aliases.joined(separator: ", "))\n" }
        if !entry.tags.isEmpty { out += "tags: \(entry.tags.joined(separator: ", "))\n" }
        let related = entry.related.map { id in deck.entry(id)?.term ?? id.rawValue }
        if !related.isEmpty { out += "related: \(related.joined(separator: ", "))\n" }
        out += "\n\(entry.definition)\n"
        if !entry.explanation.isEmpty { out += "\n\(entry.explanation)\n" }
        return out
    }
}
