import Foundation
import GlossCore

/// The learners a progress folder holds: every `<name>.json` snapshot and
/// `<name>.reviews.jsonl` journal whose name is a valid learner name.
public enum LearnerDirectory {
    /// A learner found in a progress folder.
    public struct Learner: Equatable, Sendable {
        public var name: String
        /// The time of the journal's last answer; nil when the journal is missing or empty.
        public var lastAnswer: Date?
    }

    /// The learners' names in `folder`, sorted; none when the folder is missing.
    public static func names(in folder: URL) -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        var names: Set<String> = []
        for file in files {
            for suffix in [".reviews.jsonl", ".json"] where file.hasSuffix(suffix) {
                let name = String(file.dropLast(suffix.count))
                if (try? LearnerName.validate(name)) != nil { names.insert(name) }
            }
        }
        return names.sorted()
    }

    /// The learners in `folder` with the time of their last answer.
    ///
    /// - Complexity: reads only the end of each journal (the last line), whatever its length.
    public static func learners(in folder: URL) -> [Learner] {
        names(in: folder).map { name in
            Learner(name: name, lastAnswer: lastAnswerTime(of: folder.appendingPathComponent("\(name).reviews.jsonl").path))
        }
    }

    /// The `time` of the last line of the journal at `path` (read from its end).
    static func lastAnswerTime(of path: String) -> Date? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let size = try? handle.seekToEnd(), size > 0 else { return nil }
        var start = size
        var tail = Data()
        // Back in blocks until the tail holds a line break before its last line.
        while start > 0 {
            let step = min(UInt64(4096), start)
            start -= step
            guard (try? handle.seek(toOffset: start)) != nil, let block = try? handle.read(upToCount: Int(step)) else {
                return nil
            }
            tail = block + tail
            let trimmed = tail.last == 0x0A ? tail.dropLast() : tail[...]
            if trimmed.contains(0x0A) || start == 0 { break }
        }
        let lines = tail.split(separator: 0x0A)
        guard let last = lines.last,
            let object = try? JSONSerialization.jsonObject(with: Data(last)) as? [String: Any],
            let time = object["time"] as? String
        else { return nil }
        return ISOTime.parse(time)
    }
}
