import ArgumentParser
import Foundation
import GlossStore

/// `lint [FILE…]`: checks deck files for broken links, duplicates and giveaways.
struct LintCommand: GlossCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check deck files: duplicates, empty definitions, broken, one-way or missing links, giveaways.",
        discussion: """
            Also teaches what makes questions fair: pairs that name each other or read alike but are \
            not linked, words of a term inside its own definition, everyday-word aliases, names that \
            differ only by accents, and entries that cannot get a fair related-term or odd-one-out \
            question (notes). Exit code: 0 clean, 1 warnings only (with --strict), 2 errors; notes never fail.
            """)

    @Argument(help: "Deck files to check (default: every deck in the deck folder).")
    var files: [String] = []

    @Flag(help: "Treat warnings as failures (exit code 1).")
    var strict = false

    @OptionGroup var global: GlobalOptions

    func run(in session: Session) throws {
        let console = session.console
        var findings: [LintFinding] = []
        var checked = 0
        let paths: [String]
        if files.isEmpty {
            let folder = session.decksFolder
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            paths = names.sorted().filter(DeckLoader.isDeckFile).map { (folder as NSString).appendingPathComponent($0) }
        } else {
            paths = files
        }
        for path in paths {
            checked += 1
            do {
                findings += DeckLinter.lint(try DeckLoader.load(file: path))
            } catch {
                let line: Int
                if case .deckSyntax(_, let at, _) = error { line = at } else { line = 1 }
                findings.append(
                    LintFinding(
                        file: (path as NSString).lastPathComponent, line: line, severity: .error,
                        message: error.reason))
            }
        }
        let report = LintReport(findings: findings)
        for finding in findings { console.line(finding.description) }
        let summary =
            "\(checked) deck file\(checked == 1 ? "" : "s") checked: \(report.errors) error\(report.errors == 1 ? "" : "s"), \(report.warnings) warning\(report.warnings == 1 ? "" : "s")"
            + (report.notes > 0 ? ", \(report.notes) note\(report.notes == 1 ? "" : "s")" : "")
        console.line(summary)
        let code = report.exitCode(strict: strict)
        if code != 0 { throw ExitCode(code) }
    }
}
