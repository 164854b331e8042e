/// Checks a learner name before it becomes part of a file name.
///
/// Allowed: ASCII letters, digits, `-`, `_` and `.`; not empty, not starting with `.`
/// (so no `..` and no hidden files), at most 64 characters.
public enum LearnerName {
    /// The longest learner name allowed, in characters.
    public static let maxLength = 64

    /// Returns `name` when it is a safe learner name; throws `ProgressError.invalidLearnerName`.
    @discardableResult
    public static func validate(_ name: String) throws -> String {
        let allowed = name.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII
                && (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
                    || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_" || scalar == ".")
        }
        guard !name.isEmpty, name.count <= maxLength, allowed, !name.hasPrefix("."), !name.contains("..") else {
            throw ProgressError.invalidLearnerName(name)
        }
        return name
    }
}
