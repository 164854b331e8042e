import GlossCore

/// The stats cache's JSON, written and read by hand (`JSONBytes`): at a year of answers on
/// 30,000 cards it is megabytes of integers, which `JSONEncoder`/`JSONDecoder` box one by one.
/// The text is the one `Saved`'s `Codable` form reads; a test checks both ways.
extension StatsCacheFile.Saved {
    /// The cache as JSON, keys sorted.
    func encoded() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(1 << 16)
        out.append(123)
        JSONBytes.key("breakdown", first: true, to: &out)
        JSONBytes.object(breakdown, to: &out) { JSONBytes.ints($0, to: &$1) }
        JSONBytes.key("confusions", to: &out)
        JSONBytes.object(confusions, to: &out) { row, out in JSONBytes.object(row, to: &out) { JSONBytes.int($0, to: &$1) } }
        JSONBytes.key("decks", to: &out)
        JSONBytes.object(decks, to: &out) { Self.rows($0, to: &$1) }
        if let devices {
            JSONBytes.key("devices", to: &out)
            JSONBytes.object(devices, to: &out) { JSONBytes.int($0, to: &$1) }
        }
        JSONBytes.key("lapses", to: &out)
        JSONBytes.object(lapses, to: &out) { cards, out in JSONBytes.object(cards, to: &out) { Self.rows($0, to: &$1) } }
        JSONBytes.key("last", to: &out)
        JournalCodec.quote(last, to: &out)
        JSONBytes.key("lastSeq", to: &out)
        JSONBytes.int(lastSeq, to: &out)
        JSONBytes.key("rolloverHour", to: &out)
        JSONBytes.int(rolloverHour, to: &out)
        JSONBytes.key("timeZone", to: &out)
        JournalCodec.quote(timeZone, to: &out)
        JSONBytes.key("version", to: &out)
        JSONBytes.int(version, to: &out)
        out.append(125)
        return out
    }

    /// One deck's `{"entry/facet": [[day, count], …], …}`, read into keys and days.
    private static func lapseDays(_ c: inout ByteCursor) -> [CardKey: [Int: Int]]? {
        var cards: [CardKey: [Int: Int]] = [:]
        let read = c.plainMembers { name, c in
            // A name with other bytes might be one card spelled two ways, which only the rows'
            // dictionary of names merges as before: such a cache is read that way.
            guard ByteCursor.isASCII(name), let key = CardKey(utf8: name), c.expect(91) else { return false }
            var days: [Int: Int] = [:]
            if !c.expect(93) {
                repeat {
                    guard c.expect(91), let day = c.int(), c.expect(44), let count = c.int(), c.expect(93) else { return false }
                    days[day] = count
                } while c.expect(44)
                guard c.expect(93) else { return false }
            }
            // As the rows' dictionary did: a repeated card replaces, a card with no days is none.
            cards[key] = days.isEmpty ? nil : days
            return true
        }
        return read ? cards : nil
    }

    private static func rows(_ rows: [[Int]], to out: inout [UInt8]) { JSONBytes.array(rows, to: &out, JSONBytes.ints) }

    /// The cache `bytes` hold; nil for anything else (an unknown or missing key, a value of
    /// another shape), which the caller hands to `JSONDecoder` to say what it is.
    init?(bytes: UnsafeBufferPointer<UInt8>) {
        var none: LapseDays?
        self.init(bytes: bytes, lapseDays: &none)
    }

    /// Each deck's cards' lapses by day, as `AnswerBreakdown.lapseDays` holds them.
    typealias LapseDays = [DeckID: [CardKey: [Int: Int]]]

    /// `init(bytes:)`; with `lapseDays` given (empty), the lapses are read into it, each card's
    /// key and days made once, and `lapses` is left empty (the cache's largest part: rows of
    /// `[day, count]` pairs by card name, which the tally would only read again). nil, too,
    /// for a card that is not an ASCII key or a lapse that is not a pair: the caller's
    /// `JSONDecoder` then reads it, and the tally says what is wrong.
    init?(bytes: UnsafeBufferPointer<UInt8>, lapseDays: inout LapseDays?) {
        var cursor = ByteCursor(bytes)
        var version: Int?, timeZone: String?, rolloverHour: Int?, lastSeq: Int?, last: String?
        var decks: [String: [[Int]]]?, breakdown: [String: [Int]]?, lapses: [String: [String: [[Int]]]]?
        var confusions: [String: [String: Int]]?, devices: [String: Int]?
        let read = cursor.members { key, c in
            switch key {
            case "version": version = c.int()
            case "timeZone": timeZone = c.string()
            case "rolloverHour": rolloverHour = c.int()
            case "lastSeq": lastSeq = c.int()
            case "last": last = c.string()
            case "decks": decks = c.dictionary { $0.intRows() }
            case "breakdown": breakdown = c.dictionary { $0.ints() }
            case "lapses":
                guard lapseDays != nil else {
                    lapses = c.dictionary { $0.dictionary { $0.intRows() } }
                    return lapses != nil
                }
                // A repeated key replaces, as it does in a dictionary read.
                lapses = [:]
                lapseDays = [:]
                return c.members { deck, c in
                    guard let cards = Self.lapseDays(&c) else { return false }
                    lapseDays?[DeckID(deck)] = cards
                    return true
                }
            case "confusions": confusions = c.dictionary { $0.dictionary { $0.int() } }
            case "devices": return c.nullable(into: &devices) { $0.dictionary { $0.int() } }
            default: return false
            }
            return true
        }
        guard read, cursor.peek() == nil, let version, let timeZone, let rolloverHour, let lastSeq, let last, let decks,
            let breakdown, let lapses, let confusions
        else { return nil }
        self.init(
            version: version, timeZone: timeZone, rolloverHour: rolloverHour, lastSeq: lastSeq, last: last, decks: decks,
            breakdown: breakdown, lapses: lapses, confusions: confusions, devices: devices)
    }
}
