import Foundation
import GlossCore
import Testing

@testable import GlossStore

/// The purpose-built reader must agree with `JSONDecoder` on every field.
@Suite struct ProgressFastDecodingTests {
    @Test func recordsAgreeWithJSONDecoder() throws {
        var rng = SplitMix64(seed: 42)
        let encoder = ProgressCoding.encoder(), decoder = ProgressCoding.decoder()
        var fastCount = 0
        for _ in 0..<3000 {
            let data = try encoder.encode(RandomRecords.record(&rng))
            let slow = try decoder.decode(ReviewRecord.self, from: data)
            let fast = [UInt8](data).withUnsafeBufferPointer { FastDecoding.record($0) }
            if let fast {
                fastCount += 1
                #expect(fast == slow, "\(String(decoding: data, as: UTF8.self))")
            } else {
                // Only escaped strings take the slow path.
                #expect(String(decoding: data, as: UTF8.self).contains("\\"))
            }
        }
        #expect(fastCount > 1500)
    }

    @Test(arguments: RandomRecords.oddLines)
    func oddLinesAreLeftToJSONDecoder(_ line: String) throws {
        let fast = Array(line.utf8).withUnsafeBufferPointer { FastDecoding.record($0) }
        #expect(fast == nil)
        #expect(throws: (any Error).self) { try ProgressCoding.decoder().decode(ReviewRecord.self, from: Data(line.utf8)) }
    }

    @Test func nullsAndUnknownFieldsReadAsJSONDecoderReadsThem() throws {
        let line =
            #"{"seq":7,"kind":"practice","time":"2026-01-01T00:00:00.5Z","card":{"deck":"d","entry":"e","facet":"relate"},"answer":"a","correct":false,"rating":1,"responseMs":10,"format":null,"after":null,"extra":[1,{"x":true}],"before":{"phase":"new","reps":0,"lapses":0,"due":null}}"#
        let fast = try #require(Array(line.utf8).withUnsafeBufferPointer { FastDecoding.record($0) })
        #expect(fast == (try ProgressCoding.decoder().decode(ReviewRecord.self, from: Data(line.utf8))))
        #expect(fast.before == CardState.new)
    }

    @Test func snapshotsAgreeWithJSONDecoder() throws {
        var rng = SplitMix64(seed: 9)
        var cards: [CardKey: CardState] = [:]
        for i in 0..<500 { cards[key("deck", "entry-\(i)", Facet.allCases[i % 3])] = RandomRecords.state(&rng) ?? .new }
        var confusions = Confusions()
        confusions.record(deck: "deck", asked: "entry-1", picked: "entry-2", times: 3)
        var settings = LearnerSettings()
        settings.learningSteps = [30, 90.5]
        settings.algorithm = .sm2
        let snapshot = ProgressSnapshot(
            learner: "ada", state: ProgressState(cards: cards, confusions: confusions, lastSeq: 77), settings: settings)
        let data = try ProgressCoding.encoder(pretty: true).encode(snapshot)
        let fast = try #require(FastDecoding.snapshot(data))
        #expect(fast == (try ProgressCoding.decoder().decode(ProgressSnapshot.self, from: data)))
        #expect(fast.settings == settings)

        let fixture = try Data(contentsOf: try fixtureURL("v1-ada.json"))
        let fastFixture = try #require(FastDecoding.snapshot(fixture))
        #expect(fastFixture == (try ProgressCoding.decoder().decode(ProgressSnapshot.self, from: fixture)))
    }
}

extension ProgressFastDecodingTests {
    /// Every optional member of the snapshot (rules, devices, suspended cards, device, the
    /// journal offset), present, null and absent, reads as `JSONDecoder` reads it; a key it
    /// does not know is left to `JSONDecoder`.
    @Test func snapshotMembersAgreeWithJSONDecoder() throws {
        var settings = LearnerSettings()
        settings.desiredRetention = 0.85
        var full = ProgressSnapshot(
            learner: "ada", state: ProgressState(cards: [key("d", "a"): .new], lastSeq: 9), settings: settings,
            lastLineOffset: 120, device: "phone")
        full.rules = ScheduleRules(settings: settings, timeZone: TimeZone(identifier: "Asia/Tokyo"))
        full.devices = ["ada@laptop.reviews.jsonl": 4096]
        full.suspended = ["d/a/recall", "d/b/recognize"]
        var bare = full
        bare.rules = nil
        bare.devices = nil
        bare.suspended = nil
        bare.device = nil
        bare.lastLineOffset = nil
        let decoder = ProgressCoding.decoder()
        for snapshot in [full, bare] {
            for data in [try ProgressCoding.encoder(pretty: true).encode(snapshot), Data(try FastEncoding.snapshot(snapshot))] {
                let fast = try #require(FastDecoding.snapshot(data))
                #expect(fast == (try decoder.decode(ProgressSnapshot.self, from: data)))
                #expect(fast == snapshot)
            }
        }
        let text = String(decoding: try FastEncoding.snapshot(bare), as: UTF8.self)
        let nulls = text.replacingOccurrences(
            of: "\"lastSeq\" : 9,", with: "\"lastSeq\" : 9, \"rules\": null, \"devices\": null, \"device\": null,")
        #expect(FastDecoding.snapshot(Data(nulls.utf8)) == bare)
        #expect(try decoder.decode(ProgressSnapshot.self, from: Data(nulls.utf8)) == bare)
        let unknown = text.replacingOccurrences(of: "\"lastSeq\" : 9,", with: "\"lastSeq\" : 9, \"later\": 1,")
        #expect(FastDecoding.snapshot(Data(unknown.utf8)) == nil)
        let state = text.replacingOccurrences(of: "\"reps\":", with: "\"streak\":1,\"reps\":")
        #expect(FastDecoding.snapshot(Data(state.utf8)) == nil)
    }
}

@Suite struct ProgressFastEncodingTests {
    @Test func writtenSnapshotReadsBackThroughJSONDecoder() throws {
        var rng = SplitMix64(seed: 5)
        var cards: [String: CardState] = [:]
        for i in 0..<300 {
            var state = CardState(phase: CardPhase.allCases[i % 4], reps: i, lapses: i % 3)
            if Bool.random(using: &rng) { state.step = i % 2 }
            if Bool.random(using: &rng) { state.stability = Double.random(in: 1e-6...1e5, using: &rng) }
            if Bool.random(using: &rng) { state.difficulty = Double.random(in: 1...10, using: &rng) }
            if Bool.random(using: &rng) { state.due = Date(timeIntervalSince1970: Double(i) * 1000.125) }
            if Bool.random(using: &rng) { state.lastReview = Date(timeIntervalSince1970: -Double(i) * 7.5) }
            if Bool.random(using: &rng) { state.ease = 2.5 }
            if Bool.random(using: &rng) { state.intervalDays = 1e-7 * Double(i) }
            cards["d/entry \"\(i)\" \\ é\t🙂\u{1}/recall"] = state
        }
        var confusions = Confusions()
        confusions.record(deck: "d", asked: "a", picked: "b")
        var snapshot = try #require(
            FastDecoding.snapshot(
                Data(
                    try FastEncoding.snapshot(
                        ProgressSnapshot(learner: "ada", state: ProgressState(lastSeq: 3), settings: LearnerSettings())))))
        snapshot.cards = cards
        snapshot.confusions = confusions
        let bytes = try FastEncoding.snapshot(snapshot)
        #expect(try ProgressCoding.decoder().decode(ProgressSnapshot.self, from: Data(bytes)) == snapshot)
        #expect(FastDecoding.snapshot(Data(bytes)) == nil || FastDecoding.snapshot(Data(bytes)) == snapshot)
        #expect(throws: EncodingError.self) {
            var bad = snapshot
            bad.cards["x/y/recall"] = CardState(stability: .nan)
            _ = try FastEncoding.snapshot(bad)
        }
    }
}
