// libFuzzer entry point for every gloss parser; the target is chosen at compile time with
// `-D FUZZ_<NAME>` (scripts/fuzz.sh does this). Not a SwiftPM target.
import Foundation
import GlossCore

@testable import GlossStore

/// A scratch file for the loaders that read from a path (one per process), in the temporary
/// directory (`TMPDIR=/dev/shm` keeps it in memory).
let scratchPath = FileManager.default.temporaryDirectory.appendingPathComponent("gloss-fuzz-\(getpid())").path

/// The study days stats are counted in (made once: a time zone is slow to make).
let fuzzClock = DayClock(timeZone: TimeZone(secondsFromGMT: 0) ?? .current)

/// Puts `bytes` in the scratch file, or stops the run saying why (a target that could not
/// write it would test nothing).
func writeScratch(_ bytes: Data) {
    guard FileManager.default.createFile(atPath: scratchPath, contents: bytes) else {
        fputs("fuzz: cannot write the scratch file \(scratchPath)\n", stderr)
        exit(2)
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    let text = String(decoding: bytes, as: UTF8.self)
    #if FUZZ_MARKDOWN
        _ = try? MarkdownDeckParser.parse(text, file: "fuzz.md")
    #elseif FUZZ_JSON
        _ = try? JSONDeckCoder.parse(bytes, file: "fuzz.json")
    #elseif FUZZ_CSV
        _ = try? Importer.importText(text, fileName: "fuzz.csv")
        _ = try? Importer.importText(text, fileName: "fuzz.tsv")
    #elseif FUZZ_ANKI
        _ = try? Importer.importText(text, fileName: "fuzz.txt", options: ImportOptions(format: .anki))
    #elseif FUZZ_PAGE
        _ = try? Importer.importText(text, fileName: "fuzz.txt", options: ImportOptions(format: .page))
    #elseif FUZZ_SNAPSHOT
        writeScratch(bytes)
        if let loaded = try? SnapshotFile.load(scratchPath, learner: "fuzz") {
            _ = try? loaded.snapshot.state(file: scratchPath)
        }
    #elseif FUZZ_JOURNAL
        writeScratch(bytes)
        if let journal = try? Journal.open(scratchPath) {
            _ = try? journal.tail(after: 0)
            _ = try? journal.latestUnrevoked()
            // Forwards, replayed (as rebuild and stats read it), and in parts (as the exports
            // read it; one thread: libFuzzer's leak checks scan every thread's stack, which made
            // it 40x slower).
            var replay = ProgressState()
            var tally = StatsTally(clock: fuzzClock)
            _ = try? journal.forEach { tally.add(replay.apply($0)) }
            _ = try? journal.fold(
                parts: 3, minimumPartBytes: 1, concurrently: false, start: { ReviewTable.Part() },
                add: { $0.add($1) })
            journal.close()
        }
    #elseif FUZZ_REVIEWLOG
        _ = try? ReviewLogCSV.parse(text, file: "fuzz.csv")
    #else
        #error("define one FUZZ_<TARGET>")
    #endif
    return 0
}
