import Foundation

/// The record as a JSON object (the reviews JSONL export, journals of version 1): an empty
/// `evidence` and nil fields are left out, and read back as such.
extension ReviewRecord: Codable {
    private enum CodingKeys: String, CodingKey {
        case seq, kind, time, card, format, answer, correct, rating, responseMs, confusedWith, evidence, before, after,
            revokes, device, rules
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            seq: try c.decode(Int.self, forKey: .seq), kind: try c.decode(Kind.self, forKey: .kind),
            time: try c.decode(Date.self, forKey: .time), card: try c.decode(CardKey.self, forKey: .card),
            format: try c.decodeIfPresent(QuestionFormat.self, forKey: .format),
            answer: try c.decode(String.self, forKey: .answer), correct: try c.decode(Bool.self, forKey: .correct),
            rating: try c.decode(Rating.self, forKey: .rating), responseMs: try c.decode(Int.self, forKey: .responseMs),
            confusedWith: try c.decodeIfPresent(EntryID.self, forKey: .confusedWith),
            evidence: try c.decodeIfPresent(AnswerEvidence.self, forKey: .evidence) ?? .none,
            before: try c.decodeIfPresent(CardState.self, forKey: .before),
            after: try c.decodeIfPresent(CardState.self, forKey: .after),
            revokes: try c.decodeIfPresent(Int.self, forKey: .revokes),
            device: try c.decodeIfPresent(String.self, forKey: .device),
            rules: try c.decodeIfPresent(ScheduleRules.self, forKey: .rules))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(seq, forKey: .seq)
        try c.encode(kind, forKey: .kind)
        try c.encode(time, forKey: .time)
        try c.encode(card, forKey: .card)
        try c.encodeIfPresent(format, forKey: .format)
        try c.encode(answer, forKey: .answer)
        try c.encode(correct, forKey: .correct)
        try c.encode(rating, forKey: .rating)
        try c.encode(responseMs, forKey: .responseMs)
        try c.encodeIfPresent(confusedWith, forKey: .confusedWith)
        if !evidence.isEmpty { try c.encode(evidence, forKey: .evidence) }
        try c.encodeIfPresent(before, forKey: .before)
        try c.encodeIfPresent(after, forKey: .after)
        try c.encodeIfPresent(revokes, forKey: .revokes)
        try c.encodeIfPresent(device, forKey: .device)
        try c.encodeIfPresent(rules, forKey: .rules)
    }
}
