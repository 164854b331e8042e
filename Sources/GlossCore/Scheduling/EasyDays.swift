import Foundation

/// A day of the week, as easy days name them (Monday first).
public enum Weekday: Int, CaseIterable, Codable, Sendable {
    case mon, tue, wed, thu, fri, sat, sun

    /// The three-letter name `easy-days` reads and writes: `mon` … `sun`.
    public var name: String {
        switch self {
        case .mon: "mon"
        case .tue: "tue"
        case .wed: "wed"
        case .thu: "thu"
        case .fri: "fri"
        case .sat: "sat"
        case .sun: "sun"
        }
    }

    /// The weekday named `text`: its three letters or its English name, any case.
    public init?(named text: String) {
        let lower = text.lowercased()
        guard lower.count >= 3, let day = Self.allCases.first(where: { lower.hasPrefix($0.name) }) else { return nil }
        let full = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"][day.rawValue]
        guard lower == day.name || lower == full else { return nil }
        self = day
    }
}

extension DayClock {
    /// The weekday of study day `day` (its local date: day 0 is Thursday 1970-01-01).
    public func weekday(ofDay day: Int) -> Weekday {
        Weekday(rawValue: ((day % 7 + 7) % 7 + 3) % 7) ?? .mon
    }
}

/// Easy days: per weekday, the share of the normal review load that day should carry.
///
/// The load balancer honours them (``LoadBalancer``): a day with share `s` weighs as if it
/// were `1/s` times as full, a day with share 0 gets no card when any other day of the fuzz
/// range is possible, and no card ever leaves its fuzz range.
///
/// ```swift
/// let easy = try EasyDays(parsing: "sat=0.5,sun=0")
/// easy[.sat]   // 0.5
/// easy.text    // "sat=0.5,sun=0"
/// ```
public struct EasyDays: Hashable, Sendable {
    /// Share of the normal load per weekday, Monday first: 1 normal, 0 none.
    public private(set) var shares: [Double] = Array(repeating: 1, count: 7)

    /// Every day at its normal load.
    public init() {}

    /// Easy days from `sat=0.5,sun=0` (commas or spaces between days; a share 0–1, or a
    /// percentage such as `50%`); `none` or empty for none. Throws the first part that does
    /// not read, as typed, as an invalid `easy-days` setting.
    public init(parsing text: String) throws(CoreError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty || trimmed.lowercased() == "none" { return }
        for part in trimmed.split(whereSeparator: { $0 == "," || $0 == " " }) {
            let pieces = part.split(separator: "=", omittingEmptySubsequences: false)
            guard pieces.count == 2, let day = Weekday(named: String(pieces[0])),
                let share = Self.share(String(pieces[1]))
            else { throw .settings(.invalid(.easyDays, value: String(part))) }
            shares[day.rawValue] = share
        }
    }

    /// The share of `day`.
    public subscript(day: Weekday) -> Double {
        get { shares[day.rawValue] }
        set { shares[day.rawValue] = newValue }
    }

    /// True when every day carries its normal load.
    public var isNone: Bool { shares.allSatisfy { $0 == 1 } }

    /// True when every share is a finite number 0–1.
    public var isValid: Bool { shares.count == 7 && shares.allSatisfy { $0.isFinite && (0...1).contains($0) } }

    /// The text ``init(parsing:)`` reads back: `sat=0.5,sun=0`, or `none`.
    public var text: String {
        let parts = Weekday.allCases.filter { self[$0] != 1 }.map { "\($0.name)=\(Setting.text(self[$0]))" }
        return parts.isEmpty ? "none" : parts.joined(separator: ",")
    }

    /// A share from `0.5` or `50%`, 0–1; nil otherwise.
    static func share(_ text: String) -> Double? {
        let percent = text.hasSuffix("%")
        guard let number = Double(percent ? String(text.dropLast()) : text), number.isFinite else { return nil }
        let value = percent ? number / 100 : number
        return (0...1).contains(value) ? value : nil
    }
}

extension EasyDays: Codable {
    /// Stored as the days that differ from normal, `{"sat": 0.5, "sun": 0}`.
    public init(from decoder: any Decoder) throws {
        let stored = try decoder.singleValueContainer().decode([String: Double].self)
        for (name, share) in stored {
            if let day = Weekday(named: name) { self[day] = share }
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var stored: [String: Double] = [:]
        for day in Weekday.allCases where self[day] != 1 { stored[day.name] = self[day] }
        var container = encoder.singleValueContainer()
        try container.encode(stored)
    }
}
