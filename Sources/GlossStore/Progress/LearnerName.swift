/// Checks a learner name before it becomes part of a file name.
///
/// Allowed: ASCII letters, digits, `-`, `_` and `.`; not empty, not starting with `.`
/// (so no `..` and no hidden files), at most 64 characters.
public enum LearnerName {
    /// The longest learner name allowed, in characters.
    public static let maxLength = 64

    /// Returns `name` when it is a safe learner name; throws `StoreError.progress(.invalidLearnerName)`.
    @discardableResult
    public static func validate(_ name: String) throws -> String {
        guard isSafe(name) else { throw StoreError.progress(.invalidLearnerName(name)) }
        return name
    }

    /// The rule of every name that becomes part of a progress file name (learners, devices):
    /// ASCII letters, digits, `-`, `_`, `.`, not empty, at most `maxLength`, not starting
    /// with `.`, no `..`.
    static func isSafe(_ name: String) -> Bool {
        !name.isEmpty && name.count <= maxLength && name.unicodeScalars.allSatisfy(isAllowed) && !name.hasPrefix(".")
            && !name.contains("..")
    }

    /// A character such a name may hold.
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII
            && (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || scalar == "-" || scalar == "_" || scalar == ".")
    }
}
