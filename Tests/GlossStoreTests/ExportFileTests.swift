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
        #expect(throws: StoreError.export(.fileExists(path: path))) {
            try ExportFile.write(Data("two".utf8), to: path, force: false)
        }
        #expect(throws: StoreError.export(.fileExists(path: path))) { try ExportFile.sink(path: path, force: false) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "one")
        try ExportFile.write(Data("two".utf8), to: path, force: true)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "two")
        #expect(StoreError.export(.fileExists(path: path)).description == "\(path): already exists; pass --force to overwrite it")
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
        #expect(throws: StoreError.export(.cannotWrite(what: path, reason: "cannot create the file (does its folder exist?)"))) {
            try ExportFile.sink(path: path, force: false)
        }
    }
}

@Suite struct ExportFileStreamTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gloss-export-\(UUID().uuidString)")

    init() throws { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }

    struct Stop: Error {}

    @Test func streamWritesTheChunksWholeOrNotAtAll() throws {
        let path = folder.appendingPathComponent("r.csv").path
        try ExportFile.stream(to: path, force: false) { emit in
            for k in 0..<3 { try emit(Array("line \(k)\n".utf8)) }
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "line 0\nline 1\nline 2\n")
        #expect(throws: StoreError.export(.fileExists(path: path))) { try ExportFile.stream(to: path, force: false) { _ in } }
        // A failure half-way leaves the old file as it was and no temporary beside it.
        #expect(throws: Stop.self) {
            try ExportFile.stream(to: path, force: true) { emit in
                try emit(Array("half\n".utf8))
                throw Stop()
            }
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "line 0\nline 1\nline 2\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["r.csv"])
        try ExportFile.stream(to: path, force: true) { emit in try emit(Array("new\n".utf8)) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new\n")
    }

    @Test func streamIntoAMissingFolderIsAClearError() {
        let path = folder.appendingPathComponent("nope/r.csv").path
        #expect(throws: StoreError.export(.cannotWrite(what: path, reason: "cannot create the file (does its folder exist?)"))) {
            try ExportFile.stream(to: path, force: false) { _ in }
        }
    }
}
