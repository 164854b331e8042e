import Foundation

/// The journals of one learner in a progress folder that several devices share (through
/// Syncthing, Dropbox, iCloud Drive or git): each device appends only to its own.
///
/// - `<learner>.reviews.jsonl`: the first device's (every journal before devices had names).
/// - `<learner>@<device>.reviews.jsonl`: each other device's.
/// - Copies a sync tool left beside one of them, `… (… conflicted copy …).jsonl` (Dropbox) or
///   `….sync-conflict-….jsonl` (Syncthing): read too, their answers merged by identity
///   (device, number and time) so nothing is counted twice.
struct DeviceJournals: Equatable {
    struct File: Equatable {
        var path: String
        /// The file's name in the folder.
        var name: String
        /// The device named by the file name (nil for `<learner>.reviews.jsonl`, which is the
        /// device of its records).
        var device: String?
        /// A copy a sync tool made of a journal.
        var isConflictedCopy: Bool
    }

    var files: [File]

    /// The journal file names of `learner` in `folder`, in name order (none when the folder
    /// can't be listed).
    static func find(in folder: URL, learner: String) -> DeviceJournals {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        var files: [File] = []
        for name in names.sorted() {
            guard let file = classify(name, learner: learner) else { continue }
            files.append(
                File(path: folder.appendingPathComponent(name).path, name: name, device: file.device, isConflictedCopy: file.copy)
            )
        }
        return DeviceJournals(files: files)
    }

    /// What a file name is for `learner`: a journal (of a device), a conflicted copy of one,
    /// or nil (not one of the learner's journals).
    static func classify(_ name: String, learner: String) -> (device: String?, copy: Bool)? {
        guard name.hasSuffix(".jsonl"), name.hasPrefix(learner) else { return nil }
        var rest = name.dropFirst(learner.count)
        var device: String?
        if rest.hasPrefix("@") {
            rest = rest.dropFirst()
            guard let end = rest.range(of: ".reviews") else { return nil }
            let candidate = String(rest[..<end.lowerBound])
            guard (try? DeviceName.validate(candidate)) != nil else { return nil }
            device = candidate
            rest = rest[end.lowerBound...]
        }
        guard rest.hasPrefix(".reviews") else { return nil }
        if rest == ".reviews.jsonl" { return (device, false) }
        let copy = rest.contains("conflicted copy") || rest.contains(".sync-conflict-")
        return copy ? (device, true) : nil
    }

    /// The file name of `device`'s own journal when it is not the first device's.
    static func name(learner: String, device: String) -> String { "\(learner)@\(device).reviews.jsonl" }
}
