/// The learner's own answer times per question format, from which "slow" is judged.
///
/// ```swift
/// var times = ResponseTimes()
/// for record in recent { times.add(Double(record.responseMs) / 1000, format: record.format) }
/// times.slowSeconds(for: .typed)   // 2 × the median typed answer once there are 10 (at least 5 s)
/// ```
public struct ResponseTimes: Hashable, Sendable {
    /// Answers of a format needed before its median is trusted.
    public static let minimumSamples = 10
    /// A right answer slower than this many times the median is slow.
    public static let slowFactor = 2.0
    /// No answer under this many seconds is slow, however quick the learner usually is.
    public static let slowFloor = 5.0
    /// Answers kept per format (the most recent).
    public static let kept = 200

    var samples: [QuestionFormat: [Double]] = [:]

    public init() {}

    /// Adds one answer's seconds (non-positive or absurd values are ignored).
    public mutating func add(_ seconds: Double, format: QuestionFormat) {
        guard seconds > 0, seconds < 3600 else { return }
        var list = samples[format, default: []]
        list.append(seconds)
        if list.count > Self.kept { list.removeFirst(list.count - Self.kept) }
        samples[format] = list
    }

    /// The median seconds of `format`'s answers; nil with fewer than ``minimumSamples``.
    public func median(for format: QuestionFormat) -> Double? {
        guard let list = samples[format], list.count >= Self.minimumSamples else { return nil }
        let sorted = list.sorted()
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }

    /// Above this many seconds a right answer in `format` is slow.
    public func slowSeconds(for format: QuestionFormat) -> Double {
        if let median = median(for: format) { return max(Self.slowFloor, Self.slowFactor * median) }
        return Self.fallbackSlowSeconds(for: format)
    }

    /// The bound used until the learner has enough answers of a format.
    public static func fallbackSlowSeconds(for format: QuestionFormat) -> Double {
        switch format {
        case .typed, .cloze, .nameRelated: 30
        case .matching: 60
        case .choiceTerm, .choiceDefinition, .relatedChoice, .oddOneOut, .flashcard: 20
        }
    }
}
