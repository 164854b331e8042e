import Foundation

/// The 21 FSRS-6 parameters, validated: right count, finite, within the reference's bounds.
///
/// Older vectors (17 numbers from FSRS-4.5, 19 from FSRS-5, as Anki exports them) are
/// migrated to 21 the way fsrs-rs does.
///
/// ```swift
/// let p = try FSRSParameters(migrating: anki19Numbers)
/// p.values.count   // 21
/// ```
public struct FSRSParameters: Hashable, Codable, Sendable {
    /// The 21 numbers `w0 ... w20`.
    public private(set) var values: [Double]

    /// The defaults (FSRS-6), same as ``LearnerSettings/defaultFSRSParameters``.
    public static let `default` = FSRSParameters(unchecked: LearnerSettings.defaultFSRSParameters)

    /// Decay used when migrating FSRS-4.5/5 vectors (their fixed forgetting curve).
    public static let fsrs5Decay = 0.5

    /// Lower bound of each parameter (py-fsrs 6.3.2 `LOWER_BOUNDS_PARAMETERS`).
    public static let lowerBounds: [Double] = [
        0.001, 0.001, 0.001, 0.001, 1.0, 0.001, 0.001, 0.001, 0.0, 0.0, 0.001,
        0.001, 0.001, 0.001, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.1,
    ]

    /// Upper bound of each parameter (py-fsrs 6.3.2 `UPPER_BOUNDS_PARAMETERS`).
    public static let upperBounds: [Double] = [
        100.0, 100.0, 100.0, 100.0, 10.0, 4.0, 4.0, 0.75, 4.5, 0.8, 3.5,
        5.0, 0.25, 0.9, 4.0, 1.0, 6.0, 2.0, 2.0, 0.8, 0.8,
    ]

    init(unchecked values: [Double]) { self.values = values }

    /// Validates 21 numbers; throws naming every parameter out of bounds.
    public init(_ values: [Double]) throws(CoreError) {
        guard values.count == 21 else { throw .parameters(.wrongCount(values.count)) }
        if let i = values.firstIndex(where: { !$0.isFinite }) { throw .parameters(.notFinite(index: i)) }
        let out = values.indices.filter {
            !(Self.lowerBounds[$0] <= values[$0] && values[$0] <= Self.upperBounds[$0])
        }
        if !out.isEmpty {
            throw .parameters(
                .outOfBounds(
                    out.map {
                        .init(index: $0, value: values[$0], lower: Self.lowerBounds[$0], upper: Self.upperBounds[$0])
                    }))
        }
        self.values = values
    }

    /// Accepts 17, 19 or 21 numbers (an empty list means the defaults), migrates, then validates.
    public init(migrating values: [Double]) throws(CoreError) {
        try self.init(Self.migrated(values))
    }

    /// Migrates a 17- or 19-number vector to 21 as fsrs-rs `check_and_fill_parameters` does.
    ///
    /// 17 (FSRS-4.5): `w4 += 2·w5`, `w5 = ln(1 + 3·w5) / 3`, `w6 += 0.5`, then `0, 0, 0, 0.5`.
    /// 19 (FSRS-5): append `0, 0.5`. 21: unchanged. 0: the defaults.
    public static func migrated(_ values: [Double]) throws(CoreError) -> [Double] {
        switch values.count {
        case 0:
            return LearnerSettings.defaultFSRSParameters
        case 17:
            var w = values
            w[4] = w[5] * 2 + w[4]
            w[5] = log(w[5] * 3 + 1) / 3
            w[6] += 0.5
            w += [0, 0, 0, fsrs5Decay]
            return w
        case 19:
            return values + [0, fsrs5Decay]
        case 21:
            return values
        default:
            throw .parameters(.wrongCount(values.count))
        }
    }

    /// Clamps every parameter into its bounds (what an optimizer does after each step).
    public static func clipped(_ values: [Double]) -> [Double] {
        values.enumerated().map { i, v in
            i < lowerBounds.count ? min(max(v, lowerBounds[i]), upperBounds[i]) : v
        }
    }
}
