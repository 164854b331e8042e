import Foundation
import GlossCore

extension AnkiPackageImport {
    /// One line per thing left out, for the CLI's warnings and the dry run.
    ///
    /// `deck.apkg: 1 cloze note skipped (gloss has no cloze cards)`
    public func skipLines(file: String) -> [String] {
        var lines: [String] = []
        func add(_ count: Int, _ text: String) { if count > 0 { lines.append("\(file): \(text)") } }
        add(clozeSkipped, "\(plural(clozeSkipped, "cloze note")) skipped (gloss has no cloze cards)")
        add(otherSkipped, "\(plural(otherSkipped, "note")) of note types with fewer than two fields skipped")
        add(cardsSkipped, "\(plural(cardsSkipped, "card")) beyond a note's first two skipped")
        add(mediaSkipped, "\(plural(mediaSkipped, "media file")) not imported (gloss decks hold text only)")
        add(skipped.manual, "\(plural(skipped.manual, "manual or rescheduled revlog row")) skipped (no answer was given)")
        add(skipped.unknownCard, "\(plural(skipped.unknownCard, "revlog row")) for cards not in the package skipped")
        add(skipped.notImported, "\(plural(skipped.notImported, "revlog row")) for cards not imported skipped")
        add(
            skipped.badRow,
            "\(plural(skipped.badRow, "revlog row")) with a time before 2006 or in the future, or an unknown ease, skipped")
        return lines
    }

    /// What `import --dry-run` prints for a package.
    public func report(file: String, comparison: AnkiStateComparison?, parameters: String) -> String {
        let entries = result.deck.entries.count
        var out =
            "\(file): \(collectionVersion) (schema \(schema)), \(plural(noteCount, "note")) → \(entries) entr\(entries == 1 ? "y" : "ies"), "
            + "\(plural(result.problems.count, "problem"))\n"
        let tags = deckTags.sorted { $0.key < $1.key }.map { "\($0.key) → \($0.value)" }
        if !tags.isEmpty { out += "  Anki decks become tags: \(tags.joined(separator: ", "))\n" }
        let cards = Set(reviews.map(\.card)).count
        out += "  reviews: \(reviews.count) answers on \(plural(cards, "card")) to import; \(skipped.total) revlog rows skipped\n"
        out += "  replayed with \(parameters)\n"
        if let comparison {
            out +=
                "  replay vs Anki's FSRS state on \(plural(comparison.cards, "card")): stability |Δ| mean \(fixed(comparison.meanStabilityDifference)) max \(fixed(comparison.maxStabilityDifference)) days "
                + "(\(fixed(comparison.meanRelativeStabilityDifference * 100))% mean), difficulty |Δ| mean \(fixed(comparison.meanDifficultyDifference)) max \(fixed(comparison.maxDifficultyDifference))\n"
        } else {
            out += "  no FSRS state in the package to compare with (FSRS was off in Anki)\n"
        }
        for line in skipLines(file: file) { out += line + "\n" }
        let body = result.report(file: file)
        out += body.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().joined(separator: "\n")
        return out
    }
}

private func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }

private func fixed(_ value: Double) -> String { String(format: "%.4f", value) }
