import Foundation

/// Where an export goes: a file (never overwritten without `force`) or stdout for `-`.
///
/// ```swift
/// try ExportFile.write(Data(StatsHTML.render(summary).utf8), to: "report.html", force: false)
/// let sink = try ExportFile.sink(path: "-", force: false)   // stdout
/// try ReviewsCSV.write(rows: rows, to: sink)
/// ```
public enum ExportFile {
    /// Writes `data` to `path` in one step (a temporary file renamed into place), or to stdout for `-`.
    public static func write(_ data: Data, to path: String, force: Bool) throws {
        if path == "-" {
            do { try FileHandle.standardOutput.write(contentsOf: data) } catch {
                throw StoreError.export(.cannotWrite(what: "stdout", reason: "\(error)"))
            }
            return
        }
        try checkFree(path, force: force)
        do { try data.write(to: URL(fileURLWithPath: path), options: .atomic) } catch {
            throw StoreError.export(.cannotWrite(what: path, reason: error.localizedDescription))
        }
    }

    /// Writes the chunks `body` hands to its `emit` to `path`, through a temporary file in
    /// the same folder that is synced and renamed into place at the end (a failed export
    /// leaves no half-written file), or straight to stdout for `-`.
    public static func stream(
        to path: String, force: Bool, _ body: (_ emit: ([UInt8]) throws -> Void) throws -> Void
    ) throws {
        if path == "-" {
            try body { chunk in
                do { try FileHandle.standardOutput.write(contentsOf: chunk) } catch {
                    throw StoreError.export(.cannotWrite(what: "stdout", reason: "\(error)"))
                }
            }
            return
        }
        try checkFree(path, force: force)
        let url = URL(fileURLWithPath: path)
        let temp = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
            .path
        guard FileManager.default.createFile(atPath: temp, contents: nil), let handle = FileHandle(forWritingAtPath: temp)
        else {
            throw StoreError.export(.cannotWrite(what: path, reason: "cannot create the file (does its folder exist?)"))
        }
        do {
            try body { chunk in
                do { try handle.write(contentsOf: chunk) } catch {
                    throw StoreError.export(.cannotWrite(what: path, reason: error.localizedDescription))
                }
            }
            do {
                try handle.synchronize()
                try handle.close()
            } catch {
                throw StoreError.export(.cannotWrite(what: path, reason: error.localizedDescription))
            }
            guard rename(temp, path) == 0 else {
                throw StoreError.export(.cannotWrite(what: path, reason: String(cString: strerror(errno))))
            }
        } catch {
            try? handle.close()
            try? FileManager.default.removeItem(atPath: temp)
            throw error
        }
    }

    /// A buffered sink writing to `path` (created, or truncated with `force`), or to stdout
    /// for `-`. Writers flush it at the end; the file closes when the sink is released.
    public static func sink(path: String, force: Bool) throws -> ExportSink {
        if path == "-" { return ExportSink(fileHandle: .standardOutput) }
        try checkFree(path, force: force)
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let handle = FileHandle(forWritingAtPath: path)
        else {
            throw StoreError.export(.cannotWrite(what: path, reason: "cannot create the file (does its folder exist?)"))
        }
        return ExportSink(fileHandle: handle)
    }

    private static func checkFree(_ path: String, force: Bool) throws {
        if !force && FileManager.default.fileExists(atPath: path) { throw StoreError.export(.fileExists(path: path)) }
    }
}
