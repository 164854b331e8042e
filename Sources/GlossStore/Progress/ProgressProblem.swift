import Foundation

/// What can go wrong with a learner's progress files, said for people: the file, the line,
/// the problem and what to do (thrown as `StoreError.progress`).
public enum ProgressProblem: Equatable, Sendable, CustomStringConvertible {
    /// The learner name has characters that are not allowed in a file name.
    case invalidLearnerName(String)
    /// A device name (`--device`, `GLOSS_DEVICE`) that can't be part of a file name.
    case invalidDeviceName(String)
    /// Another gloss holds the learner's lock file.
    case locked(file: String)
    /// A progress file is not valid JSON or has the wrong shape; it was left untouched.
    case unreadable(file: String, line: Int, problem: String)
    /// A progress file was written by a newer gloss; it was left untouched.
    case newerVersion(file: String, found: Int, supported: Int)
    /// The snapshot says more answers were recorded than the journal holds.
    case journalBehindSnapshot(journal: String, journalSeq: Int, snapshotSeq: Int)
    /// The journal line of the snapshot's last answer is not where the snapshot saw it:
    /// lines before it were changed since (edited, or the log replaced), though their
    /// numbering still reads right.
    case snapshotNotAtLine(journal: String, line: Int, seq: Int, expectedOffset: Int, foundOffset: Int)
    /// A progress file is a symbolic link that leads outside the progress folder; refused.
    case linkOutsideFolder(file: String, target: String)
    /// A progress file is not a regular file (a FIFO, a device, a folder); refused unread.
    case notRegularFile(file: String)
    /// The lock file was removed or replaced while this gloss held it: another gloss may be
    /// writing the same learner, so nothing more is written.
    case lockLost(file: String)
    /// `rebuild` would have left fewer cards than the snapshot has, and was not confirmed.
    case rebuildDeclined(file: String, cardsDropped: Int)
    /// A system call on a progress file failed.
    case io(file: String, operation: String, errno: Int32)
    /// Writing a new version of a file failed (a full disk, say); the file on disk is the
    /// old one, untouched.
    case notReplaced(file: String, operation: String, errno: Int32)
    /// A record that can't be written as a journal line (a number that is not finite, say):
    /// nothing of it was written.
    case unwritable(file: String, seq: Int, problem: String)

    public var description: String {
        switch self {
        case .invalidLearnerName(let name) where name.count > LearnerName.maxLength:
            "invalid learner name \"\(name.prefix(20))…\" (\(name.count) characters): use at most \(LearnerName.maxLength) letters, digits, '-', '_' and '.'"
        case .invalidLearnerName(let name):
            "invalid learner name \"\(name)\": use letters, digits, '-', '_' and '.', not empty, no '/' or '..'"
        case .invalidDeviceName(let name):
            "invalid device name \"\(name.prefix(64))\": use at most 64 letters, digits, '-', '_' and '.', not starting with '.'"
        case .linkOutsideFolder(let file, let target):
            "\(file): is a symbolic link to \(target), outside the progress folder; refused: replace the link with the file itself"
        case .locked(let file):
            "\(file): this learner is in use by another gloss (another terminal?); close it and try again"
        case .unreadable(let file, let line, let problem) where problem.hasPrefix(JournalCodec.newerPrefix):
            "\(file):\(line): \(problem); the file was left untouched: upgrade gloss to read it"
        case .unreadable(let file, let line, let problem):
            "\(file):\(line): \(problem); the file was left untouched: fix or move it away, then run `gloss rebuild` to recompute progress from the review log"
        case .newerVersion(let file, let found, let supported):
            "\(file): version \(found) was written by a newer gloss (this one reads up to version \(supported)); the file was left untouched: upgrade gloss"
        case .journalBehindSnapshot(let journal, let journalSeq, let snapshotSeq):
            "\(journal): the review log ends at answer \(journalSeq) but the snapshot records \(snapshotSeq); nothing was changed: restore the log from a backup, or run `gloss rebuild` to recompute progress from the log as it is"
        case .snapshotNotAtLine(let journal, let line, let seq, let expected, let found):
            "\(journal):\(line): answer \(seq), the snapshot's last, starts at byte \(found), not at byte \(expected) where the snapshot saw it, so lines before it were changed since; nothing was changed: run `gloss doctor` to check the log, then `gloss rebuild` to recompute progress from it"
        case .notRegularFile(let file):
            "\(file): is not a regular file (a FIFO, device or folder?); refused unread: move it away"
        case .lockLost(let file):
            "\(file): the lock file was removed or replaced while this gloss held it, so another gloss may be writing this learner; this answer was not saved: close every gloss of this learner and start again"
        case .rebuildDeclined(let file, let dropped):
            "\(file): rebuilding from the review log would drop \(dropped) card(s) the snapshot has; nothing was changed (run `gloss rebuild --yes` to rebuild anyway; the old snapshot is then kept beside it)"
        case .io(let file, let operation, let errno):
            "\(file): \(operation) failed: \(String(cString: strerror(errno)))"
        case .notReplaced(let file, let operation, let errno):
            "\(file): \(operation) failed: \(String(cString: strerror(errno))); the file was left as it was"
        case .unwritable(let file, let seq, let problem):
            "\(file): answer \(seq) can't be written as a journal line (\(problem)); nothing of it was written"
        }
    }
}
