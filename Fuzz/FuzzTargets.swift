// libFuzzer entry point for every gloss parser; the target is chosen at compile time with
// `-D FUZZ_<NAME>` (scripts/fuzz.sh does this). Not a SwiftPM target.
import Foundation
import GlossCore

@testable import GlossStore

/// A scratch file for the loaders that read from a path (one per process).
let scratchPath = "/dev/shm/gloss-fuzz-\(getpid())"

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
        guard FileManager.default.createFile(atPath: scratchPath, contents: bytes) else { return 0 }
        if let loaded = try? SnapshotFile.load(scratchPath, learner: "fuzz") {
            _ = try? loaded.snapshot.state(file: scratchPath)
        }
    #elseif FUZZ_JOURNAL
        guard FileManager.default.createFile(atPath: scratchPath, contents: bytes) else { return 0 }
        if let journal = try? Journal.open(scratchPath) {
            _ = try? journal.tail(after: 0)
            _ = try? journal.latestUnrevoked()
            // Forwards, whole and in parts side by side (as rebuild and stats read it).
            _ = try? journal.forEach { _ in }
            _ = try? journal.fold(parts: 3, minimumPartBytes: 1, start: { ProgressPart() }, add: { $0.apply($1) })
            let clock = DayClock(timeZone: TimeZone(identifier: "UTC") ?? .current)
            _ = try? journal.fold(parts: 2, minimumPartBytes: 1, start: { StatsTally(clock: clock) }, add: { $0.add($1) })
            journal.close()
        }
    #elseif FUZZ_REVIEWLOG
        _ = try? ReviewLogCSV.parse(text, file: "fuzz.csv")
    #else
        #error("define one FUZZ_<TARGET>")
    #endif
    return 0
}
