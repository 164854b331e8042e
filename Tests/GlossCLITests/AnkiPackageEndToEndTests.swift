import Foundation
import Testing

/// `gloss import FILE.apkg` end to end, on packages made by the real Anki library.
@Suite struct AnkiPackageEndToEndTests {
    static func fixture(_ name: String) -> String {
        BinaryRunner.packageRoot.appendingPathComponent("Tests/GlossStoreTests/Fixtures/anki/\(name)").path
    }

    @Test func importsNotesAndHistory() throws {
        let folder = try BinaryRunner.projectFolder()
        let run = try BinaryRunner.run(
            ["import", Self.fixture("fsrs-legacy.apkg"), "--deck", "cells", "--now", "2026-06-01T09:00:00Z"], in: folder)
        #expect(run.status == 0)
        #expect(
            run.stdout
                == "Imported 6 entries (fsrs-legacy.apkg, collection.anki21) into Decks/cells.md; 22 reviews on 5 cards added to tester's history (replayed with the package's FSRS parameters).\nLint: clean.\n"
        )
        #expect(
            run.stderr
                == "warning: fsrs-legacy.apkg: 1 cloze note skipped (gloss has no cloze cards)\nwarning: fsrs-legacy.apkg: 1 media file not imported (gloss decks hold text only)\nwarning: fsrs-legacy.apkg: 1 manual or rescheduled revlog row skipped (no answer was given)\n"
        )
        let journal = try String(contentsOf: folder.appendingPathComponent("Progress/tester.reviews.jsonl"), encoding: .utf8)
        #expect(journal.split(separator: "\n").count == 22)
        #expect(journal.hasPrefix("{\"v\":3,"))
        #expect(journal.contains("\"card\":[\"cells\",\"photosynthesis\",\"recognize\"]"))

        // Again into the same deck: refused, nothing added.
        let again = try BinaryRunner.run(["import", Self.fixture("fsrs-legacy.apkg"), "--deck", "cells"], in: folder)
        #expect(again.status == 2)  // input error
        #expect(again.stderr.contains("a deck with id 'cells' already exists"))
        let after = try String(contentsOf: folder.appendingPathComponent("Progress/tester.reviews.jsonl"), encoding: .utf8)
        #expect(after == journal)

        // Merged: the studied cards keep their gloss history.
        let merged = try BinaryRunner.run(
            ["import", Self.fixture("fsrs-latest.apkg"), "--deck", "cells", "--merge", "--now", "2026-06-01T09:00:00Z"],
            in: folder)
        #expect(merged.status == 0)
        #expect(merged.stdout.hasPrefix("Merged into Decks/cells.md: 0 added, 0 updated, 6 unchanged; 0 reviews"))
        #expect(merged.stderr.contains("5 cards already studied in gloss keep their gloss progress"))
    }

    @Test func dryRunComparesWithAnkisStateAndWritesNothing() throws {
        let folder = try BinaryRunner.temporaryFolder()
        let run = try BinaryRunner.run(["import", Self.fixture("fsrs-latest.colpkg"), "--dry-run"], in: folder)
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("fsrs-latest.colpkg: collection.anki21b (schema 18), 7 notes → 6 entries, 0 problems\n"))
        #expect(run.stdout.contains("replay vs Anki's FSRS state on 5 cards: stability |Δ| mean 0.0000 max 0.0001 days"))
        #expect(run.stdout.contains("  line 4: Photosynthesis — Light, water and CO2 into sugar.\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func aBadPackageIsOneLineAndWritesNothing() throws {
        let folder = try BinaryRunner.projectFolder()
        try Data("not a zip".utf8).write(to: folder.appendingPathComponent("broken.apkg"))
        let run = try BinaryRunner.run(["import", "broken.apkg"], in: folder)
        #expect(run.status == 2)  // input error
        #expect(run.stderr == "error: broken.apkg: cannot read: not a zip file (an Anki package is a zip)\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["Decks", "broken.apkg"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("Decks").path) == [])
    }

    @Test func withoutFSRSTheDryRunSaysSoAndBadFieldsAreRefused() throws {
        let folder = try BinaryRunner.temporaryFolder()
        let run = try BinaryRunner.run(["import", Self.fixture("sm2-anki2.apkg"), "--dry-run"], in: folder)
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("sm2-anki2.apkg: collection.anki2 (schema 11), 7 notes → 6 entries, 0 problems\n"))
        #expect(run.stdout.contains("  no FSRS state in the package to compare with (FSRS was off in Anki)\n"))
        let bad = try BinaryRunner.run(["import", Self.fixture("sm2-anki2.apkg"), "--fields", "Front"], in: folder)
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("--fields takes TERM,DEFINITION[,EXPLANATION] field names, not 'Front'"))
        let missing = try BinaryRunner.run(["import", Self.fixture("sm2-anki2.apkg"), "--fields", "Term,Back"], in: folder)
        #expect(missing.status == 2)  // input error
        #expect(
            missing.stderr
                == "error: sm2-anki2.apkg: cannot read: note type 'Basic' has no field 'Term' (its fields: Front, Back); choose with --fields\n"
        )
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }
}
