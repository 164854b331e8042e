import Foundation
import GlossCore

/// `<learner>.stats.cache`: the stats tally of the review log up to an answer number, so
/// `gloss stats` reads only the answers after it instead of the whole log.
///
/// Derived data, ordinary JSON: deleting it loses nothing (the next `stats` counts the log
/// again and writes it back). It is ignored, and rewritten, when it can't be read, is of
/// another version, was counted in other study days (time zone or rollover hour changed), or
/// is ahead of the log, or was counted from another log (its `last` fingerprint, the answer
/// numbered `lastSeq`, differs from this log's). One row per deck and study day:
/// `[day, answers, right, ms, newSeen, newLearned, reviews, reviewsRight, then reviews and right
/// per interval]`; per deck, the all-time breakdown as one row (`AnswerBreakdown` flattened:
/// ratings by age, then reviews and right by hour, by age and by format) and each card's lapses
/// as `[day, count]` pairs.
enum StatsCacheFile {
    /// Version 2 added `last`; version 3 the new-seen column, the breakdown and the lapses;
    /// version 4 the tally's own confusion counts (`Confusions.counts`); version 5 the other
    /// devices' journal sizes it counted (`devices`). An older cache is counted again.
    static let version = 5

    /// What identifies the answer a tally ends at: its number, time and card.
    static func fingerprint(_ record: ReviewRecord?) -> String {
        guard let record else { return "" }
        return "\(record.seq) \(JournalTime.format(record.time)) \(record.card)"
    }

    struct Saved: Codable, Equatable {
        var version: Int
        var timeZone: String
        var rolloverHour: Int
        var lastSeq: Int
        var last: String
        var decks: [String: [[Int]]]
        var breakdown: [String: [Int]]
        var lapses: [String: [String: [[Int]]]]
        var confusions: [String: [String: Int]]
        /// The other devices' journals counted, by file name: their sizes (nil: none).
        var devices: [String: Int]?
    }

    private struct VersionProbe: Decodable { var version: Int }

    /// What reading the cache gave, before it is compared with the log.
    enum Reading {
        /// There is no cache file.
        case absent
        /// A tally counted in `clock`'s study days, ending at the answer `last` fingerprints,
        /// with the other devices' journals of `devices`.
        case usable(tally: StatsTally, last: String, devices: [String: Int]?)
        /// Not usable, in words ("is version 1, …"): it is counted again.
        case recount(String)
    }

    /// The saved tally and its `last` fingerprint, when it is usable with `clock`.
    static func load(_ path: String, folder: URL, clock: DayClock) -> (
        tally: StatsTally, last: String, devices: [String: Int]?
    )? {
        guard case .usable(let tally, let last, let devices) = read(path, clock: clock) else { return nil }
        return (tally, last, devices)
    }

    /// Reads the cache and says whether it can be used with `clock`, and if not, why.
    static func read(_ path: String, clock: DayClock) -> Reading {
        guard FileIO.exists(path) else { return .absent }
        let data: Data
        do {
            let fd = try FileIO.openProgressFile(path, O_RDONLY)
            defer { FileIO.close(fd) }
            let size = try FileIO.size(fd, path: path)
            guard size <= 1 << 28 else { return .recount("is \(size >> 20) MB, larger than any stats cache") }
            data = Data(try FileIO.read(fd, path: path, offset: 0, count: size))
        } catch {
            return .recount("cannot be read (\(error))")
        }
        var lapseDays: Saved.LapseDays? = [:]
        let fast = data.withUnsafeBytes { Saved(bytes: $0.bindMemory(to: UInt8.self), lapseDays: &lapseDays) }
        if fast == nil { lapseDays = nil }
        guard let saved = fast ?? (try? JSONDecoder().decode(Saved.self, from: data)) else {
            if let version = (try? JSONDecoder().decode(VersionProbe.self, from: data))?.version, version != Self.version {
                return .recount("is version \(version), this gloss counts version \(Self.version)")
            }
            return .recount("cannot be read (not a stats cache gloss wrote)")
        }
        guard saved.version == version else {
            return .recount("is version \(saved.version), this gloss counts version \(version)")
        }
        guard saved.timeZone == clock.timeZone.identifier else {
            return .recount("was counted in time zone \(saved.timeZone), not \(clock.timeZone.identifier)")
        }
        guard saved.rolloverHour == clock.rolloverHour else {
            return .recount(
                "was counted with study days starting at \(saved.rolloverHour):00, not \(clock.rolloverHour):00 (the rollover hour)"
            )
        }
        guard saved.lastSeq >= 0 else { return .recount("cannot be read (answer number \(saved.lastSeq))") }
        let width = 8 + 2 * DayFigures().byInterval.count
        var days: [DeckID: [Int: DayFigures]] = [:]
        for (deck, rows) in saved.decks {
            for row in rows {
                guard row.count == width else {
                    return .recount("cannot be read (a row of \(row.count) numbers, not \(width))")
                }
                var figures = DayFigures()
                figures.answers = RateFigure(reviews: row[1], correct: row[2])
                figures.timeSpentMs = row[3]
                figures.newSeen = row[4]
                figures.newLearned = row[5]
                figures.reviews = RateFigure(reviews: row[6], correct: row[7])
                for i in figures.byInterval.indices {
                    figures.byInterval[i] = RateFigure(reviews: row[8 + 2 * i], correct: row[9 + 2 * i])
                }
                days[DeckID(deck), default: [:]][row[0]] = figures
            }
        }
        var breakdown: [DeckID: AnswerBreakdown] = [:]
        for (deck, flat) in saved.breakdown {
            guard var part = unflatten(flat) else {
                return .recount("cannot be read (a breakdown of \(flat.count) numbers for deck \(deck))")
            }
            if let lapseDays {
                part.lapseDays = lapseDays[DeckID(deck)] ?? [:]
                breakdown[DeckID(deck)] = part
                continue
            }
            for (card, pairs) in saved.lapses[deck] ?? [:] {
                guard let key = CardKey(card) else { return .recount("cannot be read (card '\(card)')") }
                for pair in pairs {
                    guard pair.count == 2 else { return .recount("cannot be read (a lapse of \(pair.count) numbers)") }
                    part.lapseDays[key, default: [:]][pair[0]] = pair[1]
                }
            }
            breakdown[DeckID(deck)] = part
        }
        return .usable(
            tally: StatsTally(
                clock: clock, lastSeq: saved.lastSeq, days: days, breakdown: breakdown,
                confusions: Confusions(counts: saved.confusions)),
            last: saved.last, devices: saved.devices)
    }

    /// Why a usable tally ending at answer `lastSeq` (fingerprint `last`) was not counted
    /// from a log whose last answer is `logLastSeq` and whose answer `lastSeq` is `boundary`;
    /// nil when it was.
    static func mismatch(lastSeq: Int, last: String, logLastSeq: Int, boundary: ReviewRecord?) -> String? {
        if logLastSeq < lastSeq {
            return "counts answers up to number \(lastSeq), but the log ends at answer \(logLastSeq)"
        }
        if fingerprint(boundary) != last {
            return "ends at answer \(lastSeq), but not at this log's answer \(lastSeq) (counted from another log?)"
        }
        return nil
    }

    /// Saves `tally` atomically (temp file, fsync, rename); `last` is the record numbered
    /// `tally.lastSeq` (`fingerprint`).
    /// `lastSeq`, when given, is this device's answer the tally ends at (the tally's own is
    /// the largest number of any device's).
    static func write(
        _ tally: StatsTally, last: ReviewRecord?, lastSeq: Int? = nil, devices: [String: Int]? = nil, to path: String,
        folder: URL
    ) throws {
        try ProgressPathGuard.check(path, folder: folder)
        let tally = tally.settled()
        var decks: [String: [[Int]]] = [:]
        for (deck, days) in tally.days {
            decks[deck.rawValue] = days.keys.sorted().compactMap { day in
                guard let f = days[day], !f.isEmpty else { return nil }
                return [
                    day, f.answers.reviews, f.answers.correct, f.timeSpentMs, f.newSeen, f.newLearned, f.reviews.reviews,
                    f.reviews.correct,
                ]
                    + f.byInterval.flatMap { [$0.reviews, $0.correct] }
            }
        }
        var breakdown: [String: [Int]] = [:]
        var lapses: [String: [String: [[Int]]]] = [:]
        for (deck, part) in tally.breakdown {
            breakdown[deck.rawValue] = flatten(part)
            var cards: [String: [[Int]]] = [:]
            for (card, days) in part.lapseDays where !days.isEmpty {
                cards[card.description] = days.keys.sorted().map { [$0, days[$0] ?? 0] }
            }
            if !cards.isEmpty { lapses[deck.rawValue] = cards }
        }
        let saved = Saved(
            version: version, timeZone: tally.clock.timeZone.identifier, rolloverHour: tally.clock.rolloverHour,
            lastSeq: lastSeq ?? tally.lastSeq, last: fingerprint(last), decks: decks, breakdown: breakdown, lapses: lapses,
            confusions: tally.confusions.applied(to: Confusions()).counts, devices: devices)
        try FileIO.atomicWrite(saved.encoded(), to: path)
    }

    /// The counts of a breakdown, lapses aside, as one row.
    static func flatten(_ part: AnswerBreakdown) -> [Int] {
        part.ratings.flatMap { $0 }
            + [part.byHour, part.byAge, part.byFormat].flatMap { $0.flatMap { [$0.reviews, $0.correct] } }
    }

    /// The breakdown of a `flatten` row; nil for a row of another shape.
    static func unflatten(_ row: [Int]) -> AnswerBreakdown? {
        var part = AnswerBreakdown()
        let ratings = part.ratings.count * 4
        guard row.count == ratings + 2 * (part.byHour.count + part.byAge.count + part.byFormat.count) else { return nil }
        for a in part.ratings.indices { part.ratings[a] = Array(row[(4 * a)..<(4 * a + 4)]) }
        var at = ratings
        func figures(_ count: Int) -> [RateFigure] {
            defer { at += 2 * count }
            return (0..<count).map { RateFigure(reviews: row[at + 2 * $0], correct: row[at + 2 * $0 + 1]) }
        }
        part.byHour = figures(part.byHour.count)
        part.byAge = figures(part.byAge.count)
        part.byFormat = figures(part.byFormat.count)
        return part
    }
}
