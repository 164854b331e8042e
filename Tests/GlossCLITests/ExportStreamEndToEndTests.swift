import Foundation
import Testing

/// `export` of the reviews streams the journal: standard output and a file get the same
/// bytes, and the rows are the journal's scheduled answers, counted here from its JSON lines.
@Suite(.serialized) struct ExportStreamEndToEndTests {
    static let folder: URL = {
        let folder = (try? BinaryRunner.temporaryFolder()) ?? FileManager.default.temporaryDirectory
        try? MonthLearner.make(in: folder)
        return folder
    }()

    func gloss(_ arguments: [String]) throws -> BinaryRunner.Output {
        try BinaryRunner.run(
            ["--learner", "m", "--now", MonthLearner.now] + arguments, in: Self.folder, environment: ["TZ": "UTC"])
    }

    func exported(_ arguments: [String], file name: String) throws -> (stdout: String, file: String) {
        let out = try gloss(["export"] + arguments + ["-o", "-"])
        #expect(out.status == 0, "\(out.stderr)")
        let path = Self.folder.appendingPathComponent(name).path
        let written = try gloss(["export"] + arguments + ["-o", path])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stdout.hasPrefix("Wrote \(path) "))
        return (out.stdout, try String(contentsOfFile: path, encoding: .utf8))
    }

    @Test func reviewsCSVGoesOutWholeToStdoutAndToAFile() throws {
        let (stdout, file) = try exported(["--format", "csv", "--what", "reviews"], file: "r.csv")
        #expect(stdout == file)
        let journal = Self.folder.appendingPathComponent("Progress/m.reviews.jsonl")
        let reviews = try MonthLearnerStatsTests.answers(journal).filter { $0.kind == "review" }
        let lines = file.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "card_id,review_rating,review_time,review_duration")
        #expect(lines.last == "")  // ends with a newline
        #expect(lines.count - 2 == reviews.count)
        #expect(reviews.count > 1000)
        let first = try #require(reviews.first)
        #expect(lines[1].hasPrefix("\(first.card),\(first.rating),"))
        #expect(lines[1].hasSuffix(",\(first.ms)"))
    }

    @Test func reviewsJSONLinesGoOutWholeToStdoutAndToAFile() throws {
        let (stdout, file) = try exported(["--format", "json", "--what", "reviews"], file: "r.jsonl")
        #expect(stdout == file)
        let journal = try String(
            contentsOf: Self.folder.appendingPathComponent("Progress/m.reviews.jsonl"), encoding: .utf8)
        #expect(file.split(separator: "\n").count == journal.split(separator: "\n").count)
    }

    /// The reviews of every deck need no deck file read, but a `--deck` the folder lacks is
    /// refused, naming it, before anything is written.
    @Test(arguments: ["csv", "json"])
    func reviewsOfAnUnknownDeckAreRefused(format: String) throws {
        let path = Self.folder.appendingPathComponent("unknown-deck.\(format)").path
        let out = try gloss(["export", "--format", format, "--what", "reviews", "--deck", "nosuch", "-o", path])
        #expect(out.status != 0)
        #expect(out.stderr.contains("nosuch"), "\(out.stderr)")
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func termsCSVGoesOutWholeToStdoutAndToAFile() throws {
        let (stdout, file) = try exported(["--format", "csv", "--what", "terms"], file: "t.csv")
        #expect(stdout == file)
        #expect(file.hasPrefix("deck,entry_id,term,facet,state,due,"))
    }
}
