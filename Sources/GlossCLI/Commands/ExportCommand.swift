import ArgumentParser
import Foundation
import GlossCore
import GlossStore

/// `export`: progress to CSV, JSON, Markdown or a self-contained HTML report.
struct ExportCommand: GlossCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export progress: terms or reviews as CSV, reviews or summary as JSON, a Markdown or HTML report.",
        discussion: """
            csv: --what terms (default) or reviews (the FSRS review-log format that 'gloss replay' reads).
            json: --what summary (default) or reviews (JSON Lines, one answer per line).
            md, html: the stats report. Use -o - for standard output; an existing file needs --force.
            Without -o, gloss writes gloss-WHAT-DAY.EXT in the working folder (e.g. gloss-report-2026-03-31.html) and says where.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case csv, json, md, html }
    enum What: String, ExpressibleByArgument, CaseIterable { case terms, reviews, summary }

    @Option(name: .long, help: "csv, json, md or html.")
    var format: Format

    @Option(name: .long, help: "terms, reviews or summary (default: terms for csv, summary otherwise).")
    var what: What?

    @Option(name: .shortAndLong, help: "Where to write; - for standard output (default: a named file in the working folder).")
    var output: String?

    @Flag(help: "Overwrite an existing file.")
    var force = false

    @Option(name: .long, help: "Only this deck (default: every deck).")
    var deck: String?

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        switch (format, what ?? (format == .csv ? .terms : .summary)) {
        case (.csv, .summary): throw ValidationError("--format csv exports terms or reviews; use --format json for the summary")
        case (.json, .terms): throw ValidationError("--format json exports the summary or reviews; use --format csv for terms")
        case (.md, .terms), (.md, .reviews), (.html, .terms), (.html, .reviews):
            throw ValidationError("--format \(format.rawValue) is the stats report; it takes --what summary only")
        default: break
        }
    }

    func run(in session: Session) throws {
        let what = what ?? (format == .csv ? .terms : .summary)
        // The decks only where the export needs them: the reviews of every deck are the journal's alone.
        func decks() throws -> [Deck] { try deck.map { [try session.resolveDeck($0)] } ?? session.library.decks }
        if deck != nil { _ = try decks() }  // an unknown --deck is refused before anything is written
        // The reviews are the journal's alone: the card states are not read for them.
        let store = what == .reviews ? try session.progressForJournal() : try session.progress(forReading: true)
        let settings = store.settings
        let scheduler = try settings.makeScheduler(dayClock: session.dayClock(settings))
        let path = output ?? defaultPath(what: what, day: CivilDay(session.dayClock(settings).day(of: session.now())))
        // The journal is read once, never held: the reviews go out in chunks as they are written.
        try write(to: path, in: session) { emit in
            switch (format, what) {
            case (.csv, .terms):
                let text = try TermsCSV.text(
                    rows: TermsCSV.rows(
                        decks: try decks(), states: store.state.cards, lastRatings: try store.reviewTable().lastRatings(),
                        now: session.now(), retrievability: { scheduler.retrievability(of: $0, at: $1) }))
                try emit(Array(text.utf8))
            case (.csv, .reviews):
                try ReviewsCSV.write(try store.reviewTable(), decks: deck == nil ? nil : Set(try decks().map(\.id)), emit: emit)
            case (.json, .reviews):
                try ReviewsJSONL.write(forEach: { try store.forEachRecord($0) }, emit: emit)
            default:
                let summary = try session.statsSummary(decks: try decks())
                let text: String
                switch format {
                case .md: text = StatsMarkdown.render(summary)
                case .html: text = StatsHTML.render(summary)
                default: text = String(decoding: try StatsJSON.encode(summary), as: UTF8.self) + "\n"
                }
                try emit(Array(text.utf8))
            }
        }
        if output != "-" { session.console.line("Wrote \(path) (\(format.rawValue), \(what.rawValue)).") }
    }

    /// Runs `body` with an `emit` that writes to the console for `-` or to the file at `path`
    /// (written whole or not at all).
    private func write(to path: String, in session: Session, _ body: (_ emit: ([UInt8]) throws -> Void) throws -> Void) throws {
        guard path != "-" else {
            try body { session.console.write(String(decoding: $0, as: UTF8.self)) }
            return
        }
        try ExportFile.stream(to: path, force: force, body)
    }

    /// `./gloss-report-2026-03-31.html` and the like, as an absolute path: where `export`
    /// writes without `-o`.
    func defaultPath(what: What, day: CivilDay) -> String {
        let name: String
        switch (format, what) {
        case (.md, _), (.html, _): name = "report"
        case (_, .terms): name = "terms"
        case (_, .reviews): name = "reviews"
        case (_, .summary): name = "summary"
        }
        let ext: String
        switch format {
        case .csv: ext = "csv"
        case .json: ext = what == .reviews ? "jsonl" : "json"
        case .md: ext = "md"
        case .html: ext = "html"
        }
        let folder = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        return folder.appendingPathComponent("gloss-\(name)-\(day).\(ext)").path
    }
}
