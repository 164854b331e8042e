import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The name a device writes its journal under (`<learner>@<device>.reviews.jsonl`) and
/// stamps on its records: `--device`, else `GLOSS_DEVICE`, else the host name.
///
/// Allowed as in learner names (`LearnerName.isSafe`). A host name with other characters is
/// kept with them replaced by `-`.
public enum DeviceName {
    /// The device named by `given` (a `--device` value), the environment, or the host.
    public static func resolve(_ given: String?, environment: [String: String] = ProcessInfo.processInfo.environment)
        throws -> String
    {
        if let given { return try validate(given) }
        if let name = environment["GLOSS_DEVICE"], !name.isEmpty { return try validate(name) }
        return host()
    }

    /// `name` when it may name a device; throws `StoreError.progress(.invalidDeviceName)`.
    @discardableResult
    public static func validate(_ name: String) throws -> String {
        guard LearnerName.isSafe(name) else { throw StoreError.progress(.invalidDeviceName(name)) }
        return name
    }

    /// This machine's host name made safe (`device` when it has none).
    static func host() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        let raw =
            gethostname(&buffer, buffer.count) == 0
            ? String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) : ""
        var name = String(
            String.UnicodeScalarView(raw.unicodeScalars.map { LearnerName.isAllowed($0) ? $0 : "-" })
                .prefix(LearnerName.maxLength))
        while name.hasPrefix(".") { name.removeFirst() }
        while name.contains("..") { name = name.replacingOccurrences(of: "..", with: ".") }
        return name.isEmpty ? "device" : name
    }

}
