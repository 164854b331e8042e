import Foundation
import GlossCore
import Testing

@testable import GlossStore

@Suite struct ExportFileTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gloss-export-\(UUID().uuidString)")

    init() throws { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }

    @Test func neverOverwritesWithoutForce() throws {
        let path = folder.appendingPathComponent("report.html").path
        try ExportFile.write(Data("one".utf8), to: path, force: false)
        #expect(throws: ExportError.fileExists(path: path)) { try ExportFile.write(Data("two".utf8), to: path, force: false) }
        #expect(throws: ExportError.fileExists(path: path)) { try ExportFile.sink(path: path, force: false) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "one")
        try ExportFile.write(Data("two".utf8), to: path, force: true)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "two")
        #expect(ExportError.fileExists(path: path).description == "\(path): already exists; pass --force to overwrite it")
    }

    @Test func sinkStreamsACSVFile() throws {
        let path = folder.appendingPathComponent("r.csv").path
        let card = CardKey(deck: "d", entry: "e", facet: .recall)
        let records = (1...5000).map {
            ReviewRecord(
                seq: $0, time: Date(timeIntervalSince1970: Double($0)), card: card, correct: true, rating: .good, responseMs: $0)
        }
        let rows = ReviewsCSV.rows(records: records)
        do {
            let sink = try ExportFile.sink(path: path, force: false)
            try ReviewsCSV.write(rows: rows, to: sink)
        }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text == (try ReviewsCSV.text(rows: rows)))
        #expect(text.hasSuffix("d/e/recall,3,1970-01-01T01:23:20.000000+00:00,5000\n"))
    }

    @Test func missingFolderIsAClearError() {
        let path = folder.appendingPathComponent("no/such/dir/x.csv").path
        #expect(throws: ExportError.self) { try ExportFile.sink(path: path, force: false) }
    }
}
